// Small pieces of durable file handling shared by the register, its backups and its companions.
import fs from 'node:fs/promises'

/** A rename is durable only once the directory entry is on disk; Windows cannot open directories, so skip there. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** true while a process with this id runs on this machine (EPERM: it runs, as someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** `register.json.audit.20271201T083000123Z.jsonl`: where a journal that belongs to history is kept aside. */
export function asideName(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '')
  return file.endsWith('.jsonl') ? `${file.slice(0, -'.jsonl'.length)}.${stamp}.jsonl` : `${file}.${stamp}`
}
