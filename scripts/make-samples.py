#!/usr/bin/env python3
"""Writes the demo declaration files in data/samples/ (what `npm run demo` imports).

Six files, laid out the way city departments really send them (not all in the office's template):

  市公安局-2027年信息化项目申报表.xlsx  title row, 填报单位 line, 合计 row with SUM formulas
                                     (re-saved by LibreOffice so the formulas carry cached results)
  市教育局申报表.xlsx                  填表说明 sheet first, two-level merged header, hidden 下拉选项 sheet
  市卫健委_申报汇总.csv                GB18030 CSV as Chinese Excel saves it, amounts with units in the cells
  市自然资源和规划局.xlsx              synonym headers (申报单位, 项目类别, 估算总投资 …), one late declaration
  市城管局-有误.xlsx                   rows with errors: the whole file is rejected
  市数据资源局.xlsx                    the office's own template layout (headers of templates/declaration.json)

Every value is fixed and the zip and document times are pinned, so each run writes the same bytes. Plan year 2027; declaration deadline 2026-12-31.

Usage:  python3 scripts/make-samples.py [output-dir]      (default: data/samples beside this script's parent)
Needs:  openpyxl; LibreOffice (`soffice`) for the cached results of the 公安局 合计 row — without it the
        合计 row gets plain numbers instead of formulas.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / 'data' / 'samples'

THIN = Side(style='thin', color='000000')
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name='方正小标宋简体', size=16, bold=True)
HEAD_FONT = Font(name='黑体', size=10, bold=True)
BODY_FONT = Font(name='仿宋_GB2312', size=10)
HEAD_FILL = PatternFill('solid', fgColor='D9E1F2')
CENTER = Alignment(horizontal='center', vertical='center', wrap_text=True)
LEFT = Alignment(horizontal='left', vertical='center', wrap_text=True)

FIXED_TIME = dt.datetime(2026, 12, 15, 9, 0, 0)


def d(y: int, m: int, day: int) -> dt.datetime:
    return dt.datetime(y, m, day)


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.properties.creator = 'Administrator'
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def style_header(ws, row: int, first_col: int, last_col: int) -> None:
    for c in range(first_col, last_col + 1):
        cell = ws.cell(row=row, column=c)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = CENTER
        cell.border = BORDER


def style_body(ws, first_row: int, last_row: int, last_col: int, wrap_cols: tuple[int, ...] = ()) -> None:
    for r in range(first_row, last_row + 1):
        for c in range(1, last_col + 1):
            cell = ws.cell(row=r, column=c)
            cell.font = BODY_FONT
            cell.border = BORDER
            cell.alignment = LEFT if c in wrap_cols else CENTER


def set_widths(ws, widths: list[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def put_text(ws, row: int, col: int, value: str):
    """Codes and phone numbers typed as text (number format @), as a careful clerk does."""
    cell = ws.cell(row=row, column=col, value=value)
    cell.number_format = '@'
    return cell


def make_stable(path: Path) -> None:
    """Fixed zip entry times and document times, so that running the script again rewrites the same bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    stamp = FIXED_TIME.strftime('%Y-%m-%dT%H:%M:%SZ')
    with zipfile.ZipFile(path, 'w') as z:
        for name, data in entries:
            if name == 'docProps/core.xml':
                text = data.decode('utf-8')
                text = re.sub(r'(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)', rf'\g<1>{stamp}\g<2>', text)
                data = text.encode('utf-8')
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def save(wb: Workbook, path: Path) -> None:
    wb.save(path)
    make_stable(path)
    print(f'wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}')


# ---------------------------------------------------------------------------------------------------------
# 1. 市公安局: title row, 填报单位 line, header row, 3 projects, 合计 row with SUM formulas

