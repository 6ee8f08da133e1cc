"""The same plan whatever the container (issue 18, sixteenth round, branch h18z): a table as
a .docx or HTML table, as ``|`` rows, one cell a line, tabs or runs of spaces; role labels on
their own lines, in a bracket after the task or as a closing sentence. Texts marked "real" are
rows of tests/fixtures/import/corpus/ re-emitted in another container (as
tests/plan_import/corpus_layouts.py writes them); texts marked "made up" are variants written for
this test."""

from __future__ import annotations

from pathlib import Path

import corpus_layouts
import corpus_score
import docx
import pytest

from duban.plan_import import import_file
from duban.plan_import.table_header import header_index
from duban.plan_import.units import ImportOrg
from helpers import import_whole

pytestmark = pytest.mark.usefixtures("chinese")


def _tasks(result) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {task["id"]: task for task in result.tasks}


def _docx(folder: Path, lines: list[str], rows: list[list[str]]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    path = folder / "plan.docx"
    document.save(str(path))
    return path


def _html(folder: Path, lines: list[str], rows: list[list[str]]) -> Path:
    body = "".join(f"<p>{line}</p>" for line in lines)
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path = folder / "plan.html"
    head = '<html><head><meta charset="utf-8"></head>'
    path.write_text(f"{head}<body>{body}<table>{table}</table></body></html>", encoding="utf-8")
    return path


# --- a table's header below a title or the page's metadata rows ------------------------------

# Real: zhejiang-linan-2022-minsheng-plan-cell-steps.txt, its | rows (metadata, header, rows
# shortened) written as one .docx table and one HTML table.
LINAN = [
    ["索引号", "000330185/2022-83945", "公开方式", "主动公开"],
    ["发布单位", "区政府", "发文日期", "2022-07-14"],
    ["序号", "实事项目", "工作举措及实施计划", "责任单位", "配合单位"],
    [
        "1",
        "新建成公办中小学、幼儿园7所。",
        "1.4月底前主体完工。 2.8月底前竣工交付。",
        "教育局",
        "发改局、住建局",
    ],
    [
        "2",
        "新建成婴幼儿照护服务成长驿站7家。",
        "1.3月底前新建成2家。 2.9月底前完成7家。",
        "卫生健康局",
        "财政局、妇联",
    ],
]
# Made up: a title row spanning the table, 牵头单位 and 完成时限 columns.
TITLED = [
    ["某县2024年重点工作任务分解表"],
    ["序号", "重点任务", "牵头单位", "完成时限"],
    ["1", "新建农贸市场2个。", "县商务局", "2024年10月底前"],
    ["2", "改造农村公路50公里。", "县交通运输局", "2024年12月底前"],
]


def test_the_header_row_is_found_below_the_first() -> None:
    assert header_index(LINAN) == 2
    assert header_index(TITLED) == 1
    assert header_index(LINAN[2:]) == 0  # a header on the first row stays the header
    assert header_index([["甲", "乙"], ["丙", "丁"]]) == 0  # no header at all: as before


@pytest.mark.parametrize("write", [_docx, _html], ids=["docx", "html"])
def test_a_table_with_metadata_rows_above_its_header(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, ["临安区2022年民生实事项目工作举措及实施计划"], LINAN)
    tasks = _tasks(import_file(path, ImportOrg(), "p", 2022))
    assert list(tasks) == ["01", "02"]
    assert tasks["01"]["roles"]["responsible"] == ["教育局"]
    assert tasks["02"]["roles"]["cooperate"] == ["财政局", "妇联"]
    assert [item["id"] for item in tasks["01"]["items"]] == ["1", "2"]


def test_a_table_with_a_title_row(tmp_path: Path) -> None:
    path = _docx(tmp_path, ["关于印发某县2024年重点工作任务的通知"], TITLED)
    tasks = _tasks(import_file(path, ImportOrg(), "p"))
    assert tasks["02"]["roles"]["lead"] == ["县交通运输局"]
    assert str(tasks["01"]["due"][0]["date"]) == "2024-10-31"


# --- one cell a line: page metadata above the header, a long column name, a cell's steps ----

# Real: zhejiang-linan-2022-minsheng-plan-cell-steps.txt, its | rows written one cell a line
# (shortened): 公开时限 / 长期公开 / 发布单位 is no header; 工作举措及实施计划 is a column; the
# 1.… 2.… of one cell on one line are that cell's steps, not rows of their own.
LINAN_CELLS = "\n".join(
    [
        "临安区2022年民生实事项目工作举措及实施计划",
        *(cell for row in LINAN for cell in row),
    ]
).replace("索引号", "公开时限\n长期公开\n索引号")
# Made up: metadata words above, a 工作举措及推进计划 column, three rows of two steps each.
MADE_UP_CELLS = """某区2023年为民办实事项目实施计划
公开时限
长期公开
发布单位
区政府
序号
项目名称
工作举措及推进计划
牵头单位
配合单位
1
新建口袋公园5个。
1.完成选址(3月底前)。 2.建成开放(10月底前)。
区住建局
区财政局、各街道
2
新增停车泊位800个。
1.完成规划(5月底前)。 2.全部投用(11月底前)。
区交通局
区公安分局
3
改造老旧小区8个。
1.全部开工(4月底前)。 2.全部完工(12月底前)。
区住建局
各街道"""


@pytest.mark.parametrize(
    ("text", "ids"),
    [(LINAN_CELLS, ["01", "02"]), (MADE_UP_CELLS, ["01", "02", "03"])],
    ids=["real", "made-up"],
)
def test_one_cell_a_line_with_steps_in_a_cell(tmp_path: Path, text: str, ids: list[str]) -> None:
    tasks = _tasks(import_whole(tmp_path, text, 2022))
    assert list(tasks) == ids
    first = tasks["01"]
    assert [item["id"] for item in first["items"]] == ["1", "2"]
    assert set(first["roles"]) & {"lead", "responsible"}


# --- one cell a line: a column named by several words joined by 、 and 及 -------------------

# Real: zhejiang-keqiao-2023-pipe-quarter-target-progress.txt, its | rows one cell a line
# (shortened): 进展情况、存在问题及下一步打算 is a column between known ones.
KEQIAO_CELLS = """2023年度省政府民生实事涉我区工作任务一季度进展情况
序号
工作任务
责任单位
一季度目标
进展情况、存在问题及下一步打算
目标完成情况
1
新改扩建公办中小学校1所
教体局
室内安装、装修及场外施工
进展情况:轻纺城第二小学新建工程室内装修及安装工程完成80%。
顺利推进
2
完成“县中崛起”一对一结对帮扶学校2所
教体局
互派人员到位,集体备课
进展情况:3月10日,柯桥中学管理教学团队赴江山中学开展交流。
顺利推进"""
# Made up: 工作内容与工作要求 and 牵头部门 and 存在问题和改进措施.
MADE_UP_JOINED = """关于某县2024年重点项目推进情况的通报
序号
项目名称
工作内容与工作要求
牵头部门
存在问题和改进措施
1
县城污水管网改造
完成管网改造20公里
县住建局
资金到位较慢,已协调财政
2
城乡公交一体化
新开城乡公交线路5条
县交通运输局
线路已报批,正在招标"""


@pytest.mark.parametrize(
    ("text", "unit"),
    [(KEQIAO_CELLS, "教体局"), (MADE_UP_JOINED, "县交通运输局")],
    ids=["real", "made-up"],
)
def test_one_cell_a_line_with_a_joined_column_name(tmp_path: Path, text: str, unit: str) -> None:
    tasks = _tasks(import_whole(tmp_path, text, 2023))
    assert list(tasks) == ["01", "02"]
    # the column named by joined words is a column: the cells after it stay under theirs
    assert list(tasks["02"]["roles"].values()) == [[unit]]
    assert list(tasks["02"]["roles"]) == ["responsible" if unit == "教体局" else "lead"]


# --- tabs and runs of spaces part the cells of a table numbered after merged cells ------------

# Real: zhejiang-changxing-taihu-undated-fangxun-pipe-qingdan-space-units.txt, its | rows written
# with tabs between the cells (shortened): tabs were made single spaces before any reading.
CHANGXING = [
    ["建设任务", "工作事项", "工作指标", "任务清单", "责任清单", "时限清单"],
    ["一、体系建设"],
    [
        "(一)组织指挥提能升级",
        "1.组织机构",
        "(1)乡镇(街道、园区)党政主要负责人是防汛工作第一责任人。",
        "1.落实防汛防台行政首长负责制; 2.结合实际,明确班子成员职责清单;",
        "党政办 应消站",
        "4月",
    ],
    [
        "(2)乡镇(街道、园区)应急消防管理站承担防汛防台统筹协调工作。",
        "1.明确应消站防汛工作职责;",
        "应消站",
        "4月",
    ],
    ["(3)村(社区)建立应急工作组。", "1.明确村书记、村干部等组成的应急工作组;", "村(社区)", "4月"],
]
# Made up: another list (工作内容 | 具体事项 | 任务要求 | 工作措施 | 责任清单 | 时限清单) with
# runs of spaces between its cells.
MADE_UP_INNER = [
    ["工作内容", "具体事项", "任务要求", "工作措施", "责任清单", "时限清单"],
    ["一、队伍建设"],
    [
        "(一)抢险队伍",
        "1.人员配备",
        "(1)组建乡镇抢险队伍。",
        "1.落实队员名单; 2.开展培训;",
        "应消站 武装部",
        "5月",
    ],
    ["(2)组建村级抢险小分队。", "1.明确小分队队长;", "村(社区)", "5月"],
]


@pytest.mark.parametrize(
    ("rows", "sep", "units"),
    [(CHANGXING, "\t", ["党政办", "应消站"]), (MADE_UP_INNER, "    ", ["应消站", "武装部"])],
    ids=["real-tabs", "made-up-spaces"],
)
def test_a_table_numbered_after_merged_cells_between_tabs_or_spaces(
    tmp_path: Path, rows: list[list[str]], sep: str, units: list[str]
) -> None:
    text = "防汛防台体系建设清单\n" + "\n".join(sep.join(row) for row in rows)
    tasks = _tasks(import_whole(tmp_path, text))
    assert list(tasks) == [f"1-{n}" for n in range(1, len(rows) - 1)]
    assert tasks["1-1"]["roles"] == {"responsible": units}
    assert [item["id"] for item in tasks["1-1"]["items"]] == ["1", "2"]


# --- a .docx or HTML table read by the text readings too (its rows as | rows) -----------------


def _merged(rows: list[list[str]]) -> list[list[str]]:
    """A .docx keeps a merged cell's continuation as an empty cell on the left."""
    width = len(rows[0])
    return [rows[0]] + [[""] * (width - len(row)) + row for row in rows[1:]]


@pytest.mark.parametrize(
    ("write", "rows", "units"),
    [
        (
            lambda folder, rows: _docx(folder, ["防汛防台体系建设清单"], _merged(rows)),
            CHANGXING,
            ["党政办", "应消站"],
        ),
        (
            lambda folder, rows: _html(folder, ["防汛防台体系建设清单"], rows),
            CHANGXING,
            ["党政办", "应消站"],
        ),
        (
            lambda folder, rows: _docx(folder, ["抢险队伍建设清单"], _merged(rows)),
            MADE_UP_INNER,
            ["应消站", "武装部"],
        ),
    ],
    ids=["real-docx", "real-html", "made-up-docx"],
)
def test_a_cell_table_numbered_after_merged_cells(
    tmp_path: Path,
    write,
    rows: list[list[str]],
    units: list[str],  # type: ignore[no-untyped-def]
) -> None:
    tasks = _tasks(import_file(write(tmp_path, rows), ImportOrg(), "p", 2024))
    assert list(tasks) == [f"1-{n}" for n in range(1, len(rows) - 1)]
    assert tasks["1-1"]["roles"] == {"responsible": units}
    assert [item["id"] for item in tasks["1-1"]["items"]] == ["1", "2"]


# --- role labels moved into the item's closing sentence ------------------------------------

# Real: henan-xuchang-2020-responsible-groups.txt, its 责任单位: line made the item's closing
# sentence (as tests/plan_import/corpus_layouts.py writes it; shortened).
XUCHANG = """许昌市人民政府关于分解2020年政府工作报告重点工作任务的通知
一、抓好常态化疫情防控,全面恢复生产生活秩序
1.坚持“外防输入、内防反弹”总体防控策略,巩固疫情防控持续向好态势。市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府(管委会)按职责分工负责。
2.坚持必要的人员管控和健康监测措施,引导群众做好自我防护。市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府(管委会)按职责分工负责。
"""
# Made up: 负责 alone, and a comma before a group of towns.
MADE_UP_SENTENCE = """某区2021年重点工作分工方案
一、城市建设
1.实施老旧小区改造12个。区住建局、区财政局等,各镇(街道)、各社区负责。
2.新建公共停车场3处,年内建成投用。区交通运输局,各镇(街道)按职责分工负责。
"""


def test_a_closing_sentence_with_a_comma_in_its_list(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, XUCHANG))
    assert list(tasks) == ["1-1", "1-2"]
    assert tasks["1-2"]["roles"] == {
        "responsible": ["市疫情防控指挥部办公室", "市卫生健康委", "各县(市、区)政府(管委会)"]
    }
    made = _tasks(import_whole(tmp_path, MADE_UP_SENTENCE))
    assert made["1-1"]["roles"] == {"responsible": ["区住建局", "区财政局", "各镇(街道)", "各社区"]}
    assert made["1-2"]["roles"] == {"responsible": ["区交通运输局", "各镇(街道)"]}


