// .xls / .et (and the HTML or text that web systems save under those names): converted to .xlsx by LibreOffice,
// when it is installed, then read as any workbook.
import {execFile} from 'node:child_process'
import {constants as fsConstants} from 'node:fs'
import {access, copyFile, mkdir, mkdtemp, rm, stat} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {delimiter, extname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {InvalidData} from '../../domain/errors.js'
import type {Limits, SheetsRead} from './types.js'
import {readXlsxFile} from './xlsx.js'

const SOFFICE_TIMEOUT_MS = 180_000

/** Well-known install locations, since the Windows and macOS installers do not put soffice on the PATH. */
function wellKnownSoffice(): string[] {
  if (process.platform === 'win32') {
    const roots = [process.env['ProgramFiles'], process.env['ProgramFiles(x86)']].filter((r): r is string => !!r)
    return roots.map((r) => join(r, 'LibreOffice', 'program', 'soffice.exe'))
  }
  if (process.platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
  return []
}

async function isExecutable(candidate: string): Promise<boolean> {
  try {
    await access(candidate, process.platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK)
    return (await stat(candidate)).isFile()
  } catch {
    return false
  }
}

/** soffice on the PATH (looked up without a shell), else at a well-known location, else null. */
export async function findSoffice(): Promise<string | null> {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com', 'soffice'] : ['soffice']
  const dirs = (process.env.PATH ?? process.env.Path ?? '').split(delimiter).filter((d) => d !== '')
  for (const dir of dirs) for (const name of names) if (await isExecutable(join(dir, name))) return join(dir, name)
  for (const candidate of wellKnownSoffice()) if (await isExecutable(candidate)) return candidate
  return null
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, {timeout: SOFFICE_TIMEOUT_MS, windowsHide: true}, (error, _stdout, stderr) => {
      if (error) reject(new Error(String(stderr || error.message).trim().slice(0, 300)))
      else resolve()
    })
  })
}

/** `read`: what to make of the converted .xlsx (the declaration reader's sheets, or a form's grid). */
export async function readLegacyFile<R = SheetsRead>(path: string, file: string, limits: Limits, sofficeOption: string | null | undefined, read: (path: string, file: string, limits: Limits) => Promise<R> = readXlsxFile as never): Promise<R> {
  const soffice = sofficeOption === undefined ? await findSoffice() : sofficeOption
  if (!soffice) throw new InvalidData('file.legacyFormat', {file, ext: extname(file).toLowerCase()})
  const work = await mkdtemp(join(tmpdir(), 'itplan-soffice-'))
  try {
    // A plain ASCII copy: soffice names its output after the input, and some builds mishandle non-ASCII paths.
    const inDir = join(work, 'in')
    const outDir = join(work, 'out')
    await mkdir(inDir)
    const source = join(inDir, 'source' + extname(file).toLowerCase())
    await copyFile(path, source)
    // A private profile, so parallel runs (and a clerk's open LibreOffice) do not block each other.
    const profile = pathToFileURL(join(work, 'profile')).href
    try {
      await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'xlsx', '--outdir', outDir, source])
    } catch (e) {
      throw new InvalidData('file.convertFailed', {file, detail: (e as Error).message})
    }
    const converted = join(outDir, 'source.xlsx')
    if (!(await isFile(converted))) throw new InvalidData('file.convertFailed', {file, detail: 'no output'})
    return await read(converted, file, limits)
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

async function isFile(candidate: string): Promise<boolean> {
  try {
    return (await stat(candidate)).isFile()
  } catch {
    return false
  }
}
