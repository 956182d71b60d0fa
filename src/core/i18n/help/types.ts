/** What `itplan help` shows of one command, in one language. `<%= config.bin %>` in an example is the binary. */
export interface CommandHelpText {
  summary: string
  description?: string
  examples: string[]
  /** flag descriptions that differ from the command's own (the command's are Simplified Chinese) */
  flags?: Record<string, string>
  /** argument descriptions, likewise */
  args?: Record<string, string>
}