# Real: shandong-jinxiang-2020-heading-lead-responsible.txt, its （责任单位:…） bracket written as
# the item's closing sentence (shortened): 住房和城乡建设局 is one name, not 住房 and 城乡建设局.
JINXIANG = """金乡县农村人居环境整治提升方案
一、整治提升村容村貌
1.提升村庄公共环境。清理私搭乱建、乱堆乱放。县委农办、县农业农村局按职责分工负责。
2.加强乡村建筑风貌引导。防止千村一面。县住房和城乡建设局按职责分工负责。
"""
# Made up: other names with 和 in them.
MADE_UP_HE = """某区2022年卫生文旅重点工作
一、公共服务
1.改造背街小巷20条。区城市管理和综合执法局按职责分工负责。
2.新建口袋公园6个。区住房和城乡建设局、区园林局按职责分工负责。
"""


def test_a_closing_sentence_naming_a_unit_with_he(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, JINXIANG))
    assert tasks["1-2"]["roles"] == {"responsible": ["县住房和城乡建设局"]}
    made = _tasks(import_whole(tmp_path, MADE_UP_HE))
    assert made["1-1"]["roles"] == {"responsible": ["区城市管理和综合执法局"]}
    assert made["1-2"]["roles"] == {"responsible": ["区住房和城乡建设局", "区园林局"]}


