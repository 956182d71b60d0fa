// Where the register and its companions live. The journal, backups and lock sit beside the register so that a
// register on a shared drive carries its own history with it.
import path from 'node:path'
import {pendingPath} from './journal.js'

export function resolveRegisterPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const chosen = flag ?? env.ITPLAN_REGISTER ?? path.join('data', 'register.json')
  return path.resolve(cwd, chosen)
}

export function journalPath(registerPath: string): string {
  const {dir, name} = path.parse(registerPath)
  return path.join(dir, `${name}.audit.jsonl`)
}

export function backupsDir(registerPath: string): string {
  const {dir, name} = path.parse(registerPath)
  return path.join(dir, `${name}.backups`)
}

export function lockTarget(registerPath: string): string {
  return registerPath
}

/** Output files must never replace the register or its companions. */
export function isProtectedPath(registerPath: string, candidate: string): boolean {
  const target = path.resolve(candidate)
  const backups = backupsDir(registerPath)
  return (
    target === path.resolve(registerPath) ||
    target === journalPath(registerPath) ||
    target === pendingPath(journalPath(registerPath)) ||
    target === `${path.resolve(registerPath)}.lock` ||
    target.startsWith(backups + path.sep)
  )
}
