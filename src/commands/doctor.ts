import {ItplanCommand} from '../cli/base-command.js'
import {out} from '../cli/ui.js'
import {t, codeText} from '../core/i18n/index.js'
import {runDoctor, type DoctorCheck} from '../core/register/doctor.js'

export interface DoctorResult {
  checks: Array<DoctorCheck & {message: string}>
}

export default class Doctor extends ItplanCommand<typeof Doctor> {

  async run(): Promise<DoctorResult> {
    const checks = await runDoctor(this.registerPath)
    const params = (p: Record<string, unknown>) => ({...p, backupHint: p.backup ? t('register.backupHint', {backup: p.backup as string}) : t('register.noBackup')})
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
