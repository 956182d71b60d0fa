import {Args, Flags} from '@oclif/core'
import {commands} from '@oclif/plugin-help'

const PluginHelp = commands.help

/**
 * `itplan help [COMMAND]`: @oclif/plugin-help's command, registered among ours rather than as a plugin (oclif would
 * load a plugin at every start-up, a few ms of every command), with a summary in the clerk's language, and an
 * unknown command answered like `itplan nosuch`: the message in Chinese, the nearest commands, exit 2.
 */
export default class Help extends PluginHelp {
  static override summary = '显示帮助：全部命令，或某个命令的参数和示例'
  static override description = '不带参数时列出全部主题和命令；带命令（可含主题，如 project add）时显示它的参数、选项和示例。'
  static override examples = ['<%= config.bin %> help', '<%= config.bin %> help import', '<%= config.bin %> help project add']
  static override args = {command: Args.string({description: '命令（可含主题，如 project add）', required: false})}
  static override flags = {'nested-commands': Flags.boolean({char: 'n', description: '同时列出各主题下的全部命令'})}

  override async run(): Promise<void> {
    const id = this.argv.filter((a) => !a.startsWith('-')).join(':')
    if (id !== '' && !this.config.findCommand(id) && !this.config.findTopic(id)) {
      await this.config.runHook('command_not_found', {id, argv: []})
      return
    }
    await super.run()
  }
}
