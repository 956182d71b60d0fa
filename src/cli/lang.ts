// The one reading of the clerk's language from the command line, made before oclif parses anything so that even a
// parse error or an unknown command speaks it: --lang en, --lang=en, then ITPLAN_LANG, then Chinese.
import {parseLang, type Lang} from '../core/domain/lang.js'

export function langFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  const given = i < 0 ? undefined : argv[i] === '--lang' ? argv[i + 1] : argv[i].slice('--lang='.length)
  return parseLang(given) ?? parseLang(env.ITPLAN_LANG) ?? 'zh'
}
