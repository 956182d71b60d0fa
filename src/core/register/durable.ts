// Small pieces of durable file handling shared by the register, its backups and its companions.

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
