// Command help in the catalogue's languages. English must cover exactly the commands Chinese does (en.ts's type).
import type {Lang} from '../../domain/lang.js'
import {enHelp} from './en.js'
import {zhHelp} from './zh.js'
import type {CommandHelpText} from './types.js'

export type {CommandHelpText}
/** A command id as oclif knows it (`plan:export`). */
export type CommandId = keyof typeof zhHelp

const catalogues: Record<Lang, Record<CommandId, CommandHelpText>> = {zh: zhHelp, en: enHelp}

function isCommandId(id: string): id is CommandId {
  return Object.prototype.hasOwnProperty.call(zhHelp, id)
}

/** The help of command `id` (`plan:export` or `plan export`) in `lang`, or undefined for a command it does not know. */
export function commandHelp(id: string, lang: Lang): CommandHelpText | undefined {
  const key = id.replaceAll(' ', ':')
  if (!isCommandId(key)) return undefined
  return catalogues[lang][key]
}

/** Every command the catalogue describes. */
export function describedCommands(): CommandId[] {
  return Object.keys(zhHelp) as CommandId[]
}
