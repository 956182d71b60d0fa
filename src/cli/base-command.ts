// Every itplan command extends this: the global flags of DESIGN §5, the language, the register, and the one
// place where typed errors become exit codes and catalogue messages (in JSON when --json is on).
import fs from 'node:fs'
import os from 'node:os'
import {Command, Flags, Errors, type Interfaces} from '@oclif/core'
import {t, codeText, setLang, setRegion, word, hasMessage, type MessageKey} from '../core/i18n/index.js'
import {regionOf} from '../core/domain/region.js'
import {langFromArgv} from './lang.js'
import {ItplanError, InvalidInput, IllegalTransition, UsageError} from '../core/domain/errors.js'
import {problemText} from '../core/i18n/problems.js'
import {resolveRegisterPath, isProtectedPath} from '../core/register/paths.js'
import {loadRegister, mutateRegister, type LoadScope, type MutationContext, type MutationOutcome, type Committed} from '../core/register/store.js'
import {parseDate, todayLocal} from '../core/domain/dates.js'
import type {Change, RegisterData} from '../core/domain/types.js'
import {noticesOf, type Notice} from '../core/domain/notices.js'
import {recordPlanChanges} from '../core/operations/plan.js'
import {noticeText} from './render.js'
import {openCalendar, type CalendarSession} from '../core/calendar/session.js'
import {err as errColour, out, terminalText, warn, writeErr} from './ui.js'
import {checkDateInRange, checkTextLengths} from './flags.js'
import type {ErrorBody, ErrorResult} from './results.js'
import {PromptCancelled, promptForJson} from './prompt.js'
import {bareAmountNotice, parseAmountFlag} from './amount.js'

const warnColour = (text: string) => out.yellow(text)

export type CommandFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof ItplanCommand)['baseFlags'] & T['flags']>
export type CommandArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>

