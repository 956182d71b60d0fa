import {ItplanCommand} from '../cli/base-command.js'
import {out} from '../cli/ui.js'
import {t, codeText, hasMessage} from '../core/i18n/index.js'
import {runDoctor, type DoctorCheck} from '../core/register/doctor.js'
import {formatLocalTime} from '../core/domain/iso-date.js'
import type {Params} from '../core/domain/errors.js'

export interface DoctorResult {
  checks: Array<DoctorCheck & {message: string}>
}

export default class Doctor extends ItplanCommand<typeof Doctor> {

  async run(): Promise<DoctorResult> {
    const checks = await runDoctor(this.registerPath)
    // the message shows times on the clerk's clock; the params under --json keep the stored instants
    const local = (v: Params[string]) => (typeof v === 'string' ? formatLocalTime(v) : v)
    const params = (p: Params): Params => ({
      ...p,
      since: local(p.since),
      newestAt: local(p.newestAt),
      backupHint: p.backup ? t('register.backupHint', {backup: p.backup as string}) : t('register.noBackup'),
      // a journal check names what it found (audit.badHash) as a sentence, not as its code
      problem: typeof p.code === 'string' && hasMessage(p.code) ? codeText(p.code, p) : p.code,
    })
    if (!this.jsonEnabled()) {
      for (const c of checks) {
        const mark = c.status === 'ok' ? out.green('✔') : c.status === 'warn' ? out.yellow('⚠') : out.red('✖')
        this.log(`${mark} ${t(`doctor.name.${c.name}`)}：${codeText(c.code, params(c.params))}`)
      }
    }
    if (checks.some((c) => c.status === 'fail')) process.exitCode = 6
    return {checks: checks.map((c) => ({...c, message: codeText(c.code, params(c.params))}))}
  }
}
