// The journal as a clerk reads it (`audit log`, the history of `project show`): local time, the step in words, the
// project, and what changed in one sentence. `--json` keeps the entries exactly as the hash chain covers them.
import {t, codeText, word, hasMessage} from '../core/i18n/index.js'
import {formatLocalTime} from '../core/domain/iso-date.js'
import {formatWan} from '../core/domain/money.js'
import type {JournalEntry} from '../core/domain/types.js'
import {displayWidth, ellipsize, terminalColumns, wrapLines} from './table.js'
import {out} from './ui.js'

type Change = Record<string, unknown>

/** The lines a long summary wraps to before it is cut (the whole entry is in `audit log --json`). */
const SUMMARY_LINES = 3
/** A field value longer than this is named, not quoted, in a summary. */
const VALUE_CHARS = 24

/** The step in words: 评审记录, 开工建设, …; an action the catalogue does not know shows as it was journalled. */
export function actionText(action: string): string {
  const key = `journal.action.${action}`
  return hasMessage(key) ? t(key) : action
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v))
const wan = (v: unknown): string => (typeof v === 'number' ? t('journal.wan', {amount: formatWan(v)}) : str(v))
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const obj = (v: unknown): Change => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Change) : {})
const words = (kind: string, v: unknown): string[] => list(v).map((x) => word(kind, str(obj(x).key ?? x)))
const reasons = (v: unknown): string[] => list(v).map((r) => codeText(str(r)))
const result = (v: unknown): string => word('stageStatus', str(v))
const check = (v: unknown): string => (v === 'pass' ? t('stageStatus.passed') : v === 'fail' ? t('stageStatus.failed') : str(v))
const none = (items: string[]): string | string[] => (items.length > 0 ? items : t('common.none'))

/** A declared value in words: amounts in 万元, closed lists in words, long text named only. */
function valueText(field: string, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return t('common.none')
  if (field.endsWith('Fen')) return wan(v)
  if (field === 'kind' || field === 'nature' || field === 'category' || field === 'procurementCategory') return word(field, str(v))
  if (field === 'fundingSources') return list(v).map((s) => word('fundingSource', str(s))).join('、')
  if (typeof v === 'boolean') return t(v ? 'yes' : 'no')
  if (Array.isArray(v)) return v.map(str).join('、')
  const text = str(v)
  return typeof v === 'object' || [...text].length > VALUE_CHARS ? null : text
}

function fieldLabel(field: string): string {
  return hasMessage(`field.${field}`) ? codeText(`field.${field}`) : field
}

/** `总投资 85.00 万元 → 90.00 万元；主要建设内容` — each changed field, with its values when they are short. */
function fieldChanges(fields: unknown): string {
  return Object.entries(obj(fields))
    .map(([field, d]) => {
      const from = valueText(field, obj(d).from)
      const to = valueText(field, obj(d).to)
      return from === null || to === null ? fieldLabel(field) : t('journal.fieldChange', {field: fieldLabel(field), from, to})
    })
    .join(t('journal.separator'))
}

function yesNo(v: unknown): string {
  return v === true ? t('yes') : v === false ? t('no') : t('system.notRecorded')
}

function doc(v: unknown): string {
  return v ? t('journal.doc', {doc: str(v)}) : ''
}

function trackMove(v: unknown): string {
  const m = obj(v)
  return m.from && m.to && m.from !== m.to ? t('journal.trackMove', {from: word('track', str(m.from)), to: word('track', str(m.to))}) : ''
}

function fundsSummary(c: Change): string {
  return t('journal.summary.funds', {year: str(c.year), kind: word('fundsKind', str(c.kind)), amount: wan(c.amountFen), date: str(c.date), doc: doc(c.documentNo), reason: c.reason ? t('journal.reason', {reason: str(c.reason)}) : '', available: wan(c.availableFen), paid: wan(c.paidFen)})
}