export abstract class ItplanCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true

  static override baseFlags = {
    register: Flags.string({description: t('globalFlag.register'), helpGroup: 'GLOBAL'}),
    lang: Flags.string({description: t('globalFlag.lang'), options: ['zh', 'en'], helpGroup: 'GLOBAL'}),
    'lock-timeout': Flags.integer({description: t('globalFlag.lock-timeout'), default: 30, min: 0, helpGroup: 'GLOBAL'}),
    operator: Flags.string({description: t('globalFlag.operator'), env: 'ITPLAN_OPERATOR', helpGroup: 'GLOBAL'}),
  }

  protected flags!: CommandFlags<T>
  protected args!: CommandArgs<T>
  /** every positional argument, for commands that take many (import) */
  protected positional: string[] = []

  public override async init(): Promise<void> {
    // The language must be known before parsing, so that even a parse error speaks the clerk's language.
    setLang(langFromArgv(this.argv))
    await super.init()
    const {flags, args, argv} = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof ItplanCommand).baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      args: this.ctor.args,
      strict: this.ctor.strict,
    })
    this.flags = flags as CommandFlags<T>
    this.args = args as CommandArgs<T>
    this.positional = argv as string[]
    checkTextLengths(flags, args, argv)
    promptForJson(this.jsonEnabled())
  }

  protected get registerPath(): string {
    return resolveRegisterPath(this.flags.register)
  }

  protected get operator(): string {
    if (this.flags.operator) return this.flags.operator
    try {
      return os.userInfo().username
    } catch {
      return process.env.USER ?? process.env.USERNAME ?? 'unknown'
    }
  }

  /** A register setting applies only when neither --lang nor ITPLAN_LANG chose a language. */
  private applyRegisterLang(data: RegisterData): void {
    if (!this.flags.lang && !process.env.ITPLAN_LANG) setLang(data.settings.lang)
    // region (issue 23): the catalogue's {region}, {level}, {tier} and {measuresName} are the register's
    setRegion(regionOf(data.settings))
  }

  /** `scope`: the projects the command reads, when it reads only them (DESIGN §17: only their years are read). */
  protected async load(scope?: LoadScope): Promise<RegisterData> {
    const data = await loadRegister(this.registerPath, scope)
    this.applyRegisterLang(data)
    return data
  }

  /**
   * Runs a change under the lock. After the change, the approved plans are compared with the projects it touched
   * (changes since approval, DESIGN §11.1), and everything it changed is returned as notices (§11.7).
   */
  protected async mutate<R>(change: (ctx: MutationContext) => MutationOutcome<R> | Promise<MutationOutcome<R>>, options: {dryRun?: boolean; scope?: LoadScope} = {}): Promise<Committed<R> & {notices: Notice[]}> {
    let changes: Change[] = []
    const committed = await mutateRegister(
      {
        file: this.registerPath,
        lockTimeoutMs: this.flags['lock-timeout'] * 1000,
        operator: this.operator,
        command: ['itplan', (this.id ?? '').replace(/:/g, ' '), ...this.argv].join(' ').slice(0, 500),
        dryRun: options.dryRun,
        scope: options.scope,
      },
      async (ctx) => {
        this.applyRegisterLang(ctx.data)
        const outcome = await change(ctx)
        outcome.changes.push(...recordPlanChanges(ctx.data, outcome.changes, this.commandDate()))
        changes = outcome.changes
        return outcome
      },
    )
    return {...committed, notices: noticesOf(changes)}
  }

  /** The date the command records (its --date, else today). */
  protected commandDate(): string {
    const value = (this.flags as {date?: unknown}).date
    return this.dateFlag('date', typeof value === 'string' ? value : undefined)
  }

  /** Prints the notices after the new status, and puts them beside the result's fields for --json, after the
   * warnings about the command's own input (already on stderr). */
  protected withNotices<R extends object>(result: R, notices: readonly Notice[]): R & {notices: Array<{code: string; message: string}>} {
    const rendered = notices.map((n) => ({code: n.code, message: noticeText(n)}))
    for (const n of rendered) this.say(warnColour(`  ${t('common.notice')}${n.message}`))
    return {...result, notices: [...this.inputWarnings, ...rendered]}
  }

  private inputWarnings: Array<{code: string; message: string}> = []

  /** Warnings about what the clerk typed (a bare amount, DESIGN §5): on stderr now, and in --json's notices. */
  protected warnAmounts(notices: readonly Notice[]): void {
    for (const n of notices) {
      const message = noticeText(n)
      this.warnText(message)
      this.inputWarnings.push({code: n.code, message})
    }
  }

  /** An amount flag (`80万`, `800000`, `1.2亿`) in 分; a bare number under 1 万元 is warned about. */
  protected amountFlag(flag: string, value: string | undefined): number | null {
    const fen = parseAmountFlag(flag, value)
    const notice = bareAmountNotice(`--${flag}`, value)
    if (notice) this.warnAmounts([notice])
    return fen
  }

  /** A date flag: any accepted form, default today. */
  protected dateFlag(name: string, value: string | undefined): string {
    if (value === undefined) return todayLocal()
    const parsed = parseDate(value)
    if (!parsed) throw new UsageError('usage.dateFlag', {flag: name, value})
    return checkDateInRange(name, value, parsed)
  }

  /** Output files never replace the register, its journal or backups. */
  protected guardOutput(file: string): void {
    if (isProtectedPath(this.registerPath, file)) throw new UsageError('output.protected', {path: file})
    if (fs.statSync(file, {throwIfNoEntry: false})?.isDirectory()) throw new UsageError('output.isDirectory', {path: file})
    // A device node, FIFO, socket or symbolic link is never replaced by a regular file (as root that was /dev/null).
    const own = fs.lstatSync(file, {throwIfNoEntry: false})
    if (own && !own.isFile()) throw new UsageError('output.notRegular', {path: file})
  }

  private calendars: CalendarSession[] = []

  /** The working-day calendar with the register's overrides; uncovered years are warned about once, at the end. */
  protected calendarFor(data: Pick<RegisterData, 'calendarOverrides'> | null): CalendarSession {
    const session = openCalendar(data?.calendarOverrides)
    this.calendars.push(session)
    return session
  }

  public override async finally(error: Error | undefined): Promise<void> {
    const years = [...new Set(this.calendars.flatMap((c) => c.uncoveredYears()))].sort()
    if (years.length > 0) this.warnText(t('calendar.uncovered', {years}))
    return super.finally(error)
  }

  /** JSON for scripts: no colours, indented only for a person at a terminal (oclif's colouring costs more than the
   * command itself on a long list). */
  public override logJson(json: unknown): void {
    process.stdout.write(JSON.stringify(json, null, process.stdout.isTTY ? 2 : 0) + '\n')
  }

  /** Human output, escaped for the terminal (a unit's ESC or BEL never reaches it raw). */
  public override log(message = '', ...args: unknown[]): void {
    super.log(typeof message === 'string' ? terminalText(message, out.level > 0) : message, ...args)
  }

  protected say(text: string): void {
    if (!this.jsonEnabled()) this.log(text)
  }

  protected warnText(text: string): void {
    warn(text, t('common.warning'))
  }

  public override async catch(error: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<void> {
    const {code, message, exitCode} = describe(error)
    process.exitCode = exitCode
    if (this.jsonEnabled()) {
      const output: ErrorResult = {error: {code, message, exitCode, ...details(error)}}
      process.stdout.write(JSON.stringify(output) + '\n')
      return
    }
    // a cancellation is the clerk's choice, not an error
    writeErr(error instanceof PromptCancelled ? message : `${errColour.red(`${t('error.prefix')}:`)} ${message}`)
    if (exitCode === 1 && !(error instanceof ItplanError) && process.env.ITPLAN_DEBUG) process.stderr.write(`${error.stack}\n`)
  }
}


