import path from 'node:path'
import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {actionText, journalSummary} from '../../cli/render-journal.js'
import {codeText, getLang, setLang, t} from '../../core/i18n/index.js'
import {RegisterIndex} from '../../core/domain/register-data.js'
import {projectHistory} from '../../core/register/history.js'
import {verifyJournal} from '../../core/register/journal.js'
import {readableCompanions} from '../../core/register/paths.js'
import type {JournalEntry} from '../../core/domain/types.js'

/** `project dossier --json`: the workbook, its sheets, the project's journal entries in it, and the chain check; a
 * failed check also carries the error it exits 6 with. */
export interface ProjectDossierResult {
  file: string
  projectId: string
  sheets: string[]
  journalEntries: number
  verification: {ok: boolean; entries: number; head: string | null}
  error?: {code: string; message: string; exitCode: number}
}

/** An official workbook is written in Chinese whatever language the clerk's terminal speaks. */
function inChinese<T>(make: () => T): T {
  const lang = getLang()
  setLang('zh')
  try {
    return make()
  } finally {
    setLang(lang)
  }
}

export default class ProjectDossier extends ItplanCommand<typeof ProjectDossier> {
  static override args = {id: Args.string({required: true, description: '项目编号'})}
  static override flags = {out: Flags.string({description: '输出文件（默认 ./项目档案-<项目编号>.xlsx）'})}

  async run(): Promise<ProjectDossierResult> {
    const data = await this.load()
    const project = new RegisterIndex(data).require(this.args.id)
    const journal = readableCompanions(this.registerPath).journal
    const history = await projectHistory(this.registerPath, data, project.id)
    const checked = await verifyJournal(journal, data.audit)
    const p = checked.problem
    const problemText = () => (p ? codeText(p.code, {seq: p.seq ?? '', line: p.line ?? '', head: checked.head ?? '', registerHead: checked.registerHead ?? '', entries: checked.entries, registerSeq: data.audit.seq}) : null)
    const message = problemText()
    const {projectDossier} = await import('../../core/operations/dossier.js')
    const {writeDossierWorkbook} = await import('../../core/excel/dossier-export.js')
    const describe = (e: JournalEntry) => inChinese(() => ({action: actionText(e.action), summary: journalSummary(e)}))
    const verification = {ok: checked.ok, entries: checked.entries, head: checked.head}
    const {model, fileName} = projectDossier({project, data, history, describe, verification: {...verification, message: inChinese(problemText)}, exportedAt: new Date().toISOString()})
    const out = path.resolve(this.flags.out ?? fileName)
    this.guardOutput(out)
    await writeDossierWorkbook(out, model)
    const result: ProjectDossierResult = {file: out, projectId: project.id, sheets: model.sheets.map((s) => s.sheetName), journalEntries: history.length, verification}
    this.say(t('dossier.written', {path: out, id: project.id, sheets: result.sheets.length, entries: history.length}))
    if (!checked.ok) {
      // the dossier is written and says so on its 说明; the clerk is told the journal cannot be trusted (exit 6, as audit verify)
      process.exitCode = 6
      if (this.jsonEnabled()) return {...result, error: {code: p!.code, message: message ?? '', exitCode: 6}}
      this.logToStderr(`${t('error.prefix')}: ${t('dossier.unverified', {journal})} ${message}`)
    }
    return result
  }
}