def police(path: Path) -> None:
    wb = new_workbook()
    ws = wb.active
    ws.title = '申报表'
    headers = ['申报编号', '项目名称', '建设单位', '建设性质', '项目类型', '采购类别', '总投资（万元）',
               '其中：市本级财政资金（万元）', '建设周期（月）', '主要建设内容', '是否使用政务云', '是否数据汇聚共享',
               '是否接入城市大脑', '是否接入电子政务网', '联系人', '联系电话', '申报日期']
    last = len(headers)
    ws.cell(row=1, column=1, value='郴州市公安局2027年度信息化项目申报表').font = TITLE_FONT
    ws.cell(row=1, column=1).alignment = CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    ws.row_dimensions[1].height = 36
    ws.cell(row=2, column=1, value='填报单位：郴州市公安局  单位：万元').font = BODY_FONT
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    for i, h in enumerate(headers, start=1):
        ws.cell(row=3, column=i, value=h)
    style_header(ws, 3, 1, last)
    ws.row_dimensions[3].height = 42

    projects = [
        # 申报编号, 项目名称, 建设单位, 性质, 类型, 采购, 总投资, 财政, 周期, 内容, 云, 共享, 大脑, 政务网, 联系人, 电话, 日期
        ('GA-2027-001', '智慧警务大数据平台（二期）', '郴州市公安局', '扩建', '数据系统', '服务', 1280, 1280, 18,
         '在一期基础上扩建警务数据资源池，新建视频解析、人员车辆轨迹研判和警情态势分析模型，'
         '算力与存储部署在市政务云公安专区，脱敏数据按目录汇聚至市政务数据共享平台。',
         '是', '是', '是', '是', '刘建军', '0735-2391234', d(2026, 12, 8)),
        ('GA-2027-002', '派出所综合指挥室可视化调度系统升级', '市公安局', '改造升级', '业务系统', '服务', 85, 85, 8,
         '升级全市派出所综合指挥室接处警、视频调度和勤务管理功能，接入城市大脑指挥中枢，'
         '实现警情一键推送和跨部门联动处置。',
         '是', '是', '是', '是', '王芳', '13907351234', d(2026, 12, 8)),
        ('GA-2027-003', '移动警务终端采购', '郴州市公安局', '新建', '基础设施', '货物', 30, 30, 3,
         '为交警、巡特警一线民警配备移动警务终端150台，支持身份核验、移动执法和警情接收。',
         '是', '是', '是', '是', '谢志勇', '0735-2391256', d(2026, 12, 10)),
    ]
    first_data = 4
    for r, p in enumerate(projects, start=first_data):
        for c, v in enumerate(p, start=1):
            if c in (1, 16):
                put_text(ws, r, c, v)
            else:
                cell = ws.cell(row=r, column=c, value=v)
                if isinstance(v, dt.datetime):
                    cell.number_format = 'yyyy-mm-dd'
                elif c in (7, 8):
                    cell.number_format = '#,##0.00'
    last_data = first_data + len(projects) - 1
    total_row = last_data + 1
    ws.cell(row=total_row, column=1, value='合计')
    ws.merge_cells(start_row=total_row, start_column=1, end_row=total_row, end_column=6)
    for c in (7, 8):
        col = get_column_letter(c)
        cell = ws.cell(row=total_row, column=c, value=f'=SUM({col}{first_data}:{col}{last_data})')
        cell.number_format = '#,##0.00'
    style_body(ws, first_data, total_row, last, wrap_cols=(2, 10))
    for c in range(1, last + 1):
        ws.cell(row=total_row, column=c).font = HEAD_FONT
    set_widths(ws, [13, 28, 14, 9, 10, 9, 11, 14, 9, 46, 8, 8, 8, 8, 8, 14, 12])
    ws.freeze_panes = 'A4'

    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if not soffice:
        # No LibreOffice: openpyxl cannot store a formula's cached result, so write the figures themselves.
        for c in (7, 8):
            ws.cell(row=total_row, column=c, value=sum(p[c - 1] for p in projects))
        save(wb, path)
        print('  (soffice not found: 合计 row written as plain numbers)')
        return
    with tempfile.TemporaryDirectory(prefix='make-samples-') as tmp:
        src = Path(tmp) / 'src' / path.name
        src.parent.mkdir()
        out = Path(tmp) / 'out'
        out.mkdir()
        wb.save(src)
        # A private profile, so a LibreOffice already running (or the import's own .xls conversion) is not disturbed.
        profile = Path(tmp) / 'profile'
        subprocess.run([soffice, f'-env:UserInstallation={profile.as_uri()}', '--headless', '--norestore',
                        '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', str(out), str(src)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.copyfile(out / path.name, path)
    make_stable(path)
    print(f'wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} (re-saved by LibreOffice)')


# ---------------------------------------------------------------------------------------------------------
# 2. 市教育局: 填表说明 first, two-level merged header, hidden sheet with the drop-down lists

def education(path: Path) -> None:
    wb = new_workbook()
    notes = wb.active
    notes.title = '填表说明'
    lines = [
        '填表说明',
        '一、本表由项目建设单位填写，一个项目填写一行；多部门共建项目由主要使用部门作为建设单位申报，其他部门填入“共建单位”。',
        '二、建设性质填写：新建、扩建、改造升级。',
        '三、项目类型填写：基础设施、数据系统、业务系统、服务系统。',
        '四、采购类别填写：货物、服务、工程。',
        '五、投资估算以万元为单位，保留两位小数；“市本级财政资金”不得大于“总投资”。',
        '六、“四个应”落实情况填“是”或“否”，填“否”的须在“情况说明”中说明原因。',
        '七、申报截止时间为2026年12月31日，逾期申报的项目原则上不纳入年度计划。',
        '八、业务咨询：市数据资源局数字政府建设科，电话 0735-2368105。',
    ]
    for i, line in enumerate(lines, start=1):
        cell = notes.cell(row=i, column=1, value=line)
        cell.alignment = LEFT
        cell.font = HEAD_FONT if i == 1 else BODY_FONT
    notes.column_dimensions['A'].width = 100

    ws = wb.create_sheet('2027年申报项目')
    # upper level (row 3) and lower level (row 4); None under a group title means "merged into the group"
    upper = ['序号', '项目建设单位', '共建单位', '项目名称', '建设性质', '项目类型', '采购类别', '投资估算（万元）', None,
             '建设周期（月）', '主要建设内容', '“四个应”落实情况', None, None, None, '情况说明', '联系人', '联系电话',
             '申报日期']
    lower = {8: '总投资', 9: '其中：市本级财政资金', 12: '使用政务云', 13: '数据汇聚共享', 14: '接入城市大脑',
             15: '接入电子政务网'}
    last = len(upper)
    ws.cell(row=1, column=1, value='郴州市教育局2027年度市本级财政投资信息化项目申报表').font = TITLE_FONT
    ws.cell(row=1, column=1).alignment = CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    ws.row_dimensions[1].height = 36
    ws.cell(row=2, column=1, value='填报单位（盖章）：郴州市教育局').font = BODY_FONT
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=6)
    ws.cell(row=2, column=last - 1, value='单位：万元').font = BODY_FONT
    ws.merge_cells(start_row=2, start_column=last - 1, end_row=2, end_column=last)
    for c, h in enumerate(upper, start=1):
        if h is not None:
            ws.cell(row=3, column=c, value=h)
    for c, h in lower.items():
        ws.cell(row=4, column=c, value=h)
    ws.merge_cells('H3:I3')
    ws.merge_cells('L3:O3')
    for c in range(1, last + 1):
        if c not in lower:
            ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
    style_header(ws, 3, 1, last)
    style_header(ws, 4, 1, last)
    ws.row_dimensions[3].height = 30
    ws.row_dimensions[4].height = 42

    projects = [
        (1, '市教育局', None, '教育城域网升级改造', '改造升级', '基础设施', '工程', 96, 96, 6,
         '对全市教育城域网核心及汇聚节点进行升级改造，市直学校出口带宽扩容至万兆，新建IPv6和网络安全监测能力，'
         '城域网经市电子政务外网与市政务云互联。',
         '是', '是', '是', '是', None, '李红梅', '0735-2883216', d(2026, 12, 11)),
        (2, '市教育局', '市财政局、市人社局', '学生资助与教师管理一体化平台', '新建', '业务系统', '服务', 236, 236, 12,
         '新建覆盖学前至高中阶段的学生资助对象精准认定、资金发放全流程监管和教师编制、职称、待遇一体化管理平台，'
         '与市财政局预算管理一体化系统、市人社局人事管理系统对接，数据汇聚至市政务数据共享平台。',
         '是', '是', '是', '是', None, '邓志刚', '13873512688', d(2026, 12, 11)),
    ]
    first_data = 5
    for r, p in enumerate(projects, start=first_data):
        for c, v in enumerate(p, start=1):
            if v is None:
                continue
            if c == 18:
                put_text(ws, r, c, v)
                continue
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, dt.datetime):
                cell.number_format = 'yyyy/m/d'
            elif c in (8, 9):
                cell.number_format = '0.00'
    last_data = first_data + len(projects) - 1
    style_body(ws, first_data, last_data, last, wrap_cols=(4, 11, 16))
    set_widths(ws, [5, 12, 18, 24, 9, 10, 9, 9, 12, 9, 48, 7, 7, 7, 7, 18, 8, 14, 11])
    ws.freeze_panes = 'B5'

    # The unit's IT staff built drop-downs from a hidden list sheet, as many templates do.
    lists = wb.create_sheet('下拉选项')
    options = {'建设性质': ['新建', '扩建', '改造升级'], '项目类型': ['基础设施', '数据系统', '业务系统', '服务系统'],
               '采购类别': ['货物', '服务', '工程'], '是否': ['是', '否']}
    for c, (title, values) in enumerate(options.items(), start=1):
        lists.cell(row=1, column=c, value=title)
        for r, v in enumerate(values, start=2):
            lists.cell(row=r, column=c, value=v)
    lists.sheet_state = 'hidden'
    for col, ref in (('E', '$A$2:$A$4'), ('F', '$B$2:$B$5'), ('G', '$C$2:$C$4')):
        dv = DataValidation(type='list', formula1=f'下拉选项!{ref}', allow_blank=True)
        dv.add(f'{col}{first_data}:{col}200')
        ws.add_data_validation(dv)
    dv = DataValidation(type='list', formula1='下拉选项!$D$2:$D$3', allow_blank=True)
    dv.add(f'L{first_data}:O200')
    ws.add_data_validation(dv)
    wb.active = 1
    save(wb, path)