function describe(error: Error & {oclif?: {exit?: number}}): {code: string; message: string; exitCode: number} {
  if (error instanceof InvalidInput) {
    const lines = error.problems.map((p) => `  • ${problemText(p)}`)
    return {code: 'invalid-input', message: [t('error.invalidInput', {count: error.problems.length}), ...lines].join('\n'), exitCode: error.exitCode}
  }
  if (error instanceof IllegalTransition) {
    const from = word('status', error.from)
    const detail = error.detail ? `${codeText(error.detail.code, {...error.detail.params, stage: word('stage', String(error.detail.params.stage ?? ''))})} ` : ''
    const next = error.allowed.length > 0 ? t('error.allowedNext', {allowed: error.allowed}) : t('error.noNextSteps')
    return {code: 'illegal-transition', message: `${detail}${t('error.illegalTransition', {projectId: error.projectId, from, action: error.action})} ${next}`, exitCode: 4}
  }
  if (error instanceof ItplanError) {
    const params = {...error.params}
    if (typeof params.status === 'string') params.status = hasMessage(`planStatus.${params.status}`) ? word('planStatus', params.status) : word('status', params.status)
    if (Array.isArray(params.reasons)) params.reasons = params.reasons.map((r) => codeText(String(r)))
    if ('backup' in params) params.backupHint = params.backup ? t('register.backupHint', {backup: params.backup}) : t('register.noBackup')
    return {code: error.code, message: codeText(error.code, params), exitCode: error.exitCode}
  }
  // oclif's own parse errors (unknown flag, missing required flag, bad option) are usage errors.
  if (error instanceof Errors.CLIError && (error.oclif?.exit === 2 || /flag|argument|Expected/i.test(error.message))) {
    const lines = error.message.split('\n').map((l) => l.trim()).filter((l) => l && !/^The following error|^See more help/.test(l))
    return {code: 'usage', message: t('error.usage', {message: lines.map(parseMessage).join('；')}), exitCode: 2}
  }
  // A path longer than the file system allows (an --out or --register of hundreds of characters) is a usage error.
  if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') {
    return {code: 'usage.pathTooLong', message: t('usage.pathTooLong', {path: String((error as NodeJS.ErrnoException).path ?? '').slice(0, 120)}), exitCode: 2}
  }
  if ((error as {code?: string}).code === 'EEXIT') {
    const exit = (error as {oclif?: {exit?: number}}).oclif?.exit ?? 0
    return {code: 'exit', message: '', exitCode: exit}
  }
  return {code: 'internal', message: t('error.internal', {message: error.message}), exitCode: 1}
}

/** oclif's own parse messages, in the clerk's language where we know their shape. */
const PARSE_MESSAGES: Array<[RegExp, MessageKey]> = [
  [/^Missing required flag:?\s*-*([\w-]+)/, 'usage.missingFlag'],
  [/^Nonexistent flags?:\s*(.+)$/, 'usage.unknownFlag'],
  [/^Expected (--[\w-]+)=(.*) to be one of: (.+)$/, 'usage.notOneOf'],
  [/^Expected an integer but received: (.+)$/, 'usage.notInteger'],
  [/^Missing (\d+) required args?:?$/, 'usage.missingArgs'],
  [/^Parsing (--[\w-]+)$/, 'usage.parsing'],
  [/^(--[\w-]+)=\S* cannot also be provided when using (--[\w-]+)$/, 'usage.exclusive'],
  [/^Expected an integer greater than or equal to (-?\d+) but received: (.+)$/, 'usage.intAtLeast'],
]

function parseMessage(line: string): string {
  for (const [pattern, key] of PARSE_MESSAGES) {
    const m = pattern.exec(line)
    if (m) return t(key, {flag: m[1], value: m[2] ?? '', allowed: m[3] ?? '', count: m[1]})
  }
  return line
}

function details(error: Error): Omit<ErrorBody, 'code' | 'message' | 'exitCode'> {
  if (error instanceof InvalidInput) return {problems: error.problems.map((p) => ({...p, message: problemText(p)}))}
  if (error instanceof IllegalTransition) return {projectId: error.projectId, from: error.from, allowed: error.allowed}
  if (error instanceof ItplanError) return {params: error.params}
  return {}
}

