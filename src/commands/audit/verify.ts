import {ItplanCommand} from '../../cli/base-command.js'
import {t, codeText} from '../../core/i18n/index.js'
import {verifyJournal, type VerifyResult} from '../../core/register/journal.js'
import {readableCompanions} from '../../core/register/paths.js'

/** The check; under --json a failed check also carries the error it exits 6 with. */
export type AuditVerifyResult = VerifyResult & {error?: {code: string; message: string; exitCode: number}}

export default class AuditVerify extends ItplanCommand<typeof AuditVerify> {

  async run(): Promise<AuditVerifyResult> {
    const data = await this.load()
    const result = await verifyJournal(readableCompanions(this.registerPath).journal, data.audit)
    if (!result.ok) {
      process.exitCode = 6
      const p = result.problem!
      const message = codeText(p.code, {seq: p.seq ?? '', line: p.line ?? '', head: result.head ?? '', registerHead: result.registerHead ?? '', entries: result.entries, registerSeq: data.audit.seq})
      if (this.jsonEnabled()) return {...result, error: {code: p.code, message, exitCode: 6}}
      this.logToStderr(`${t('error.prefix')}: ${t('audit.failed', {journal: readableCompanions(this.registerPath).journal})} ${message}`)
      return result
    }
    this.say(t('audit.ok', {entries: result.entries, head: result.head ?? ''}))
    return result
  }
}