# ---------------------------------------------------------------------------------------------------------
# 3. 市卫生健康委员会: GB18030 CSV (what Excel's "CSV (逗号分隔)" writes on a Chinese Windows), amounts with units

def health(path: Path) -> None:
    header = ['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资', '其中：市本级财政资金',
              '建设周期（月）', '主要建设内容', '是否使用政务云', '是否数据汇聚共享', '是否接入城市大脑',
              '是否接入电子政务网', '情况说明', '联系人', '联系电话', '申报日期']
    rows = [
        ['市卫生健康委员会', '全民健康信息平台（二期）', '改造升级', '数据系统', '服务', '120万元', '120万元', '12',
         '升级市级全民健康信息平台，完善电子健康档案、电子病历共享调阅和检查检验结果互认，接入县市区及二级以上医院，'
         '数据按目录汇聚至市政务数据共享平台。',
         '是', '是', '是', '是', '', '曹丽娟', '0735-2226718', '2026/12/10'],
        ['市卫生健康委员会', '院前急救调度指挥系统升级', '改造升级', '业务系统', '服务', '850,000元', '850,000元', '8',
         '升级市急救中心120调度指挥系统，实现呼救定位、车辆调度、车载监护数据回传和院前院内信息衔接。',
         '否', '是', '是', '是',
         '调度系统须与120呼救专线、急救车载终端实时联动，按院前医疗急救管理要求部署在市急救中心本地机房（双机热备），'
         '不迁移至政务云；业务数据每日汇聚至市政务数据共享平台。',
         '彭卫东', '13975577321', '2026-12-11'],
        ['市卫生健康委员会', '妇幼健康信息管理系统', '新建', '业务系统', '服务', '46万元', '40万元', '6',
         '新建孕产妇和儿童健康管理、出生医学证明管理和妇幼健康统计功能，覆盖全市妇幼保健机构。',
         '是', '否', '是', '是', '', '黄晓燕', '0735-2226745', '2026年12月12日'],
    ]

    def quote(v: str) -> str:
        return '"' + v.replace('"', '""') + '"' if any(ch in v for ch in ',"\r\n') else v

    text = '\r\n'.join(','.join(quote(v) for v in row) for row in [header, *rows]) + '\r\n'
    path.write_bytes(text.encode('gb18030'))
    print(f'wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} (GB18030)')


