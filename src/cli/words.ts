// Accepted words of the closed lists, from the one header dictionary (templates/declaration.json).
import {loadDictionary} from '../core/excel/dictionary.js'
import type {EnumWords} from '../core/domain/declaration.js'

export function enumWords(): EnumWords {
  const dictionary = loadDictionary()
  const words: EnumWords = {yesNo: {yes: dictionary.yesWords, no: dictionary.noWords}, lists: {separators: dictionary.listSeparators}}
  for (const field of dictionary.fields) if (field.values) words[field.key] = Object.fromEntries(field.values.map((v) => [v.id, v.words]))
  return words
}