# --- one cell a line, rows numbered in their first cell (no 序号 column) ------------------

# Real: zhejiang-xinchang-2021-pipe-merged-rows.txt, its | table one cell a line (shortened; row 1
# with a merged row's cells after it).
XINCHANG_CELLS = """2021年新昌县政府十方面民生实事进展情况登记表
项目名称
工作任务
计划完成时间
牵头单位
1.城市人居环境提升项目
对人民中路等3条城区道路进行综合提升改造;
11月
建设局
2021.8
城投集团
新建城市口袋公园2处;
11月
建设局
2.生态公墓建设项目
持续推进生态公墓建设,新建生态公益性墓地15处,新增墓穴10000穴。
10月底
民政局
3.农村道路改造提升项目
投资5000万元,提升改造低等级公路40公里。
10月
交通运输局"""
# Made up: 重点项目 / 主要内容 / 责任单位 / 完成时限, three rows numbered 1． 2． 3．, the first
# with a merged row's cells after it.
MADE_UP_FIRST_CELL = """某县2022年重点项目推进表
重点项目
主要内容
责任单位
完成时限
1．城北污水处理厂扩建
新增日处理能力2万吨。
县住建局
2022年9月底前
新建配套管网5公里。
县城投集团
2022年6月底前
2．县人民医院综合楼
完成主体结构封顶。
县卫生健康局
2022年12月底前
3．城乡供水一体化
新铺设供水管网50公里。
县水利局
2022年11月底前"""