# ---------------------------------------------------------------------------------------------------------
# 4. 市自然资源和规划局: synonym headers, a declaration dated after the deadline

def natural_resources(path: Path) -> None:
    wb = new_workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    headers = ['序号', '项目编号', '申报单位', '项目名称', '项目性质', '项目类别', '采购类型', '估算总投资（万元）',
               '申请财政资金（万元）', '建设工期', '项目概况', '使用政务云', '数据汇聚共享', '接入城市大脑',
               '接入电子政务网', '负责人', '电话', '填报日期']
    last = len(headers)
    for c, h in enumerate(headers, start=1):
        ws.cell(row=1, column=c, value=h)
    style_header(ws, 1, 1, last)
    projects = [
        (1, 'ZRGH-2027-01', '郴州市自然资源和规划局', '国土空间基础信息平台升级改造', '改造升级', '数据系统类', '服务',
         320, 280, 12,
         '升级国土空间基础信息平台，整合“三区三线”、地籍调查和实景三维数据，建设国土空间规划“一张图”实施监督模块，'
         '对城市大脑提供空间底图服务。',
         '√', '√', '√', '√', '罗建平', '0735-2152608', d(2026, 12, 18)),
        (2, 'ZRGH-2027-02', '郴州市自然资源和规划局', '不动产登记“一网通办”系统扩容', '扩建', '业务系统类', '服务',
         62, 62, 6,
         '扩容不动产登记业务系统，新增“带押过户”、水电气网联动过户和存量登记资料数字化查询功能。',
         '√', '√', '√', '√', '胡晓兰', '18907356612', d(2027, 1, 5)),
    ]
    for r, p in enumerate(projects, start=2):
        for c, v in enumerate(p, start=1):
            if c in (2, 17):
                put_text(ws, r, c, v)
                continue
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, dt.datetime):
                cell.number_format = 'yyyy"年"m"月"d"日"'
    style_body(ws, 2, 1 + len(projects), last, wrap_cols=(4, 11))
    set_widths(ws, [5, 14, 22, 28, 9, 11, 9, 11, 11, 9, 48, 8, 8, 8, 8, 8, 14, 14])
    save(wb, path)


