// npm run bench, the screening lines (DESIGN §10, §14): precision and recall on the labelled pairs at the default
// threshold, and 2,000 declarations screened against 10,000 systems against a plain `project list --json` on the
// same register. `register.systems` is not there yet (issue 17), so the 10,000 systems go through the core function
// in-process, and the 2,000 declarations through the CLI: the candidate time is the CLI's plus what the inventory adds
// in-process (the core function on declarations and systems less the same on the declarations alone, which the CLI
// has already done).
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {screeningCorpus} from './screening-corpus.mjs'

export async function benchScreening({root, work, runs, quick, measure, median, log, writeRegister, node, bin}) {
  const load = (file) => import(pathToFileURL(path.join(root, 'dist', file)).href)
  const {screen} = await load('core/domain/screening.js')
  const {scoreLabelled, qualityAt} = await load('core/domain/screening-quality.js')
  const {screeningSettings} = await load('core/screening-settings.js')
  const settings = screeningSettings()
  const results = []

  const {pairs} = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'screening', 'pairs.json'), 'utf8'))
  const scored = scoreLabelled(pairs, settings)
  for (const half of ['tune', 'holdout', 'all']) {
    const q = qualityAt(
      scored.filter((p) => half === 'all' || p.half === half),
      settings.threshold,
    )
    const line = {name: `screening quality, ${half === 'all' ? 'all' : half === 'tune' ? 'tuning half' : 'held-out half'} (${q.pairs} pairs, ${q.duplicates} duplicates), threshold ${settings.threshold}`, budget: 'precision ≥ 0.9, recall ≥ 0.8', candidateMs: null, baselineMs: null, ratio: null, peakMiB: NaN, precision: Number(q.precision.toFixed(3)), recall: Number(q.recall.toFixed(3)), met: q.precision >= 0.9 && q.recall >= 0.8}
    log(`  ${line.name}: precision ${line.precision}, recall ${line.recall} (target ≥ 0.9, ≥ 0.8) ${line.met ? 'met' : 'NOT MET'}`)
    results.push(line)
  }

  const declarations = quick ? 500 : 2000
  const systems = quick ? 2500 : 10000
  const corpus = screeningCorpus({declarations, systems})
  const register = path.join(work, 'rscreen', 'register.json')
  const fresh = () =>
    writeRegister(register, declarations, (data) => {
      data.projects.forEach((p, i) => {
        p.name = corpus.declarations[i].name
        p.unit = corpus.declarations[i].unit
        p.summary = corpus.declarations[i].content
      })
    })
  const cli = []
  const list = []
  for (let i = 0; i < runs; i++) {
    fresh()
    list.push(measure([node, bin, 'project', 'list', '--json', '--register', register]))
    cli.push(measure([node, bin, 'screen', '--year', '2027', '--json', '--register', register]))
  }
  const candidates = [...corpus.declarations.map((d, i) => ({ref: `2027-${String(i + 1).padStart(4, '0')}`, source: 'project', ...d})), ...corpus.systems]
  const timed = (list) => {
    const start = process.hrtime.bigint()
    const found = screen(list, settings).length
    return {ms: Number(process.hrtime.bigint() - start) / 1e6, found}
  }
  const withSystems = []
  const alone = []
  let found = 0
  for (let i = 0; i < runs; i++) {
    const all = timed(candidates)
    found = all.found
    withSystems.push(all.ms)
    alone.push(timed(candidates.slice(0, declarations)).ms)
  }
  const cliMs = Math.round(median(cli.map((x) => x.ms)))
  const coreMs = Math.max(0, Math.round(median(withSystems) - median(alone)))
  const listMs = Math.round(median(list.map((x) => x.ms)))
  const line = {
    name: `screen of ${declarations.toLocaleString('en-US')} declarations against ${systems.toLocaleString('en-US')} systems (CLI ${cliMs} ms + the inventory in the core ${coreMs} ms, ${found.toLocaleString('en-US')} pairs)`,
    budget: '≤ 10 × project list --json',
    candidateMs: cliMs + coreMs,
    baselineMs: listMs,
    peakMiB: Math.round(Math.max(...cli.map((x) => x.mib))),
  }
  line.ratio = Number((line.candidateMs / line.baselineMs).toFixed(2))
  log(`  ${line.name}: ${line.candidateMs} ms vs ${line.baselineMs} ms → ×${line.ratio} (budget ${line.budget})`)
  results.push(line)
  return results
}