@pytest.mark.parametrize(
    ("text", "ids", "last"),
    [
        (XINCHANG_CELLS, ["01", "02", "03"], "交通运输局"),
        (MADE_UP_FIRST_CELL, ["01", "02", "03"], "县水利局"),
    ],
    ids=["real", "made-up"],
)
def test_one_cell_a_line_rows_numbered_in_their_first_cell(
    tmp_path: Path, text: str, ids: list[str], last: str
) -> None:
    tasks = _tasks(import_whole(tmp_path, text, 2021))
    assert list(tasks) == ids
    assert last in next(iter(tasks[ids[-1]]["roles"].values()))


# --- one cell a line: a 新城 / 科技城 / 园区 as the unit of a row -----------------------------

# Real: zhejiang-yuhang-2018-trad-pipe-leaders.txt, its | table one cell a line (the task texts
# shortened): 未來科技城(海創園) and 臨平新城 are the rows' 牽頭單位, not more of the task's text.
YUHANG_CELLS = """2018年《政府工作報告》工作任務分解表
序號
重 點 工 作 任 務
牽頭領導
牽頭單位
1
未來科技城要圍繞打造創新驅動策源地,深化與浙江大學、阿里巴巴集團的合作。
祝振偉 陳夏林
未來科技城(海創園)
2
臨平新城要圍繞打造時尚產業新地標,啟動建設九喬國際數字商貿城。
祝振偉 李敏華
臨平新城"""
# Made up: 工业园区 and 青山湖科技城 and 文创园 as lead units, simplified.
MADE_UP_PARKS = """2024年重点工作任务分解表
序号
重点工作任务
牵头领导
牵头单位
1
推进高端装备产业集群建设,新引进亿元以上项目10个。
王建国
县工业园区
2
建设科创走廊,新增省级研发机构5家。
李明
青山湖科技城
3
打造文化创意街区,举办文创市集12场。
张伟
城东文创园"""


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (YUHANG_CELLS, ["未來科技城(海創園)", "臨平新城"]),
        (MADE_UP_PARKS, ["县工业园区", "青山湖科技城", "城东文创园"]),
    ],
    ids=["real", "made-up"],
)
def test_one_cell_a_line_a_park_or_new_town_as_the_unit(
    tmp_path: Path, text: str, units: list[str]
) -> None:
    tasks = _tasks(import_whole(tmp_path, text, 2018))
    assert [task["roles"].get("lead") for task in tasks.values()] == [[unit] for unit in units]


