// Where the register and its companions live. The journal, backups and lock sit beside the register so that a
// register on a shared drive carries its own history with it. Every companion is named from the register's FULL
// file name (`register.json.audit.jsonl`), so `data/register` and `data/register.json` never share one; registers
// of earlier versions (`register.audit.jsonl` beside `register.json`) are read as they are and their companions
// moved to the new names by the next change (see legacy.ts).
import fs from 'node:fs'
import path from 'node:path'

export function resolveRegisterPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const chosen = flag ?? env.ITPLAN_REGISTER ?? path.join('data', 'register.json')
  return followLinks(path.resolve(cwd, chosen))
}

/**
 * A register given as a symbolic link is the link's target: writes go through to it (a rename over the link would
 * split the register in two) and the lock and companions sit beside it. A dangling link names the file to create.
 */
export function followLinks(file: string): string {
  let current = file
  for (let hops = 0; hops < 40; hops++) {
    let stat: fs.Stats
    try {
      stat = fs.lstatSync(current)
    } catch {
      return current
    }
    if (!stat.isSymbolicLink()) return current
    current = path.resolve(path.dirname(current), fs.readlinkSync(current))
  }
  return current
}

export function journalPath(registerPath: string): string {
  return `${registerPath}.audit.jsonl`
}

/** The entries of the last commit, written durably beside the journal just before the register is renamed. */
export function pendingPath(journal: string): string {
  return journal.replace(/\.jsonl$/, '') + '.pending.jsonl'
}

export function backupsDir(registerPath: string): string {
  return `${registerPath}.backups`
}

/** The year files (year-files.ts). */
export function yearsDir(registerPath: string): string {
  return `${registerPath}.years`
}

export function lockPath(registerPath: string): string {
  return `${registerPath}.lock`
}

/** The companions' names before they were named from the full file name; null when they are the same names. */
export function legacyCompanions(registerPath: string): {journal: string; pending: string; backups: string} | null {
  const {dir, name, ext} = path.parse(registerPath)
  if (ext === '') return null
  const journal = path.join(dir, `${name}.audit.jsonl`)
  return {journal, pending: pendingPath(journal), backups: path.join(dir, `${name}.backups`)}
}

/**
 * The journal and backups a command that changes nothing reads: the new names, or the old ones of a register no
 * change has touched since the names changed (the next change moves them).
 */
export function readableCompanions(registerPath: string): {journal: string; backups: string} {
  const journal = journalPath(registerPath)
  const backups = backupsDir(registerPath)
  const legacy = legacyCompanions(registerPath)
  if (!legacy || fs.existsSync(journal)) return {journal, backups}
  const old = fs.existsSync(legacy.journal)
  return {journal: old ? legacy.journal : journal, backups: old && !fs.existsSync(backups) && fs.existsSync(legacy.backups) ? legacy.backups : backups}
}

/** Temp files of the register's atomic write: `.register.json.<pid>.<hex>.tmp`. */
export function registerTempPattern(registerPath: string): RegExp {
  const base = path.basename(registerPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^\\.${base}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`)
}

/** The real path of a file that may not exist yet: its folder's real path and its own name. */
function realish(file: string): string {
  const resolved = path.resolve(file)
  try {
    return fs.realpathSync(resolved)
  } catch {
    // not there (yet): the real folder, the same name
  }
  let dir = path.dirname(resolved)
  const rest = [path.basename(resolved)]
  for (;;) {
    try {
      return path.join(fs.realpathSync(dir), ...rest)
    } catch {
      if (path.dirname(dir) === dir) return resolved
      rest.unshift(path.basename(dir))
      dir = path.dirname(dir)
    }
  }
}

/**
 * Output files must never replace the register or its companions, whatever the spelling: both sides are compared
 * as real paths, so a symlinked folder or a `..` detour reaches the same answer.
 */
export function isProtectedPath(registerPath: string, candidate: string): boolean {
  const target = realish(candidate)
  const register = realish(registerPath)
  const legacy = legacyCompanions(register)
  const files = [register, journalPath(register), pendingPath(journalPath(register)), lockPath(register)]
  const folders = [backupsDir(register), lockPath(register), yearsDir(register)]
  if (legacy) {
    files.push(legacy.journal, legacy.pending)
    folders.push(legacy.backups)
  }
  return files.includes(target) || folders.some((f) => target === f || target.startsWith(f + path.sep))
}
