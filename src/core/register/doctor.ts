// `doctor`: everything a clerk needs checked when something seems wrong, each with what to do about it.
import fs from 'node:fs/promises'
import {loadRegister} from './store.js'
import {verifyJournal} from './journal.js'
import {journalPath} from './paths.js'
import {isLocked, STALE_MS} from './lock.js'
import {listBackups} from './backups.js'
import {SCHEMA_VERSION} from '../domain/register-data.js'
import {ItplanError} from '../domain/errors.js'
import {createCalendar} from '../calendar/index.js'
import type {Params} from '../domain/errors.js'
import type {RegisterData} from '../domain/types.js'

export interface DoctorCheck {
  name: 'register' | 'journal' | 'lock' | 'backups' | 'calendar' | 'rules'
  status: 'ok' | 'warn' | 'fail'
  code: string
  params: Params
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
    const v = await verifyJournal(journalPath(file), data.audit)
    checks.push(v.ok ? {name: 'journal', status: 'ok', code: 'doctor.journalOk', params: {entries: v.entries}} : {name: 'journal', status: 'fail', code: 'doctor.journalBad', params: {code: v.problem!.code, seq: v.problem!.seq ?? '', line: v.problem!.line ?? ''}})
  }
  try {
    const locked = await isLocked(file)
    const stat = await fs.stat(`${file}.lock`).catch(() => null)
    if (!stat) checks.push({name: 'lock', status: 'ok', code: 'doctor.lockFree', params: {}})
    else if (locked) checks.push({name: 'lock', status: 'warn', code: 'doctor.lockHeld', params: {since: stat.mtime.toISOString()}})
    else checks.push({name: 'lock', status: 'warn', code: 'doctor.lockStale', params: {seconds: Math.round(STALE_MS / 1000)}})
  } catch {
    checks.push({name: 'lock', status: 'ok', code: 'doctor.lockFree', params: {}})
  }
  const backups = await listBackups(file)
  checks.push(backups.length > 0 ? {name: 'backups', status: 'ok', code: 'doctor.backupsOk', params: {count: backups.length, newest: backups.at(-1)!.id}} : {name: 'backups', status: 'warn', code: 'doctor.backupsNone', params: {}})
  if (data) {
    const calendar = createCalendar(data.calendarOverrides ?? [])
    const years = [data.settings.planYear - 1, data.settings.planYear].filter((y) => !calendar.isCovered(y))
    checks.push(years.length === 0 ? {name: 'calendar', status: 'ok', code: 'doctor.calendarOk', params: {year: data.settings.planYear}} : {name: 'calendar', status: 'warn', code: 'doctor.calendarMissing', params: {years}})
    checks.push(data.rules.approvalStandardConfirmed ? {name: 'rules', status: 'ok', code: 'doctor.rulesOk', params: {version: data.rules.version}} : {name: 'rules', status: 'warn', code: 'doctor.rulesAssumed', params: {version: data.rules.version}})
  }
  return checks
}
