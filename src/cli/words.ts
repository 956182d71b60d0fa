// Accepted words of the closed lists, from the one header dictionary (templates/declaration.json).
import {loadDictionary} from '../core/excel/dictionary.js'
import type {EnumWords} from '../core/domain/declaration.js'

export function enumWords(): EnumWords {
  const words: EnumWords = {}
  for (const field of loadDictionary().fields) if (field.values) words[field.key] = Object.fromEntries(field.values.map((v) => [v.id, v.words]))
  return words
}
