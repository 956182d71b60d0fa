import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {REPO_ROOT, runCli} from '../helpers/cli.js'
import {commandHelp, describedCommands} from '../../src/core/i18n/help/index.js'

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

  it('every command has its help in the catalogue, in Chinese and in English, and nothing is described that is not a command', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, {flags: Record<string, unknown>}>}
    expect([...describedCommands()].sort()).to.deep.equal(Object.keys(manifest.commands).sort())
    for (const id of describedCommands()) {
      const zh = commandHelp(id, 'zh')!
      const en = commandHelp(id, 'en')!
      expect(zh.summary, id).to.match(/[\u4e00-\u9fff]/)
      expect(en.summary, id).to.match(/^[A-Z][a-z]/)
      expect(en.examples.length, `${id}: as many examples in English`).to.equal(zh.examples.length)
      for (const flag of Object.keys(en.flags ?? {})) expect(manifest.commands[id].flags, `${id} --${flag}`).to.have.property(flag)
    }
  })

  it('--lang en (or ITPLAN_LANG=en) gives the help in English: summary, description, flags, global flags, topics', async () => {
    const r = await runCli(['help', 'review', 'record', '--lang', 'en'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.include('Record the result of a review stage').and.include('print the result as JSON').and.not.include('记录一个评审环节的结果')
    const env = await runCli(['plan', 'export', '--help'], {env: {ITPLAN_LANG: 'en'}})
    expect(env.code, env.stderr).to.equal(0)
    expect(env.stdout).to.include(commandHelp('plan:export', 'en')!.summary).and.include("seconds to wait for the register's lock")
    const root = await runCli(['help', '--lang', 'en'])
    expect(root.stdout).to.match(/^\s+review\s+review stages$/m)
    const zh = await runCli(['help', 'config', 'set'])
    expect(zh.stdout.replace(/\s+/g, ''), 'the keys come from the code, not a copy').to.include('time-limit.fiscal-review').and.include('以JSON输出结果')
  })

  it('docs/commands.md lists every flag of every command as the build has them (npm run docs)', () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'commands-doc.mjs'), '--check'], {encoding: 'utf8'})
    expect(r.status, r.stderr).to.equal(0)
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'commands.md'), 'utf8')
    expect(doc).to.include('`--refused-rectification`').and.include('## `itplan review record ID`').and.include('`approval-standard`')
  })
})
