import {Args, Flags, loadHelpClass} from '@oclif/core'
import {t} from '../core/i18n/index.js'
import {commands} from '@oclif/plugin-help'

const PluginHelp = commands.help

/**
 * `itplan help [COMMAND]`: @oclif/plugin-help's command, registered among ours rather than as a plugin (oclif would
 * load a plugin at every start-up, a few ms of every command), with a summary in the clerk's language, and an
 * unknown command answered like `itplan nosuch`: the message in Chinese, the nearest commands, exit 2.
 */
export default class Help extends PluginHelp {
  static override strict = false
  static override args = {command: Args.string({description: '命令（可含主题，如 project add）', required: false})}
  static override flags = {
    'nested-commands': Flags.boolean({char: 'n', description: '同时列出各主题下的全部命令'}),
    // read before oclif parses (src/cli/lang.ts); declared so that `help plan export --lang en` is not a command
    lang: Flags.string({description: t('globalFlag.lang'), options: ['zh', 'en']}),
  }

  override async run(): Promise<void> {
    const {argv, flags} = await this.parse(Help)
    const words = argv.map(String)
    const id = words.filter((a) => !a.startsWith('-')).join(':')
    if (id !== '' && !this.config.findCommand(id) && !this.config.findTopic(id)) {
      await this.config.runHook('command_not_found', {id, argv: []})
      return
    }
    const HelpClass = await loadHelpClass(this.config)
    await new HelpClass(this.config, {all: flags['nested-commands']}).showHelp(words)
  }
}