/** What each action's change says, in one sentence; the status move is added after it for every action. */
const SUMMARIES: Record<string, (c: Change) => string> = {
  init: (c) => t(c.force ? 'journal.summary.initForce' : 'journal.summary.init', {rulesVersion: str(c.rulesVersion)}),
  'companions-renamed': () => t('journal.summary.companionsRenamed'),
  'register-layout': (c) => t('journal.summary.registerLayout', {from: str(obj(c.schemaVersion).from), years: str(c.years), projects: str(c.projects), plans: str(c.plans)}),
  'backup-restore': (c) => t('journal.summary.backupRestore', {backupId: str(c.backupId)}),
  'config-set': (c) => {
    const key = str(c.key)
    const amount = key.startsWith('procurement-limit') || key === 'approval-standard'
    const value = (v: unknown) => (v === null || v === undefined ? t('common.none') : amount ? wan(v) : str(v))
    return t('journal.summary.configSet', {key: fieldLabel(key), from: value(c.from), to: value(c.to)})
  },
  create: (c) => t('journal.summary.create', {unit: str(c.unit), name: str(c.name), total: wan(c.totalInvestmentFen), track: word('track', str(c.track))}) + (obj(c.source).file ? t('journal.source', {file: str(obj(c.source).file)}) : ''),
  'import-create': (c) => t('journal.summary.importCreate', {name: str(c.name), total: wan(c.totalInvestmentFen), track: word('track', str(c.track)), file: str(c.file), row: str(c.row)}),
  'import-update': (c) => t('journal.summary.importUpdate', {fields: fieldChanges(c.fields), file: str(c.file)}) + trackMove(c.track),
  'system-import': (c) => t('journal.summary.systemImport', {file: str(c.file), created: list(c.created).length, updated: list(c.updated).length}),
  'system-update': (c) => t('journal.summary.systemUpdate', {id: str(c.id), fields: Object.entries(obj(c.fields)).map(([k, v]) => t('journal.fieldChange', {field: t(`field.system.${k === 'govCloud' ? 'govCloud' : 'dataSharing'}`), from: yesNo(obj(v).from), to: yesNo(obj(v).to)})).join(t('journal.separator'))}) + doc(c.documentNo),
  'system-accepted': (c) => t('journal.summary.systemAccepted', {id: str(c.id)}),
  continue: (c) => t('journal.summary.continue', {year: str(c.year), amount: wan(c.requestedFen)}),
  'import-continue': (c) => t('journal.summary.importContinue', {year: str(c.year), amount: wan(c.requestedFen), file: str(c.file), row: str(c.row)}),
  import: (c) => t('journal.summary.import', {file: str(c.file), created: list(c.created).length, updated: list(c.updated).length + list(c.continued).length}),
  update: (c) => t('journal.summary.update', {fields: fieldChanges(c.fields)}) + trackMove(c.track) + (c.reason ? t('journal.reason', {reason: str(c.reason)}) : ''),
  withdraw: (c) => t('journal.summary.withdraw') + (c.reason ? t('journal.reason', {reason: str(c.reason)}) : ''),
  reroute: (c) => trackMove(c.track) || t('journal.summary.rerouteKept', {version: str(c.rulesVersion)}),
  'special-approval': (c) => t('journal.summary.specialApproval', {kind: codeText(`special.kind.${str(c.kind)}`), doc: str(c.documentNo), date: str(c.date)}),
  'review-record': (c) => {
    let s = t('journal.summary.review', {stage: word('stage', str(c.stage)), result: result(c.result), date: str(c.date)}) + doc(c.documentNo)
    const amount = obj(c.approvedAmount)
    if (amount.to !== undefined) s += t('journal.approvedAmount', {amount: wan(amount.to)})
    if (list(c.opened).length > 0) s += t('journal.opened', {stages: words('stage', c.opened)})
    if (c.dueOn) s += t('journal.dueOn', {dueOn: str(c.dueOn)})
    return s + trackMove(c.track)
  },
  'calendar-import': (c) => t('journal.summary.calendarImport', {year: str(c.year), days: str(c.days), moved: str(c.moved)}),
  'deadline-moved': (c) => t('journal.summary.deadlineMoved', {stage: word('stage', str(c.key)), from: str(c.dueOnBefore), to: str(c.dueOn)}),
  'construction-start': (c) =>
    t('journal.summary.constructionStart', {date: str(c.date), responsible: str(c.responsible), supervisor: str(c.supervisor)}) +
    (c.contractor ? t('journal.contractor', {contractor: str(c.contractor)}) : '') +
    (typeof c.contractAmountFen === 'number' ? t('journal.contractAmount', {amount: wan(c.contractAmountFen)}) : ''),
  'construction-report': (c) => t('journal.summary.incident', {kind: codeText(`incident.${str(c.kind)}`), date: str(c.date), description: str(c.description)}),
  'construction-suspend': (c) => t('journal.summary.suspend', {date: str(c.date), reason: str(c.reason)}),
  'construction-resume': (c) => t('journal.summary.resume', {date: str(c.date)}),
  'construction-complete': (c) => t('journal.summary.complete', {date: str(c.date)}) + (typeof c.actualInvestmentFen === 'number' ? t('journal.actualInvestment', {amount: wan(c.actualInvestmentFen)}) : ''),
  'acceptance-preliminary': (c) => t('journal.summary.preliminary', {result: result(c.result), date: str(c.date)}),
  'acceptance-apply': (c) => t('journal.summary.apply', {round: str(c.round), date: str(c.date)}),
  'acceptance-tech-review': (c) => t('journal.summary.techReview', {date: str(c.date), cloud: check(c.cloud), sharing: check(c.sharing), security: check(c.security)}),
  'acceptance-expert': (c) => t('journal.summary.expert', {result: result(c.result), date: str(c.date)}) + (c.refusedRectification ? t('journal.refused') : ''),
  'acceptance-refuse': (c) => t('journal.summary.refuse', {date: str(c.date)}),
  'acceptance-file': (c) => t('journal.summary.file', {doc: str(c.documentNo), date: str(c.date)}) + (c.lateBy ? t('journal.lateBy', {days: str(c.lateBy), dueOn: str(c.dueOn)}) : ''),
  evaluate: (c) => t('journal.summary.evaluate', {score: str(c.score), grade: str(c.grade), date: str(c.date)}),
  flags: (c) => t('journal.summary.flags', {from: none(words('flag', c.from)), to: none(words('flag', c.to))}) + (list(c.possibleDuplicateOf).length > 0 ? t('journal.separator') + t('journal.summary.screenFlags', {others: list(c.possibleDuplicateOf).map(str)}) : ''),
  // screen (issue 20)
  screen: (c) => t('journal.summary.screen', {year: str(c.year), threshold: str(c.threshold), pairs: str(c.pairs)}),
  'screen-clear': (c) => t('journal.summary.screenClear', {other: str(c.with), reason: str(c.reason)}),
  'unit-suspend': (c) => t('journal.summary.unitSuspend', {unit: str(c.unit), reason: codeText(str(c.reason))}),
  'unit-reinstate': (c) => t('journal.summary.unitReinstate', {unit: str(c.unit)}),
  'plan-include': (c) => t('journal.summary.planInclude', {year: str(c.year)}),
  'plan-exclude': (c) => t('journal.summary.planExclude', {year: str(c.year), reasons: none(reasons(c.reasons))}),
  'plan-mark': (c) => t('journal.summary.planMark', {marks: none([c.keyArea ? t('plan.markKeyArea') : '', c.major ? t('plan.markMajor') : ''].filter(Boolean))}),
  'plan-build': (c) => t('journal.summary.planBuild', {year: str(c.year), included: list(c.included).length, excluded: list(c.excluded).length}),
  'plan-amend-add': (c) => t('journal.summary.amendAdd', {year: str(c.year), reason: str(c.reason)}),
  'plan-amend-unadd': (c) => t('journal.summary.amendUnadd', {year: str(c.year), reason: str(c.reason)}),
  'plan-amend-remove': (c) => t('journal.summary.amendRemove', {year: str(c.year), reason: str(c.reason)}),
  'plan-amend': (c) => t('journal.summary.amend', {year: str(c.year), added: none(list(c.added).map(str)), removed: none(list(c.removed).map(str)), reason: str(c.reason)}),
  'plan-left-out': (c) => t('journal.summary.leftOut', {reasons: none(reasons(c.reasons))}),
  'plan-approved': (c) => t('journal.summary.planApproved', {doc: str(c.documentNo)}) + (list(c.openedStages).length > 0 ? t('journal.opened', {stages: words('stage', c.openedStages)}) : ''),
  'plan-approve': (c) => t(c.amendment ? 'journal.summary.amendmentApprove' : 'journal.summary.planApprove', {year: str(c.year), by: word('approver', str(c.by)), doc: str(c.documentNo), date: str(c.date)}),
  'plan-dropped': (c) => t('journal.summary.planDropped', {reasons: none(reasons(c.reasons))}),
  'plan-version': (c) => t('journal.summary.planVersion', {year: str(c.year), version: str(c.version), count: str(obj(c.totals).count), total: wan(obj(c.totals).totalInvestmentFen)}),
  'plan-removed': (c) => t('journal.summary.planRemoved', {reason: str(c.reason)}),
  // branch funds: 拨付 / 压减 / 收回
  'funds-pay': (c) => fundsSummary(c),
  'funds-cut': (c) => fundsSummary(c),
  'funds-recover': (c) => fundsSummary(c),
  'plan-change': (c) => {
    const field = str(c.field)
    const value = (v: unknown) => valueText(field, v) ?? str(v)
    return t('journal.summary.planChange', {field: codeText(`planField.${field}`), approved: value(field === 'track' || field === 'status' ? word(field, str(c.approved)) : c.approved), current: value(field === 'track' || field === 'status' ? word(field, str(c.current)) : c.current), version: str(c.version)})
  },
}