# ---------------------------------------------------------------------------------------------------------
# 5. 市城市管理和综合执法局: rows with errors (the file is rejected as a whole)

def urban_management(path: Path) -> None:
    wb = new_workbook()
    ws = wb.active
    ws.title = '申报表'
    headers = ['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '市本级财政资金（万元）',
               '建设周期（月）', '主要建设内容', '联系人', '联系电话', '申报日期']
    last = len(headers)
    ws.cell(row=1, column=1, value='郴州市城市管理和综合执法局2027年度信息化项目申报表').font = TITLE_FONT
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    for c, h in enumerate(headers, start=1):
        ws.cell(row=2, column=c, value=h)
    style_header(ws, 2, 1, last)
    unit = '市城市管理和综合执法局'
    projects = [
        # row 3: 项目名称 missing
        (unit, None, '新建', '业务系统', '服务', 45, 45, 6,
         '建设城区占道经营、违规广告智能识别和案件自动派遣功能。', '肖军', '0735-2866120', d(2026, 12, 9)),
        # row 4: 总投资 not a number
        (unit, '智慧环卫监管系统', '新建', '业务系统', '服务', '约100万', 100, 10,
         '对环卫车辆、垃圾中转站和公厕进行物联感知和作业监管。', '肖军', '0735-2866120', d(2026, 12, 9)),
        # row 5: valid
        (unit, '数字城管平台升级改造', '改造升级', '业务系统', '服务', 150, 150, 12,
         '升级数字化城市管理平台，整合12345热线城管类诉求，接入城市大脑城市运行管理服务中枢。',
         '肖军', '0735-2866120', d(2026, 12, 9)),
        # row 6: 财政资金 greater than 总投资
        (unit, '城市照明智能控制系统', '新建', '基础设施', '工程', 80, 95, 8,
         '对中心城区路灯实施单灯控制改造，建设照明设施远程监控和节能管理系统。',
         '曾凡华', '13786501234', d(2026, 12, 9)),
        # row 7: 项目类型 not one of 基础设施 / 数据系统 / 业务系统 / 服务系统
        (unit, '违法建设智能巡查系统', '新建', '平台类', '服务', 60, 60, 6,
         '利用无人机航拍和遥感影像比对，自动发现疑似违法建设并推送执法人员核查。',
         '曾凡华', '13786501234', d(2026, 12, 9)),
    ]
    for r, p in enumerate(projects, start=3):
        for c, v in enumerate(p, start=1):
            if v is None:
                continue
            if c == 11:
                put_text(ws, r, c, v)
                continue
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, dt.datetime):
                cell.number_format = 'yyyy-mm-dd'
    style_body(ws, 3, 2 + len(projects), last, wrap_cols=(2, 9))
    set_widths(ws, [22, 24, 9, 10, 9, 11, 13, 9, 44, 8, 14, 12])
    save(wb, path)


