// English catalogue (continued): the performance self-evaluation form, written and read back (issue 19).
import type {zhEvalform} from './zh-evalform.js'

export const enEvalform: Record<keyof typeof zhEvalform, string> = {
  'evalform.written': "self-evaluation form of {id} written: {path}",
  'evalform.count': "{count} self-evaluation forms in {dir}",
  'evalform.none': "no accepted or filed project in {year}: no form written",
  'evalform.nothingAsked': "give project ids, or --year for every accepted and filed project of that year",
}
