// The clerk at a terminal (issue 15): `project add` asks for what its flags leave out and checks each answer as it
// is given, with the validator the flags and the import use; closed lists are menus of Chinese words; Ctrl-C at
// any question or confirmation is a cancellation (exit 130, 已取消, nothing written). Driven through a
// pseudo-terminal (util-linux `script`, test/helpers/tty.ts), on the built CLI and a real register.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import {KEY, runTty, type Exchange} from '../helpers/tty.js'
import type {Project} from '../../src/core/domain/types.js'

const WAN = 1_000_000

describe('itplan at a terminal: prompts and Ctrl-C (issue 15, through a pseudo-terminal)', function () {
  // each dialogue starts the CLI once and waits for every question: slow on a loaded machine, never out of step
  this.timeout(180_000)
  let t: TempRegister
  const {ok, snapshot} = commandsOn(() => t)
  const tty = (args: string[], exchanges: Exchange[]) => runTty([...args, '--register', t.register], exchanges, {cwd: t.dir})
  /** The JSON a --json run printed: a terminal shows stdout and stderr together, and the questions come first. */
  const jsonLine = <T>(screen: string): T => JSON.parse(screen.slice(screen.search(/^\{/m), screen.lastIndexOf('}') + 1)) as T
  const projects = async () => ok<Project[]>(['project', 'list'])

  beforeEach(async () => {
    t = tempRegister('itplan-tty-')
    await initRegister(t.dir)
  })
  afterEach(() => t.cleanup())

  /** The questions up to the total investment, answered with a valid unit, name, nature and category (业务系统). */
  const upToTotal: Exchange[] = [
    {waitFor: '项目建设单位', send: `市公安局${KEY.enter}`},
    {waitFor: '项目名称', send: `智慧警务平台${KEY.enter}`},
    {waitFor: '建设性质', send: KEY.enter},
    {waitFor: '项目类型', send: `${KEY.down}${KEY.down}${KEY.enter}`},
  ]

  describe('project add asks for what is missing and checks each answer as it is given', () => {
    it('refuses 约90万 at the total-investment question itself, with the Chinese message, and asks again; fiscal funds above the total are refused at the fiscal question', async () => {
      const r = await tty(
        ['project', 'add', '--declared-on', '2026-11-20'],
        [
          ...upToTotal,
          {waitFor: '总投资', send: `约90万${KEY.enter}`},
          // the message shows before the next question: nothing typed so far is lost
          {waitFor: '“总投资”的金额“约90万”无法识别', send: `${KEY.clearLine}0${KEY.enter}`, failOn: '其中市本级财政资金'},
          // a zero total is refused at its own question, before the fiscal funds it would be compared with
          {waitFor: '“总投资”必须大于零', send: `${KEY.clearLine}90万${KEY.enter}`, failOn: '其中市本级财政资金'},
          {waitFor: '其中市本级财政资金', send: `100万${KEY.enter}`},
          {waitFor: '市本级财政资金不能大于总投资', send: `${KEY.clearLine}90万${KEY.enter}`, failOn: '采购类别'},
          {waitFor: '采购类别', send: `${KEY.down}${KEY.enter}`},
        ],
      )
      expect(r.code, r.screen).to.equal(0)
      expect(r.screen).to.contain('已登记').and.not.contain('内部错误')
      const [p] = await projects()
      expect(p).to.include({unit: '市公安局', name: '智慧警务平台', nature: 'new', category: 'business', procurementCategory: 'services', totalInvestmentFen: 90 * WAN, fiscalFundsFen: 90 * WAN})
    })

    it('an empty answer is refused in Chinese, not with inquirer\'s English', async () => {
      const r = await tty(['project', 'add', ...projectFlags({unit: null})], [{waitFor: '项目建设单位', send: KEY.enter}, {waitFor: '“项目建设单位”不能为空', send: `市公安局${KEY.enter}`, failOn: 'You must provide'}])
      expect(r.code, r.screen).to.equal(0)
      expect((await projects())[0].unit).to.equal('市公安局')
    })

    it('offers the closed lists as menus of Chinese words, with Chinese key help', async () => {
      const r = await tty(
        ['project', 'add', ...projectFlags({nature: null, category: null, 'procurement-category': null})],
        [
          {waitFor: '建设性质', send: `${KEY.down}${KEY.enter}`},
          {waitFor: '项目类型', send: KEY.enter},
          {waitFor: '采购类别', send: `${KEY.down}${KEY.down}${KEY.enter}`},
        ],
      )
      expect(r.code, r.screen).to.equal(0)
      for (const word of ['新建', '扩建', '改造升级', '基础设施', '数据系统', '业务系统', '服务系统', '货物', '服务', '工程']) expect(r.screen).to.contain(word)
      expect(r.screen).to.not.match(/navigate|select\b/)
      expect((await projects())[0]).to.include({nature: 'expansion', category: 'infrastructure', procurementCategory: 'works'})
    })

    it('checks the flags that were given before asking anything: a bad --total or --declared-on is refused at once, not after the last question', async () => {
      for (const [flag, value, message] of [
        ['total', '约90万', '“总投资”的金额“约90万”无法识别'],
        ['declared-on', '2026-13-45', '“申报日期”的值“2026-13-45”不是有效日期'],
      ]) {
        const before = snapshot()
        const r = await tty(['project', 'add', ...projectFlags({unit: null, name: null, [flag]: value})], [{waitFor: message, send: '', failOn: '项目建设单位'}])
        expect(r.code, r.screen).to.equal(2)
        expect(r.screen).to.not.contain('项目建设单位')
        expect(snapshot()).to.equal(before)
      }
    })

    it('a register that is not there is reported before the first question', async () => {
      const r = await runTty(['project', 'add', '--register', path.join(t.dir, 'none.json')], [{waitFor: '找不到登记簿', send: '', failOn: '项目建设单位'}], {cwd: t.dir})
      expect(r.code, r.screen).to.equal(2)
      expect(fs.existsSync(path.join(t.dir, 'none.json'))).to.equal(false)
    })

    it('a bare total below 1 万元 at the prompt warns “85 元？若为万元请写 85万” and lets the clerk type it again or keep it', async () => {
      const r = await tty(
        ['project', 'add', '--declared-on', '2026-11-20', '--procurement-category', '服务'],
        [
          ...upToTotal,
          {waitFor: '总投资', send: `85${KEY.enter}`},
          // the default is to type it again
          {waitFor: '85 元？若为万元请写 85万', send: KEY.enter, failOn: '其中市本级财政资金'},
          {waitFor: '总投资', send: `85万${KEY.enter}`},
          {waitFor: '其中市本级财政资金', send: `5000${KEY.enter}`},
          {waitFor: '5000 元？若为万元请写 5000万', send: `${KEY.down}${KEY.enter}`},
        ],
      )
      expect(r.code, r.screen).to.equal(0)
      expect((await projects())[0]).to.include({totalInvestmentFen: 85 * WAN, fiscalFundsFen: 5000_00})
    })

    it('with --json at a terminal, the result is the project as JSON', async () => {
      const r = await tty(['project', 'add', ...projectFlags({unit: null}), '--json'], [{waitFor: '项目建设单位', send: `市公安局${KEY.enter}`}])
      expect(r.code, r.screen).to.equal(0)
      expect(jsonLine<Project>(r.screen).unit).to.equal('市公安局')
    })
  })

  describe('Ctrl-C is a cancellation: exit 130, 已取消, nothing written', () => {
    /** A dialogue that ends with Ctrl-C at `question`: exit 130, 已取消 and no internal error, the register untouched. */
    async function cancelled(args: string[], question: string, before: Exchange[] = []): Promise<void> {
      const register = snapshot()
      const r = await tty(args, [...before, {waitFor: question, send: KEY.ctrlC}])
      expect(r.code, r.screen).to.equal(130)
      expect(r.screen).to.contain('已取消').and.not.contain('内部错误').and.not.match(/\n\s+at /)
      expect(snapshot(), 'nothing written').to.equal(register)
    }

    it('at a question of project add, after some answers', async () => {
      await cancelled(['project', 'add'], '建设性质', upToTotal.slice(0, 2))
      expect(await projects()).to.deep.equal([])
    })

    it('with --json, the error object with exitCode 130', async () => {
      const r = await tty(['project', 'add', '--json'], [{waitFor: '项目建设单位', send: KEY.ctrlC}])
      expect(r.code, r.screen).to.equal(130)
      const {error} = jsonLine<{error: {code: string; message: string; exitCode: number}}>(r.screen)
      expect(error.exitCode).to.equal(130)
      expect(error.message).to.contain('已取消')
    })

    it('at the confirmation of project withdraw, backup restore and init --force', async () => {
      const id = (await ok<Project>(['project', 'add', ...projectFlags()])).id
      await cancelled(['project', 'withdraw', id], '确认撤回项目')
      const [backup] = await ok<Array<{id: string}>>(['backup', 'list'])
      await cancelled(['backup', 'restore', backup.id], backup.id)
      await cancelled(['init', '--force'], '覆盖')
      expect((await ok<Project>(['project', 'show', id])).status).to.equal('declared')
    })
  })

  describe('confirmations are a choice of Chinese words', () => {
    it('否 cancels the withdrawal (exit 2, nothing written); 是 withdraws', async () => {
      const id = (await ok<Project>(['project', 'add', ...projectFlags()])).id
      const register = snapshot()
      const no = await tty(['project', 'withdraw', id], [{waitFor: '确认撤回项目', send: KEY.enter}])
      expect(no.code, no.screen).to.equal(2)
      expect(no.screen).to.contain('否').and.contain('已取消').and.not.match(/y\/N/)
      expect(snapshot()).to.equal(register)
      const yes = await tty(['project', 'withdraw', id], [{waitFor: '确认撤回项目', send: `${KEY.down}${KEY.enter}`}])
      expect(yes.code, yes.screen).to.equal(0)
      expect((await ok<Project>(['project', 'show', id])).status).to.equal('withdrawn')
    })
  })
})