/** What an entry changed, in one sentence of the clerk's words; an action it does not know shows its data. */
export function journalSummary(entry: Pick<JournalEntry, 'action' | 'change'>): string {
  const c = obj(entry.change)
  const summarise = SUMMARIES[entry.action]
  let s = summarise ? summarise(c) : str(entry.change ?? '')
  const status = obj(c.status)
  if (status.from && status.to && status.from !== status.to) s += t('journal.statusMove', {from: word('status', str(status.from)), to: word('status', str(status.to))})
  // a sentence that begins with one of the clauses that follow a main one (a track move) loses its separator
  return s.replace(/^[；;]\s*/, '')
}

/**
 * The entries as a list: a head line (number, local time, operator, step, project) and the summary under it,
 * wrapped to the terminal. `projects` gives the names beside the ids; without it (one project's history) the
 * project is not repeated.
 */
export function journalList(entries: readonly JournalEntry[], o: {projects?: ReadonlyMap<string, string>; indent?: string; width?: number} = {}): string {
  const indent = o.indent ?? ''
  const width = o.width ?? terminalColumns()
  const seqWidth = Math.max(1, ...entries.map((e) => String(e.seq).length))
  const lines: string[] = []
  for (const e of entries) {
    const head = [out.dim(`#${e.seq}`.padStart(seqWidth + 1)), formatLocalTime(e.at), e.operator, out.bold(actionText(e.action))]
    if (o.projects && e.projectId) head.push(`${e.projectId} ${o.projects.get(e.projectId) ?? ''}`.trim())
    lines.push(ellipsize(indent + head.join('  '), width))
    const pad = `${indent}${' '.repeat(seqWidth + 3)}`
    const summary = journalSummary(e)
    if (summary) for (const line of wrapLines(summary, Math.max(20, width - displayWidth(pad)), SUMMARY_LINES)) lines.push(pad + line)
  }
  return lines.join('\n')
}
