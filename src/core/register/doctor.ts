// `doctor`: everything a clerk needs checked when something seems wrong, each with what to do about it.
import fs from 'node:fs/promises'
import path from 'node:path'
import {headYearFiles, loadRegister, orphanTemps} from './store.js'
import {unreferencedYearFiles} from './year-files.js'
import {verifyJournal} from './journal.js'
import {lockPath, readableCompanions} from './paths.js'
import {blockersAside, lockState, STALE_MS} from './lock.js'
import {checkBackup, listBackups, yearFilesOfBackups} from './backups.js'
import {SCHEMA_VERSION} from '../domain/register-data.js'
import {ItplanError} from '../domain/errors.js'
import {createCalendar} from '../calendar/index.js'
import type {Params} from '../domain/errors.js'
import type {RegisterData} from '../domain/types.js'

export interface DoctorCheck {
  name: 'register' | 'journal' | 'lock' | 'backups' | 'calendar' | 'rules' | 'temp'
  status: 'ok' | 'warn' | 'fail'
  code: string
  params: Params
}

async function lockCheck(file: string): Promise<DoctorCheck> {
  const seconds = Math.round(STALE_MS / 1000)
  const s = await lockState(file).catch(() => ({state: 'free'}) as const)
  if (s.state === 'free') return {name: 'lock', status: 'ok', code: 'doctor.lockFree', params: {}}
  if (s.state === 'held') return {name: 'lock', status: 'warn', code: 'doctor.lockHeld', params: {since: s.since}}
  if (s.state === 'stale') return {name: 'lock', status: 'warn', code: 'doctor.lockStale', params: {seconds}}
  return {name: 'lock', status: 'warn', code: s.kind === 'file' ? 'doctor.lockBlockedFile' : 'doctor.lockBlockedFolder', params: {path: lockPath(file), since: s.since, seconds}}
}

async function backupChecks(file: string): Promise<DoctorCheck[]> {
  const backups = await listBackups(file)
  if (backups.length === 0) return [{name: 'backups', status: 'warn', code: 'doctor.backupsNone', params: {}}]
  const torn: string[] = []
  for (const b of backups) if (!(await checkBackup(b)).ok) torn.push(b.id)
  const sound = backups.filter((b) => !torn.includes(b.id))
  const checks: DoctorCheck[] = []
  if (sound.length > 0) checks.push({name: 'backups', status: 'ok', code: 'doctor.backupsOk', params: {count: sound.length, newest: sound.at(-1)!.id, newestAt: sound.at(-1)!.createdAt}})
  if (torn.length > 0) checks.push({name: 'backups', status: 'warn', code: 'doctor.backupsTorn', params: {count: torn.length, ids: torn, dir: path.dirname(backups[0].file)}})
  return checks
}

/** Year files neither the register nor a backup names: left by a writer killed between its files and its head. */
async function yearFilesCheck(file: string, data: RegisterData | null): Promise<DoctorCheck | null> {
  const head = await headYearFiles(file)
  const referenced = new Set([...head, ...(await yearFilesOfBackups(file))])
  const stray = await unreferencedYearFiles(file, referenced)
  if (stray.length > 0) return {name: 'temp', status: 'warn', code: 'doctor.yearFilesUnreferenced', params: {count: stray.length, files: stray.map((f) => path.basename(f))}}
  return data && head.length > 0 ? {name: 'register', status: 'ok', code: 'doctor.yearFilesOk', params: {count: head.length}} : null
}

async function tempCheck(file: string): Promise<DoctorCheck> {
  const temps = await orphanTemps(file)
  if (temps.length === 0) return {name: 'temp', status: 'ok', code: 'doctor.tempNone', params: {}}
  let bytes = 0
  for (const t of temps) bytes += (await fs.stat(t).catch(() => null))?.size ?? 0
  return {name: 'temp', status: 'warn', code: 'doctor.tempOrphans', params: {count: temps.length, mb: (bytes / 1024 / 1024).toFixed(1), files: temps.map((t) => path.basename(t))}}
}

export async function runDoctor(file: string): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = []
  let data: RegisterData | null = null
  try {
    data = await loadRegister(file)
    checks.push({name: 'register', status: 'ok', code: 'doctor.registerOk', params: {path: file, projects: data.projects.length, version: SCHEMA_VERSION}})
  } catch (error) {
    const e = error as ItplanError
    checks.push({name: 'register', status: 'fail', code: e instanceof ItplanError ? e.code : 'doctor.registerError', params: e instanceof ItplanError ? {...e.params} : {path: file, detail: String(error)}})
  }
  if (data) {
    const v = await verifyJournal(readableCompanions(file).journal, data.audit)
    checks.push(v.ok ? {name: 'journal', status: 'ok', code: 'doctor.journalOk', params: {entries: v.entries}} : {name: 'journal', status: 'fail', code: 'doctor.journalBad', params: {code: v.problem!.code, seq: v.problem!.seq ?? '', line: v.problem!.line ?? '', entries: v.entries, head: v.head, registerHead: v.registerHead, registerSeq: v.registerSeq ?? data.audit.seq}})
  }
  checks.push(await lockCheck(file))
  const aside = await blockersAside(file)
  if (aside.length > 0) checks.push({name: 'lock', status: 'warn', code: 'doctor.lockAside', params: {files: aside.map((a) => path.basename(a))}})
  checks.push(...(await backupChecks(file)))
  checks.push(await tempCheck(file))
  const years = await yearFilesCheck(file, data)
  if (years) checks.push(years)
  if (data) {
    const calendar = createCalendar(data.calendarOverrides ?? [])
    const years = [data.settings.planYear - 1, data.settings.planYear].filter((y) => !calendar.isCovered(y))
    checks.push(years.length === 0 ? {name: 'calendar', status: 'ok', code: 'doctor.calendarOk', params: {year: data.settings.planYear}} : {name: 'calendar', status: 'warn', code: 'doctor.calendarMissing', params: {years}})
    checks.push(data.rules.approvalStandardConfirmed ? {name: 'rules', status: 'ok', code: 'doctor.rulesOk', params: {version: data.rules.version}} : {name: 'rules', status: 'warn', code: 'doctor.rulesAssumed', params: {version: data.rules.version}})
  }
  return checks
}
