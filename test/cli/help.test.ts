import {expect} from 'chai'
import {runCli} from '../helpers/cli.js'

describe('itplan help (through the CLI)', () => {
  it('lists every topic and command with its Chinese summary, exit 0', async () => {
    const r = await runCli(['help'])
    expect(r.code, r.stderr).to.equal(0)
    for (const topic of ['project', 'plan', 'review', 'acceptance', 'audit']) expect(r.stdout).to.match(new RegExp(`^\\s+${topic}\\s`, 'm'))
    expect(r.stdout).to.include('批量导入申报表')
    expect(r.stdout).to.include('显示帮助')
  })

  it('shows one command with its flags and examples, written with spaces as the clerk types it', async () => {
    const r = await runCli(['help', 'project', 'add'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.include('手工登记一个项目')
    expect(r.stdout).to.include('--total')
    expect(r.stdout).to.include('EXAMPLES')
  })

  it('a command that does not exist: the unknown-command message in Chinese, the nearest command, exit 2', async () => {
    const r = await runCli(['help', 'projct', 'lst'])
    expect(r.code).to.equal(2)
    expect(r.stderr).to.include('没有“projct lst”这个命令')
    expect(r.stderr).to.include('itplan project list')
    expect(r.stdout).to.equal('')
  })
})