# --- a .docx header cell merged over several columns ----------------------------------------


def _docx_spanned(folder: Path, header: list[tuple[str, int]], rows: list[list[str]]) -> Path:
    """A .docx table whose header cells span the grid columns given (python-docx's merge)."""
    document = docx.Document()
    document.add_paragraph("目标任务分解表")
    width = sum(span for _, span in header)
    table = document.add_table(rows=1 + len(rows), cols=width)
    column = 0
    for name, span in header:
        cell = table.cell(0, column)
        if span > 1:
            cell = cell.merge(table.cell(0, column + span - 1))
        cell.text = name
        column += span
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = folder / "plan.docx"
    document.save(str(path))
    return path


# Real: sichuan-guangyuan-zhaohua-2017-minsheng-pipe-quota-leader.txt, its header's 分 解 情 况
# over three columns (指标, 数量, 各乡镇的分解) as a .docx merges it; the first row (shortened).
GUANGYUAN_HEADER = [("序号", 1), ("项 目", 1), ("目标", 1), ("分 解 情 况", 3)]
GUANGYUAN_ROWS = [
    [
        "1",
        "就业促进工程",
        "促进城乡劳动者就业创业",
        "城镇新增就业人数(人)",
        "1300",
        "元坝镇280 白果乡15",
    ],
]
# Made up: 完成时限 over two columns (年份, 月份), then 牵头单位.
MADE_UP_SPAN = [("序号", 1), ("重点任务", 1), ("完成时限", 2), ("牵头单位", 1)]
MADE_UP_SPAN_ROWS = [
    ["1", "新建农贸市场2个。", "2024年", "10月底前", "县商务局"],
    ["2", "改造农村公路50公里。", "2024年", "12月底前", "县交通运输局"],
]


