// An unknown command is a usage error like any other (DESIGN §5): exit 2, a Chinese message with the nearest
// commands, and under --json the error object on stdout — a script that asked for JSON gets JSON (issue 15).
import {expect} from 'chai'
import {json, runCli, type ErrorJson} from '../helpers/cli.js'

type ErrorOut = {error: ErrorJson & {params?: {command: string; suggestions: string[]}}}

describe('itplan <unknown command> (issue 15, through the CLI)', function () {
  this.timeout(60_000)

  it('with --json prints {"error": {code, message, exitCode: 2}} on stdout and nothing on stderr', async () => {
    const r = await runCli(['project', 'lsit', '--json'])
    expect(r.code).to.equal(2)
    expect(r.stderr).to.equal('')
    const {error} = json<ErrorOut>(r)
    expect(error).to.include({code: 'usage.unknownCommand', exitCode: 2})
    expect(error.message).to.contain('没有“project lsit”这个命令').and.contain('itplan project list')
    expect(error.params!.suggestions).to.include('itplan project list')
  })

  it('speaks the language asked for, in JSON too', async () => {
    const {error} = json<ErrorOut>(await runCli(['nosuch', '--json', '--lang', 'en']))
    expect(error.message).to.match(/^there is no command "nosuch"/)
  })

  it('without --json, the message goes to stderr and stdout stays empty (a --json after -- is an argument, not the flag)', async () => {
    for (const args of [['project', 'lsit'], ['nosuch', '--', '--json']]) {
      const r = await runCli(args)
      expect(r.code).to.equal(2)
      expect(r.stdout).to.equal('')
      expect(r.stderr).to.match(/^错误: 没有“(project lsit|nosuch)”这个命令/)
    }
  })

  it('a flag where the command belongs says that the command is missing, in JSON under --json', async () => {
    const r = await runCli(['--json'])
    expect(r.code).to.equal(2)
    expect(json<ErrorOut>(r).error).to.include({code: 'usage.noCommand', exitCode: 2})
    expect(json<ErrorOut>(r).error.message).to.contain('缺少命令')
    const text = await runCli(['--bogus'])
    expect(text.code).to.equal(2)
    expect(text.stderr).to.contain('缺少命令')
  })

  it('an unknown flag of a known command under --json is the error object too', async () => {
    const r = await runCli(['project', 'list', '--bogus', '--json'])
    expect(r.code).to.equal(2)
    expect(json<ErrorOut>(r).error).to.include({code: 'usage', exitCode: 2})
    expect(json<ErrorOut>(r).error.message).to.contain('--bogus')
  })
})
