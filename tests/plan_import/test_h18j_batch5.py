"""The general causes behind the misses of the fifth batch (issue 18, seventh round, branch h18j),
each with the real text it was seen in (tests/fixtures/import/corpus/, SOURCES.md gives each
file's address; shortened where "…" says so)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from duban.plan_import.cell_rows import cell_type, column_kind, unit_runs_on
from duban.plan_import.clauses import split_names
from duban.plan_import.deadlines import parse_deadline
from duban.plan_import.prose_deadlines import prose_deadline
from duban.plan_import.segment import segment, walk
from helpers import import_whole

pytestmark = pytest.mark.usefixtures("chinese")


# --- a header whose names a page split over two cells: 總投資 / (萬元), 2023年 / 目標進度 ------

# zhejiang-ningbo-jiangbei-2023-trad-pinyin-split-units.txt (refused before: the header stopped at
# 總投資, so no row was read; the file holds numbered tasks). Shortened to its first project.
JIANGBEI = (
    "2023年區(qū)政府民生實(shí)事候選項(xiàng)目目標(biāo)任務(wù)與責(zé)任分解表\n\n"
    "序號(hào)\n\n項(xiàng)目\n\n責(zé)任單位\n\n建設(shè)內(nèi)容\n\n總投資\n\n(萬(wàn)元)\n\n"
    "2023年\n\n目標(biāo)進(jìn)度\n\n"
    "1\n\n提升區(qū)域防洪能力\n\n區(qū)農(nóng)業(yè)農(nóng)村局\n\n"
    "實(shí)施洋市中心河道整治工程(北環(huán)路—洪發(fā)路)。\n\n19311\n\n6月開工\n"
)


def test_a_header_split_over_two_cells_is_one_column_and_the_file_is_read(
    tmp_path: Path,
) -> None:
    result = import_whole(tmp_path, JIANGBEI)
    assert [task["id"] for task in result.tasks] == ["01"]
    task = result.tasks[0]
    assert task["roles"]["responsible"] == ["區農業農村局"]
    assert [due.get("date") for due in task["due"]] == [dt.date(2023, 6, 30)]


def test_the_target_progress_column_is_the_time_column() -> None:
    # SOURCES.md (h18h): a table whose only time column is 目標進度 gives the deadlines
    assert column_kind("2023年目标进度") == "deadline"
    assert column_kind("进展情况") == "text"


# --- a section numeral with a converter's pinyin: 一(yī)、 ----------------------------------

# shandong-qingdao-2023-trad-pinyin-canyu.txt: 一(yī)、 was no section, so 1. 2. were numbered
# 01 02 under no section (the oracle: 1-1, 1-2). Task texts shortened.
QINGDAO = (
    "青島市深化新舊(jiù)動能轉換推動綠色低碳高質量發展2023年重點工(gōng)作任務\n"
    "一(yī)、實施創新驅動發展戰略\n"
    "1.建設崂山實驗室。加快海洋科技成果轉移轉化。(牽頭單位:市科技局,參與單位:青島藍(lán)谷管理局)\n"
    "2.完善實驗室建設體(tǐ)系。形成國家級—省級—市級實驗室體(tǐ)系。(牽頭單位:市科技局)\n"
)


def test_a_section_numeral_followed_by_pinyin_is_a_section(tmp_path: Path) -> None:
    result = import_whole(tmp_path, QINGDAO)
    assert [task["id"] for task in result.tasks] == ["1-1", "1-2"]
    assert result.tasks[0]["roles"] == {"lead": ["市科技局"], "cooperate": ["青島藍谷管理局"]}


# --- a | table's rows without their 序号 cell belong to the numbered row above --------------
# --- and a progress column's "计划12月底前完成" is no deadline ------------------------------

# zhejiang-linan-2022-minsheng-progress-continuation.txt (the rows of projects 2 and 4, the
# header; the continuation rows end in `| ||`: the page left out the empty 序号 and 责任单位
# cells). Before: each continuation row was a task of its own (counted 3, 4 …), so tasks 3 and 4
# had the wrong numbers; 计划12月底前完成 in 进展情况 became task 4's deadline.
LINAN = (
    "2022年区政府民生实事项目进展情况表(截至9月底)\n"
    "序号 | 项目内容 | 进展情况 | 责任单位 |\n"
    "1 | 新建成婴幼儿照护服务成长驿站7家。 | 新建锦南街道、高虹镇等13家婴幼儿成长驿站。 "
    "| 卫生健康局 |\n"
    "新增婴幼儿照护服务托位500个。 | 新增婴幼儿照护服务托位600个。 | ||\n"
    "开展胃肠癌联合筛查1万例以上。 | 开展胃肠癌联合筛查10111例。 | ||\n"
    "2 | 新建成保障性住房1700套。 | 新建成保障性住房共2处合计1721套,"
    "其中A1-02-02地块人才专项租赁住房"
    "(828套)已完成总工程量的90%,计划12月底前完成。 | 住建局 |\n"
    "完成公共租赁住房保障家庭800户。 | 完成公共租赁住房保障家庭872户。 | ||\n"
)


def test_rows_without_their_number_continue_the_numbered_row_above(tmp_path: Path) -> None:
    result = import_whole(tmp_path, LINAN, 2022)
    assert [task["id"] for task in result.tasks] == ["01", "02"]
    assert [task["roles"] for task in result.tasks] == [
        {"responsible": ["卫生健康局"]},
        {"responsible": ["住建局"]},
    ]
    assert "托位500个" in result.tasks[0]["text"] and "筛查1万例" in result.tasks[0]["text"]
    assert "800户" in result.tasks[1]["text"]


def test_a_date_in_a_progress_column_is_no_deadline(tmp_path: Path) -> None:
    result = import_whole(tmp_path, LINAN, 2022)
    assert [due.get("kind") for due in result.tasks[1]["due"]] == ["ongoing"]  # unwritten
    assert prose_deadline("新建成保障性住房1700套。；进展情况：计划12月底前完成。") is None
    assert prose_deadline("新建成保障性住房1700套,12月底前完成。") is not None


# --- a plan cell's steps 1.4月底前… 2.8月底前…: the task's sub-items, each with its date ----------

# zhejiang-linan-2022-minsheng-plan-cell-steps.txt, row 1 (units shortened). Before: 1.4月 was
# read as the decimal 1.4, 2.8月底前 and 3.11月底前 became tasks 2 and 3 of the table, and the row's
# clause went to the last of them.
LINAN_PLAN = (
    "发布单位 | 区政府 | 发文日期 | 2022-07-14 |\n"
    "序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |\n"
    "1 | 新建成公办中小学、幼儿园7所,新增中小学、幼儿园公办学位6800个。 | "
    "1.4月底前职教中心、学府路幼儿园主体完工,开始装修工程施工;天目山镇中心幼儿园完成基础工程。 "
    "2.8月底前职教中心、学府路幼儿园竣工交付。 "
    "3.11月底前天目山镇中心幼儿园竣工交付。 | 教育局 | 发改局、住建局、财政局 |\n"
    "2 | 新建成婴幼儿照护服务成长驿站7家。 | 1.婴幼儿照护服务成长驿站:3月底前新建成2家;"
    "6月底前新建成2家;9月底前完成7家建设任务。 "
    "2.胃肠癌联合筛查:4月底前完成胃肠癌联合筛查方案制定。 | 卫生健康局 | 财政局 |\n"
)


def test_the_steps_of_a_plan_cell_are_sub_items_with_their_dates(tmp_path: Path) -> None:
    result = import_whole(tmp_path, LINAN_PLAN, 2022)
    assert [task["id"] for task in result.tasks] == ["01", "02"]
    first, second = result.tasks
    assert first["roles"] == {
        "responsible": ["教育局"],
        "cooperate": ["发改局", "住建局", "财政局"],
    }
    steps = [[due["date"] for due in item["due"]] for item in first["items"]]
    assert steps == [[dt.date(2022, 4, 30)], [dt.date(2022, 8, 31)], [dt.date(2022, 11, 30)]]
    assert [len(item["due"]) for item in second["items"]] == [3, 1]
    assert "due" not in first  # the task itself: its steps have the dates


def test_an_item_number_before_a_month_is_no_decimal() -> None:
    text = "；1.4月底前主体完工。 2.8月底前竣工交付。"
    assert [(n.style, n.number) for n in walk(segment("1.实事；" + text, 0, 99))] == [
        ("ar", 1),
        ("ar", 1),
        ("ar", 2),
    ]
    assert [n.number for n in segment("增长1.4%。", 0, 9)] == []


# --- a header of one cell a line whose names are broken over two lines: 责任 / 领导 ----------
# --- and a cell that starts with what is done is no unit --------------------------------

# zhejiang-xiangshan-sizhoutou-2024-town-leader-keshi-cells.txt (whole). Before: 责任 / 领导 and
# 责任 / 科室 were four columns, the second row was lost and 第二季度 became a deadline;
# 成功创建首批浙江省美丽城镇。 (ends in 镇) was read as a unit.
SIZHOUTOU = (
    "泗洲头镇2024年度重点工作计划二季度执行情况\n\n序号\n\n重点工作\n\n责任\n\n领导\n\n责任\n\n科室\n\n"
    "攻坚目标\n\n任务\n\n工作任务安排\n\n第二季度\n\n完成情况\n\n"
    "1\n\n白仙山水库工程政策处理\n\n欧乾震\n\n白仙山水库工程政策处理工作领导小组\n\n"
    "完成项目政策处理工作,推进大坝、溢洪道、引水隧洞及配套设施建设。\n\n推进坟墓迁移工作。\n\n"
    "该工程库区内坟墓迁移进度达60%。\n\n"
    "2\n\n现代化美丽城镇\n\n吴宇凡\n\n乡村振兴办\n\n成功创建首批浙江省美丽城镇。\n\n"
    "按照时间节点开展项目建设。\n\n本年度总投资6000万元的19个项目完成投资3000万元。\n"
)


def test_header_names_broken_over_two_lines_are_joined(tmp_path: Path) -> None:
    result = import_whole(tmp_path, SIZHOUTOU, 2024)
    assert [task["id"] for task in result.tasks] == ["01", "02"]
    assert [task["roles"] for task in result.tasks] == [
        {"responsible": ["白仙山水库工程政策处理工作领导小组"]},
        {"responsible": ["乡村振兴办"]},
    ]
    assert [[p["name"] for p in task["leaders"]] for task in result.tasks] == [
        ["欧乾震"],
        ["吴宇凡"],
    ]
    assert all(due["kind"] == "ongoing" for task in result.tasks for due in task["due"])
    assert cell_type("成功创建首批浙江省美丽城镇。") == "text"
    assert cell_type("乡村振兴办") == "unit" and cell_type("建设局") == "unit"


# --- labels run together with spaces: 责任单位:X 项目责任人:Y 配合单位:A 实际完成情况:… -------

# zhejiang-ningbo-2014-minsheng-inline-labels.txt, item 1 and 2. Before: 项目责任人:尹文德 and the
# progress report were read as part of the unit names; 已于2014年5月30日通车 became a deadline.
NINGBO = (
    "2014年市政府民生实事项目1—6月份进展情况公示 "
    "1.轨道交通1号线一期工程投入试运营。 牵头领导:林静国 责任单位:市轨道交通工程建设指挥部 "
    "项目责任人:尹文德 实际完成情况:轨道交通1号线一期工程已于2014年5月30日通车试运营。 "
    "2.新增安装300套路口交通信息视频采集设备。 牵头领导:王仁洲 责任单位:市公安局 项目责任人:王伟标 "
    "配合单位:市城管局、市财政局 实际完成情况:中心设备调试、前端摄像机上杆安装等工作整体进度已完成"
    "年度目标任务的55%,项目按预期计划扎实有序推进。\n"
)


def test_an_unknown_label_ends_the_names_before_it_and_progress_is_no_deadline(
    tmp_path: Path,
) -> None:
    result = import_whole(tmp_path, NINGBO, 2014)
    assert [task["roles"] for task in result.tasks] == [
        {"responsible": ["市轨道交通工程建设指挥部"]},
        {"responsible": ["市公安局"], "cooperate": ["市城管局", "市财政局"]},
    ]
    assert [[p["name"] for p in task["leaders"]] for task in result.tasks] == [
        ["林静国"],
        ["王仁洲"],
    ]
    assert [due["kind"] for due in result.tasks[0]["due"]] == ["ongoing"]


# --- 省有關部門和單位: one group, as 市直有关部门、单位 is ------------------------------------


# jiangxi-province-2016-suqu-trad-group-units.txt: the closing bracket of task 1. Before:
# 省有關部門 and 單位 (a unit named "unit").
def test_a_group_of_departments_and_units_is_one_group() -> None:
    assert split_names("有關設區市、省有關部門和單位") == ["有關設區市", "省有關部門和單位"]
    assert split_names("市财政局和市税务局") == ["市财政局", "市税务局"]


# --- a one-cell-a-line table whose project spans two lines of cells; a unit over two lines ----

# zhejiang-ningbo-jiangbei-2023-trad-pinyin-split-units.txt, projects 2 (its first and second
# lines of cells) and 3. Before: the table ended at the blank lines inside project 2 (the next
# number came later than six cells on), project 3 was lost; 區綜合行政 / 執法局 were two cells.
JIANGBEI_ROWS = (
    "序號(hào)\n\n項(xiàng)目\n\n責(zé)任單位\n\n建設(shè)內(nèi)容\n\n總投資\n\n(萬(wàn)元)\n\n"
    "2023年\n\n目標(biāo)進(jìn)度\n\n"
    "2\n\n提升區(qū)域防洪能力\n\n區(qū)農(nóng)業(yè)農(nóng)村局\n\n"
    "實(shí)施洋市中心河道整治工程(北環(huán)路—洪發(fā)路)。\n\n19311\n\n6月開工\n\n\n\n"
    "區(qū)綜合行政\n\n執(zhí)法局\n\n區(qū)公建中心\n\n實(shí)施姚江、甬江江堤設(shè)施設(shè)備修復(fù)提升工程。\n\n"
    "4950\n\n7月底\n\n具備擋水條件\n\n\n\n"
    "慈城鎮(zhèn)\n\n實(shí)施保黎路下穿立交、太平橋4座泵站改造,東大河整治工程開工。\n\n3200\n\n"
    "泵站改造3月開工,7月完工,東大河整治工程10月開工。\n\n"
    "3\n\n加大安居保障力度\n\n區(qū)新興產(chǎn)業(yè)\n\n服務(wù)中心\n\n"
    "新建江北投創(chuàng)中心保障性租賃住房。\n\n87348\n\n2月開工,年內(nèi)完成主體結(jié)構(gòu)8層以上。\n"
)


def test_a_project_over_two_lines_of_cells_keeps_the_table_going(tmp_path: Path) -> None:
    result = import_whole(tmp_path, JIANGBEI_ROWS, 2023)
    assert [task["id"] for task in result.tasks] == ["02", "03"]
    assert "區綜合行政執法局" in result.tasks[0]["roles"]["responsible"]
    assert result.tasks[1]["roles"]["responsible"] == ["區新興產業服務中心"]
    assert unit_runs_on("區綜合行政", "執法局") and unit_runs_on(
        "區(qū)新興產(chǎn)業(yè)", "服務中心"
    )
    assert not unit_runs_on("完善交通基礎設施", "區住建局")


# --- a target-progress cell: every time point, 年内完成… by the year's end, 7月完工 ----------


# zhejiang-ningbo-jiangbei-2023-trad-pinyin-split-units.txt, the 2023年目標進度 cells of projects
# 1-3. Before: 年內完成主體結構8層以上 and 7月完工 were not read; 年內(nèi) kept its pinyin; a
# time cell ending in 。 was no time cell, so project 3's went under 總投資.
@pytest.mark.parametrize(
    ("cell", "due"),
    [
        (
            "2月開工,年內(nèi)完成主體結構8層以上。",
            [("date", dt.date(2023, 2, 28)), ("period", "2023")],
        ),
        ("一季度開工,宏圖路年內完成工程量的50%,", [("period", "2023-Q1"), ("period", "2023")]),
        (
            "泵站改造3月開工,7月完工。",
            [("date", dt.date(2023, 3, 31)), ("date", dt.date(2023, 7, 31))],
        ),
    ],
)
def test_every_time_point_of_a_target_progress_cell(cell: str, due: list) -> None:
    parsed = parse_deadline(cell, default_year=2023)
    assert [(d["kind"], d.get("date") or d.get("period")) for d in parsed.due] == due
    assert parsed.unread == []
    assert cell_type(cell) == "date"


def test_each_line_of_a_merged_project_gives_its_unit(tmp_path: Path) -> None:
    # the same project 2: three lines of cells, each with its unit after the line before's time
    result = import_whole(tmp_path, JIANGBEI_ROWS, 2023)
    assert result.tasks[0]["roles"]["responsible"] == [
        "區農業農村局",
        "區綜合行政執法局",
        "區公建中心",
        "慈城鎮",
    ]
    assert "提升區" in result.tasks[0]["title"] and "慈城" not in result.tasks[0]["title"]


# --- a time cell over two lines (after its comma), a long cell of steps, a period once --------

# zhejiang-ningbo-jiangbei-2023-trad-pinyin-split-units.txt, project 1 (and the start of 2).
# Before: the target cell broke after 50%, and was two cells; 泵站改造3月開工,7月完工,…
# (29 characters) was no time cell; 年內 written three times gave the year three times.
JIANGBEI_FIRST = (
    "序號\n\n項目\n\n責任單位\n\n建設內容\n\n總投資\n\n(萬元)\n\n2023年\n\n目標進度\n\n"
    "1\n\n完善交通基礎設施\n\n區新興產業\n\n服務中心\n\n"
    "實施宏圖路(北環西路—金山路)、通惠路(長陽路—開元路)提升改造工程。\n\n48414\n\n"
    "一季度開工,宏圖路年內完成工程量的50%,\n\n"
    "通惠路一標段年內完成工程量的75%,二標段年內完成工程量的30%。\n\n\n\n"
    "區住建局\n\n實施寺慈線路面提升及振興橋危橋改造工程。\n\n1000\n\n6月開工,年內完工。\n\n"
    "2\n\n提升區域防洪能力\n\n區農業農村局\n\n"
    "實施洋市中心河道整治工程(北環路—洪發路)。\n\n19311\n\n6月開工\n"
)


def test_a_time_cell_after_its_comma_and_each_period_once(tmp_path: Path) -> None:
    result = import_whole(tmp_path, JIANGBEI_FIRST, 2023)
    task = result.tasks[0]
    assert task["roles"] == {"responsible": ["區新興產業服務中心", "區住建局"]}
    due = [(d["kind"], d.get("date") or d.get("period")) for d in task["due"]]
    assert due == [("period", "2023-Q1"), ("period", "2023"), ("date", dt.date(2023, 6, 30))]
    assert cell_type("泵站改造3月開工,7月完工,東大河整治工程10月開工。") == "date"
    assert cell_type("完成項目政策處理工作,推進大壩建設。") == "text"
