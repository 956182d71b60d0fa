// The help screens, in the clerk's language: command files hold flags and code only, and each command's summary,
// description and examples come from the help catalogue (src/core/i18n/help) when help is shown, so that
// `--lang en` / ITPLAN_LANG=en gives English help from the same manifest.
import {Help, type Command, type Interfaces} from '@oclif/core'
import {commandHelp} from '../core/i18n/help/index.js'
import {hasMessage, t} from '../core/i18n/index.js'
import {fillTemplate} from '../core/i18n/fill.js'
import {CONFIG_KEYS} from '../core/domain/config.js'
import {langFromArgv} from './lang.js'

/** `command` with its prose from the catalogue; flags and arguments keep their own unless the catalogue differs. */
export function withCatalogueHelp(command: Command.Loadable, lang = langFromArgv(process.argv)): Command.Loadable {
  const text = commandHelp(command.id, lang)
  if (!text) return command
  const describe = (name: string): string | undefined => {
    const global = `globalFlag.${name}`
    return hasMessage(global) ? t(global, {}, lang) : text.flags?.[name]
  }
  const flags = Object.fromEntries(
    Object.entries(command.flags).map(([name, flag]) => {
      const description = describe(name)
      return [name, description ? {...flag, description, summary: undefined} : flag]
    }),
  )
  const args = Object.fromEntries(Object.entries(command.args).map(([name, arg]) => [name, text.args?.[name] ? {...arg, description: text.args[name]} : arg]))
  const description = text.description === undefined ? undefined : fillTemplate(text.description, HELP_PARAMS)
  return {...command, summary: text.summary, description, examples: text.examples, flags, args}
}

/** A topic with its description in the clerk's language (package.json's own is bilingual, for other tools). */
function withCatalogueTopic(topic: Interfaces.Topic, lang = langFromArgv(process.argv)): Interfaces.Topic {
  const key = `topic.${topic.name.replaceAll(' ', ':')}`
  return hasMessage(key) ? {...topic, description: t(key, {}, lang)} : topic
}

/** What a help text may name that the code knows best (`{configKeys}` in config set's description). */
const HELP_PARAMS = {configKeys: CONFIG_KEYS.join(', ')}

export default class ItplanHelp extends Help {
  protected override summary(c: Command.Loadable): string | undefined {
    return super.summary(withCatalogueHelp(c))
  }

  protected override description(c: Command.Loadable): string {
    return super.description(withCatalogueHelp(c))
  }

  protected override formatCommand(command: Command.Loadable): string {
    return super.formatCommand(withCatalogueHelp(command))
  }

  protected override formatTopic(topic: Interfaces.Topic): string {
    return super.formatTopic(withCatalogueTopic(topic))
  }

  protected override formatTopics(topics: Interfaces.Topic[]): string {
    return super.formatTopics(topics.map((topic) => withCatalogueTopic(topic)))
  }
}
