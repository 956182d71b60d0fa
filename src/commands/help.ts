import {Args, Command, Flags, loadHelpClass} from '@oclif/core'

/**
 * `itplan help [COMMAND]`: oclif's own help, as @oclif/plugin-help gives it, but one of our commands: loading a
 * plugin at every start-up cost more than this file, and the summary is the clerk's language like the others.
 */
export default class Help extends Command {
  static override summary = '显示帮助：全部命令，或某个命令的参数和示例'
  static override examples = ['<%= config.bin %> help', '<%= config.bin %> help import', '<%= config.bin %> help project add']
  static override args = {command: Args.string({description: '命令（可含主题，如 project add）', required: false})}
  static override flags = {
    'nested-commands': Flags.boolean({char: 'n', description: '同时列出各主题下的全部命令'}),
  }
  static override strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Help)
    const words = (argv as string[]).filter((a) => !a.startsWith('-'))
    const id = words.join(':')
    if (id !== '' && !this.config.findCommand(id) && !this.config.findTopic(id)) {
      // the same message, suggestions and exit code 2 as `itplan nosuch`
      await this.config.runHook('command_not_found', {id, argv: []})
      return
    }
    const HelpClass = await loadHelpClass(this.config)
    await new HelpClass(this.config, {all: flags['nested-commands']}).showHelp(argv as string[])
  }
}