# ---------------------------------------------------------------------------------------------------------
# 6. 市数据资源局: the office's own template (column headers and order of templates/declaration.json)

def data_bureau(path: Path) -> None:
    dictionary = json.loads((ROOT / 'templates' / 'declaration.json').read_text(encoding='utf-8'))
    fields = dictionary['fields']
    unit = '市数据资源局'
    projects = [
        {'declarationNo': 'SJ-2027-001', 'planYear': 2027, 'unit': unit, 'name': '市政务云平台扩容工程',
         'nature': '扩建', 'category': '基础设施', 'procurementCategory': '工程', 'totalInvestment': 100,
         'fiscalFunds': 100, 'annualPlan': 100, 'fundingSources': '财政资金', 'periodMonths': 10,
         'summary': '扩容市政务云机房供配电、精密空调和机柜，新增计算节点和分布式存储，满足各部门业务系统迁移上云需求。',
         'govCloud': '是', 'dataSharing': '是', 'cityBrain': '是', 'egovNetwork': '是', 'classified': '否',
         'contactName': '陈立新', 'contactPhone': '0735-2368105', 'declaredOn': d(2026, 12, 14)},
        {'declarationNo': 'SJ-2027-002', 'planYear': 2027, 'unit': unit, 'name': '政务数据共享交换平台服务器采购',
         'nature': '扩建', 'category': '基础设施', 'procurementCategory': '货物', 'totalInvestment': 49.99,
         'fiscalFunds': 49.99, 'annualPlan': 49.99, 'fundingSources': '财政资金', 'periodMonths': 3,
         'summary': '为政务数据共享交换平台采购服务器4台、交换机2台，提升数据交换并发能力。',
         'govCloud': '是', 'dataSharing': '是', 'cityBrain': '是', 'egovNetwork': '是', 'classified': '否',
         'contactName': '陈立新', 'contactPhone': '0735-2368105', 'declaredOn': d(2026, 12, 14)},
    ]
    wb = new_workbook()
    ws = wb.active
    ws.title = '申报表'
    for c, f in enumerate(fields, start=1):
        ws.cell(row=1, column=c, value=f['header'])
        ws.column_dimensions[get_column_letter(c)].width = f.get('width', 12)
    style_header(ws, 1, 1, len(fields))
    wrap = tuple(c for c, f in enumerate(fields, start=1) if f['key'] in ('name', 'summary', 'justification'))
    for r, p in enumerate(projects, start=2):
        for c, f in enumerate(fields, start=1):
            v = p.get(f['key'])
            if v is None:
                continue
            if f['key'] in ('declarationNo', 'contactPhone'):
                put_text(ws, r, c, v)
                continue
            cell = ws.cell(row=r, column=c, value=v)
            if f['key'] == 'declaredOn':
                cell.number_format = 'yyyy-mm-dd'
            elif f['key'] in ('totalInvestment', 'fiscalFunds', 'annualPlan'):
                cell.number_format = '0.00'
    style_body(ws, 2, 1 + len(projects), len(fields), wrap_cols=wrap)
    ws.freeze_panes = 'A2'
    save(wb, path)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    police(OUT / '市公安局-2027年信息化项目申报表.xlsx')
    education(OUT / '市教育局申报表.xlsx')
    health(OUT / '市卫健委_申报汇总.csv')
    natural_resources(OUT / '市自然资源和规划局.xlsx')
    urban_management(OUT / '市城管局-有误.xlsx')
    data_bureau(OUT / '市数据资源局.xlsx')


if __name__ == '__main__':
    main()
