// The screening in the terminal: the pairs, best first, each side named with its unit, the score and what they share.
import {t} from '../core/i18n/index.js'
import type {ScreenRun, ScreenSide} from '../core/operations/screening.js'
import {renderTable} from './table.js'
import {out} from './ui.js'

function sideText(s: ScreenSide): string {
  return s.source === 'system' ? `${s.id} ${s.name}（${t('screen.system')}，${s.unit}）` : `${s.id} ${s.name}（${s.unit}）`
}

export function renderScreen(run: ScreenRun): string {
  const l: string[] = [out.bold(t('screen.title', {year: run.year, threshold: run.threshold, count: run.pairs.length}))]
  if (run.pairs.length === 0) l.push(`  ${t('screen.none', {threshold: run.threshold})}`)
  else {
    l.push(
      renderTable(
        [t('screen.table.a'), t('screen.table.b'), t('screen.table.score'), t('screen.table.shared')],
        run.pairs.map((p) => [sideText(p.sides[0]), sideText(p.sides[1]), p.score.toFixed(3), p.shared.join('、')]),
        ['left', 'left', 'right', 'left'],
      ),
    )
  }
  if (run.flagged.length > 0) l.push(out.yellow(`  ${t('screen.flagged', {ids: run.flagged.join('、')})}`))
  if (run.unflagged.length > 0) l.push(`  ${t('screen.unflagged', {ids: run.unflagged.join('、')})}`)
  if (run.pairs.length > 0) l.push(out.dim(`  ${t('screen.hint')}`))
  return l.join('\n')
}