def test_a_docx_header_cell_over_several_columns(tmp_path: Path) -> None:
    header = [*GUANGYUAN_HEADER, ("责任领导", 1), ("责任单位", 1)]
    rows = [[*row, "刘强", "区人社局"] for row in GUANGYUAN_ROWS]
    tasks = _tasks(import_file(_docx_spanned(tmp_path, header, rows), ImportOrg(), "p", 2017))
    assert tasks["01"]["roles"] == {"responsible": ["区人社局"]}
    assert [leader["name"] for leader in tasks["01"]["leaders"]] == ["刘强"]
    made = _tasks(
        import_file(_docx_spanned(tmp_path, MADE_UP_SPAN, MADE_UP_SPAN_ROWS), ImportOrg(), "p")
    )
    assert made["02"]["roles"] == {"lead": ["县交通运输局"]}


def _html_spanned(folder: Path, header: list[tuple[str, int]], rows: list[list[str]]) -> Path:
    heads = "".join(
        f'<th colspan="{span}">{name}</th>' if span > 1 else f"<th>{name}</th>"
        for name, span in header
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path = folder / "plan.html"
    path.write_text(
        f'<html><head><meta charset="utf-8"></head><body><p>目标任务分解表</p>'
        f"<table><tr>{heads}</tr>{body}</table></body></html>",
        encoding="utf-8",
    )
    return path


def test_an_html_header_cell_over_several_columns(tmp_path: Path) -> None:
    header = [*GUANGYUAN_HEADER, ("责任领导", 1), ("责任单位", 1)]
    rows = [[*row, "刘强", "区人社局"] for row in GUANGYUAN_ROWS]
    tasks = _tasks(import_file(_html_spanned(tmp_path, header, rows), ImportOrg(), "p", 2017))
    assert tasks["01"]["roles"] == {"responsible": ["区人社局"]}
    made = _tasks(
        import_file(_html_spanned(tmp_path, MADE_UP_SPAN, MADE_UP_SPAN_ROWS), ImportOrg(), "p")
    )
    assert made["02"]["roles"] == {"lead": ["县交通运输局"]}


# --- header words in another column order: the task's column before a progress column ---------


def _shaoxing_reordered() -> str:
    """Real: zhejiang-shaoxing-2020-docx.docx, its table (序号 | 内容与要求 | 进展情况 | 责任单位)
    written as | rows with the columns after 序号 reversed (corpus_layouts's "reordered"): 进展情况
    now stands before 内容与要求."""
    found = corpus_layouts.table_blocks(corpus_score.CORPUS / "zhejiang-shaoxing-2020-docx.docx")
    assert found is not None
    lines: list[str] = []
    for kind, value in found[1]:
        lines.extend([str(value)] if kind == "line" else corpus_layouts._reordered(value))  # type: ignore[arg-type]
    return "\n".join(lines)


# Made up: 完成情况 first, then 牵头单位, the task last; tabs between the cells.
MADE_UP_REORDERED = """某区2023年民生实事推进情况表
序号\t完成情况\t牵头单位\t工作任务
1\t已完成选址,正在设计。\t区住建局\t新建口袋公园5个。
2\t已投用300个。\t区交通局\t新增停车泊位800个。
"""


@pytest.mark.parametrize(
    ("text", "task", "role"),
    [
        (None, "持续推进重大项目攻坚", "responsible"),
        (MADE_UP_REORDERED, "新增停车泊位800个", "lead"),
    ],
    ids=["real", "made-up"],
)
def test_the_task_column_before_a_progress_column(
    tmp_path: Path, text: str | None, task: str, role: str
) -> None:
    tasks = _tasks(import_whole(tmp_path, text or _shaoxing_reordered(), 2020))
    assert list(tasks)[:2] == ["01", "02"]
    assert tasks["02"]["text"].startswith(task)
    assert role in tasks["02"]["roles"]


# --- an HTML cell merged down (rowspan): the rows below keep their cells under their columns -----

# Real: zhejiang-changxing-taihu-undated-fangxun-pipe-qingdan-space-units.txt as a page writes
# it, its 建设任务 and 工作事项 cells merged down over the rows of their group (shortened).
CHANGXING_HTML = """<html><head><meta charset="utf-8"></head><body>
<p>防汛防台体系建设清单</p><table>
<tr><td>建设任务</td><td>工作事项</td><td>工作指标</td><td>任务清单</td>
<td>责任清单</td><td>时限清单</td></tr>
<tr><td colspan="6">一、体系建设</td></tr>
<tr><td rowspan="3">(一)组织指挥提能升级</td><td rowspan="3">1.组织机构</td>
<td>(1)乡镇(街道、园区)党政主要负责人是防汛工作第一责任人。</td><td>1.落实防汛防台行政首长负责制;</td>
<td>党政办 应消站</td><td>4月</td></tr>
<tr><td>(2)乡镇(街道、园区)应急消防管理站承担防汛防台统筹协调工作。</td>
<td>1.明确应消站防汛工作职责;</td>
<td>应消站</td><td>4月</td></tr>
<tr><td>(3)村(社区)建立应急工作组。</td><td>1.明确村书记、村干部等组成的应急工作组;</td>
<td>村(社区)</td><td>4月</td></tr>
</table></body></html>"""
# Made up: a 类别 cell merged down over two numbered rows.
MADE_UP_ROWSPAN = """<html><head><meta charset="utf-8"></head><body>
<p>某县2024年民生实事分解表</p><table>
<tr><th>类别</th><th>序号</th><th>重点任务</th><th>牵头单位</th><th>完成时限</th></tr>
<tr><td rowspan="2">教育交通</td><td>1</td><td>新建中小学2所。</td><td>县教育局</td>
<td>2024年8月底前</td></tr>
<tr><td>2</td><td>改造农村公路50公里。</td><td>县交通运输局</td><td>2024年12月底前</td></tr>
<tr><td>医疗</td><td>3</td><td>新建村卫生室10个。</td><td>县卫生健康局</td><td>2024年10月底前</td></tr>
</table></body></html>"""


def test_html_cells_merged_down(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(CHANGXING_HTML, encoding="utf-8")
    tasks = _tasks(import_file(path, ImportOrg(), "p", 2024))
    assert [tasks[i]["roles"] for i in ("1-2", "1-3")] == [
        {"responsible": ["应消站"]},
        {"responsible": ["村(社区)"]},
    ]
    path.write_text(MADE_UP_ROWSPAN, encoding="utf-8")
    made = _tasks(import_file(path, ImportOrg(), "p"))
    assert made["02"]["roles"] == {"lead": ["县交通运输局"]}
    assert str(made["02"]["due"][0]["date"]) == "2024-12-31"


def test_role_placements_part_labels_a_space_alone_parts(tmp_path: Path) -> None:
    """Made up: (牵头单位:X 参加单位:A、B), the labels parted by a space alone (as 温室气体 2017
    writes them): the tool's closing sentence is X牵头，A、B配合, not one lead named
    "X 参加单位:A、B"."""
    source = tmp_path / "made-up.txt"
    source.write_text(
        "某市节水工作方案部门分工\n"
        "1. 推进农业节水增效。（牵头单位:水利局 参加单位:农业农村局、财政局）\n"
        "2. 开展工业节水改造。（牵头单位:工业和信息化局 参加单位:生态环境局）\n",
        encoding="utf-8",
    )
    placed = corpus_layouts.role_placements(source)
    assert placed is not None
    assert "推进农业节水增效。水利局牵头，农业农村局、财政局配合。" in placed["sentence"]
    assert "开展工业节水改造（工业和信息化局牵头，生态环境局配合）。" in placed["bracket-verbs"]
