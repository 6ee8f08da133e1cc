"""Forms offices use that the importer still missed (issue 18, ninth round, branch h18m), each
read by general means. Texts marked "real" are quoted (shortened where "…" says so) from the
published pages of tests/fixtures/import/corpus/ (SOURCES.md gives each file's address); texts
marked "made up" are variants written for this test (another numbering, another label) that the
same reading must also take: the guard against a fix that fits one file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from duban.load.project import load_project
from duban.plan_import import run_import
from duban.plan_import.trailing_roles import trailing_roles
from helpers import import_whole, read_roles

pytestmark = pytest.mark.usefixtures("chinese")


# --- the division of work as the item's last sentence, no label, no bracket ----------------

# Real: city-undated-page3-zerenbumen-lines.txt writes the verbs after a label
# (责任部门:市房管局牵头,市民政局配合。); offices as often write the same sentence bare at the end
# of the item. Made up: the bare sentence, with and without a deadline after the verbs.
BARE = (
    "某区2023年重点任务清单\n"
    "1.推进城市更新，改造老旧小区30个。区住建局牵头，各街道配合，2023年底前完成。\n"
    "2.新建学校3所。区教育局牵头，区发改局、区财政局配合，2023年9月前完成。\n"
    "3.开展涉企收费专项清理。县财政局、县市场监管局负责。\n"
    "4.新增公共停车位2000个。区交通局牵头负责。\n"
)


def test_a_bare_closing_sentence_of_verbs_assigns_the_item(tmp_path: Path) -> None:
    result = import_whole(tmp_path, BARE, 2023)
    tasks = {task["id"]: task for task in result.tasks}
    assert list(tasks) == ["01", "02", "03", "04"]  # before: 0 tasks, every item a heading
    assert tasks["01"]["roles"] == {"lead": ["区住建局"], "cooperate": ["各街道"]}
    assert tasks["01"]["due"][0] == {
        "kind": "period",
        "period": "2023",
        "as_written": "2023年底前完成",
    }
    assert tasks["02"]["roles"] == {"lead": ["区教育局"], "cooperate": ["区发改局", "区财政局"]}
    assert tasks["02"]["due"][0]["date"] == dt.date(2023, 9, 30)
    assert tasks["03"]["roles"] == {"responsible": ["县财政局", "县市场监管局"]}
    assert tasks["04"]["roles"] == {"lead": ["区交通局"]}


def test_the_same_sentence_under_chinese_numerals_reads_alike(tmp_path: Path) -> None:
    text = BARE.replace("1.", "一、").replace("2.", "二、").replace("3.", "三、")
    result = import_whole(tmp_path, text.replace("4.", "四、"), 2023)
    assert len(result.tasks) == 4
    assert result.tasks[1]["roles"]["cooperate"] == ["区发改局", "区财政局"]


@pytest.mark.parametrize(
    "text",
    [
        "加强组织领导。各地要按职责分工负责。",  # a duty of everyone, not a list of units
        "做好宣传工作。主要负责同志亲自负责。",
        "区住建局牵头",  # the whole item: a heading, not a closing sentence
    ],
)
def test_a_closing_sentence_whose_subject_is_no_unit_is_no_assignment(text: str) -> None:
    assert trailing_roles(text) is None


# --- a deadline naming a year and nothing finer ----------------------------------------------

# Made up (the corpus holds no such cell; SOURCES.md's rule reads 到2020年 as that year): a
# 完成时限 of a three-year plan written 2025年 / 2024年 was left unread (no deadline at all).
YEARS = (
    "某市2023—2025年数字经济行动计划\n"
    "一、重点任务\n"
    "1.建成5G基站1000个。（牵头单位：市工信局；完成时限：2025年）\n"
    "2.建设数据中心。（牵头单位：市大数据局；完成时限：2024年完成）\n"
)


def test_a_year_alone_as_the_deadline_is_that_year(tmp_path: Path) -> None:
    result = import_whole(tmp_path, YEARS, None)
    assert [task["due"][0] for task in result.tasks] == [
        {"kind": "period", "period": "2025", "as_written": "2025年"},
        {"kind": "period", "period": "2024", "as_written": "2024年完成"},
    ]


def test_a_year_alone_in_a_table_column_is_that_year(tmp_path: Path) -> None:
    """Made up: the same deadline in the 完成时限 column of a tab-separated table."""
    text = (
        "某市2023—2025年行动计划任务分解表\n序号\t重点任务\t牵头单位\t完成时限\n"
        "1\t建成5G基站1000个。\t市工信局\t到2025年\n2\t建设数据中心。\t市大数据局\t2024年度\n"
    )
    result = import_whole(tmp_path, text, None)
    assert [task["due"][0]["period"] for task in result.tasks] == ["2025", "2024"]


# --- a cited document's 文号 is not the plan's --------------------------------------------------

# Real: shanghai-2022-shipin-zerenqingdan-lead-in.txt (shortened): the only 文号 on the page is the
# one after a cited title, so the plan's year was read as 2019 (the year of the cited document).
SHANGHAI = (
    "各部门食品安全工作管什么?这个责任清单说清楚了!\n"
    "为切实落实…《上海市贯彻〈中央、国务院关于深化改革加强食品安全工作的意见〉的实施方案》"
    "(沪委〔2019〕1014号)等工作要求,完成《2022年上海市食品安全重点工作安排》的主要任务,…\n"
    "2022年,区政府要全面实施…等工作要求,主要承担以下工作:\n"
    "1.落实食品安全党政同责要求和属地管理责任。全面学习贯彻…,进行阶段性总结和评估。\n"
)


@pytest.mark.parametrize(
    "cited",
    [
        "(沪委〔2019〕1014号)",  # real
        "（国办发〔2019〕5号）",  # made up: full-width brackets
        "沪委〔2019〕1014号",  # made up: no bracket around it
    ],
)
def test_a_number_after_a_cited_title_gives_no_year(tmp_path: Path, cited: str) -> None:
    text = SHANGHAI.replace("(沪委〔2019〕1014号)", cited)
    result = import_whole(tmp_path, text, None)
    assert result.plan["period"]["start"] == dt.date(2022, 1, 1)
    assert "document_number" not in result.plan


def test_the_plans_own_number_still_gives_its_year(tmp_path: Path) -> None:
    """Made up: the plan's own 文号 standing alone above the text is still read."""
    text = "沪府办〔2021〕3号\n" + SHANGHAI
    result = import_whole(tmp_path, text, None)
    assert result.plan["document_number"] == "沪府办〔2021〕3号"
    assert result.plan["period"]["start"] == dt.date(2021, 1, 1)


# --- amounts in the review: counts of ten thousands and thousands separators ------------------

# Real: zhejiang-haishu-2024-leader-headings.txt. The review listed 1370万 (人次 dropped).
HAISHU = (
    "一、推动开放\n"
    "1.推动临空经济示范区建设,力争完成旅客吞吐量1370万人次、货邮吞吐量15.5万吨。(区发改局牵头)\n"
)


def test_a_count_of_ten_thousands_keeps_its_measure_in_the_review(tmp_path: Path) -> None:
    result = import_whole(tmp_path, HAISHU, 2024)
    listed = [finding.text for finding in result.figures]
    assert "1370万人次" in listed and "15.5万吨" in listed


def test_an_amount_with_thousands_separators_is_listed_whole(tmp_path: Path) -> None:
    """Made up: 12,000万元 was listed as 000万元; a clause comma before a count stays a comma."""
    text = HAISHU.replace("力争完成", "安排资金12,000万元,新建站点3个,2个片区,力争完成")
    listed = [finding.text for finding in import_whole(tmp_path, text, 2024).figures]
    assert "12,000万元" in listed and "3个" in listed and "2个" in listed
    assert "000万元" not in listed


# --- an outline numbered 1.1 / 1.2 / 2.1 ---------------------------------------------------------

# Made up (the corpus holds none; departments' plans and PDFs often number so): 1.1 was read as a
# decimal, every item glued to its chapter line (0 tasks).
OUTLINE = (
    "某市2023年数字政府建设工作要点\n"
    "1 夯实基础设施\n"
    "1.1 建设政务云平台，完成迁移系统100个。（牵头单位：市大数据局；完成时限：2023年12月底）\n"
    "1.2 推进电子政务外网升级。（牵头单位：市大数据局；配合单位：各区政府）\n"
    "2 提升服务能力\n"
    "2.1 推进“一网通办”。（牵头单位：市政务服务中心）\n"
)


@pytest.mark.parametrize(
    ("chapters", "items"),
    [
        (("1 ", "2 "), ("1.1 ", "1.2 ", "2.1 ")),
        (("1. ", "2. "), ("1.1. ", "1.2. ", "2.1. ")),  # made up: dots after both
        (("一、", "二、"), ("1.1 ", "1.2 ", "2.1 ")),  # made up: chapters in characters
        (("1．", "2．"), ("1．1", "1．2", "2．1")),  # made up: full-width dots, no space
    ],
)
def test_an_outline_numbered_by_chapter_and_item(
    tmp_path: Path, chapters: tuple[str, str], items: tuple[str, str, str]
) -> None:
    text = OUTLINE
    for written, new in zip(("1 ", "2 "), chapters, strict=True):
        text = text.replace(f"\n{written}", f"\n{new}", 1)
    for written, new in zip(("1.1 ", "1.2 ", "2.1 "), items, strict=True):
        text = text.replace(written, new, 1)
    result = import_whole(tmp_path, text, 2023)
    assert [task["id"] for task in result.tasks] == ["1-1", "1-2", "2-1"]
    assert result.tasks[1]["roles"] == {"lead": ["市大数据局"], "cooperate": ["各区政府"]}
    assert [s["title"] for s in result.plan["sections"]] == ["夯实基础设施", "提升服务能力"]


@pytest.mark.parametrize("amount", ["2.5 万人", "2.1万人", "1.1亿元"])
def test_a_wrapped_line_starting_with_a_decimal_is_no_item(tmp_path: Path, amount: str) -> None:
    """Made up: a line a page wrapped before 2.5 万人 stays in its item's text."""
    text = (
        "某市2023年工作要点\n一、经济目标\n1.地区生产总值增长6%，城镇新增就业\n"
        f"{amount}。（牵头单位：市发改委）\n2.社会消费品零售总额增长8%。（牵头单位：市商务局）\n"
    )
    result = import_whole(tmp_path, text, 2023)
    assert [task["id"] for task in result.tasks] == ["1-1", "1-2"]
    assert amount in result.tasks[0]["text"]


# --- 由 X 牵头，A、B 配合: 由 is no part of the lead's name ----------------------------------


# Real: zhejiang-cangnan-2023-heading-lead.txt writes (由县发改局牵头实施) on a heading; the same
# 由 in an item's own bracket made the unit 由市发改委. Made up: the item forms below.
@pytest.mark.parametrize(
    ("clause", "roles"),
    [
        (
            "（由市发改委牵头，市市场监管局、市政务服务中心配合）",
            {"lead": ["市发改委"], "cooperate": ["市市场监管局", "市政务服务中心"]},
        ),
        ("（由市工信局负责）", {"responsible": ["市工信局"]}),
        (
            "由市商务局牵头负责，各县区政府具体落实。",
            {"lead": ["市商务局"], "responsible": ["各县区政府"]},
        ),
        ("由市发改委牵头，市财政局配合。", {"lead": ["市发改委"], "cooperate": ["市财政局"]}),
        (  # traditional characters, as reprints write them
            "（由市發改委牽頭，市市場監管局配合）",
            {"lead": ["市發改委"], "cooperate": ["市市場監管局"]},
        ),
        (
            "區住建局牽頭，各街道配合，2023年底前完成。",
            {"lead": ["區住建局"], "cooperate": ["各街道"]},
        ),
    ],
)
def test_by_before_the_lead_is_no_part_of_its_name(
    tmp_path: Path, clause: str, roles: dict
) -> None:
    text = (
        f"某市2023年任务\n一、重点任务\n1.推进营商环境改革。{clause}\n"
        "2.推进招商。（市商务局负责）\n"
    )
    result = import_whole(tmp_path, text, 2023)
    assert [task["id"] for task in result.tasks] == ["1-1", "1-2"]
    assert result.tasks[0]["roles"] == roles


# --- a leader written with the post, a space, then the name -------------------------------------


# Real: anhui-fuyang-2019-leader-post.txt writes the post alone (牵头负责领导:市政府常务副市长),
# other files the name alone (牵头负责领导:刘惠). Made up: the post and the name parted by a
# space, which read as two people (副县长, 王某某).
@pytest.mark.parametrize("written", ["副县长 王某某", "王某某 副县长", "副县长　王某某"])
def test_a_post_and_a_name_parted_by_a_space_are_one_leader(tmp_path: Path, written: str) -> None:
    text = (
        "某县2023年重点工作任务\n一、产业发展\n1.推进工业园区建设，新引进企业20家。\n"
        f"责任领导：{written}\n牵头单位：县工信局\n责任单位：县发改局、县自然资源局\n"
        "完成时限：2023年12月底\n"
    )
    result = import_whole(tmp_path, text, 2023)
    leaders = result.tasks[0]["leaders"]
    assert [(p["name"], p.get("post")) for p in leaders] == [("王某某", "副县长")]
    assert result.tasks[0]["roles"] == {
        "lead": ["县工信局"],
        "responsible": ["县发改局", "县自然资源局"],
    }


# --- a table one cell a line whose measures cell is numbered 1. 2. ------------------------------

# Made up (the corpus's cell tables number their text column only when each entry has its own
# units, h18a): a 具体措施 cell with its steps on lines of their own made every step a row and left
# all but the last without units (1 task of 2 found).
MEASURES = (
    "某县2023年优化营商环境任务清单\n序号\n主要任务\n具体措施\n责任单位\n完成时限\n"
    "1\n提升审批效率\n1.推行承诺制审批。\n2.压缩审批时限至5个工作日。\n县行政审批局\n2023年6月底\n"
    "2\n降低企业成本\n1.落实减税降费政策。\n2.清理涉企收费。\n3.降低用电成本。\n"
    "县财政局、县税务局\n2023年12月底\n"
)


@pytest.mark.parametrize("mark", [".", "、", "．"])
def test_the_numbered_steps_of_one_cell_stay_in_their_row(tmp_path: Path, mark: str) -> None:
    result = import_whole(
        tmp_path,
        MEASURES.replace("1.", f"1{mark}").replace("2.", f"2{mark}").replace("3.", f"3{mark}"),
        2023,
    )
    assert [task["id"] for task in result.tasks] == ["01", "02"]
    assert result.tasks[0]["roles"] == {"responsible": ["县行政审批局"]}
    assert result.tasks[1]["roles"] == {"responsible": ["县财政局", "县税务局"]}
    assert result.tasks[1]["due"][0]["date"] == dt.date(2023, 12, 31)
    assert len(result.tasks[1]["items"]) == 3


# --- 一是…；二是…；三是… inside an item ------------------------------------------------------

# Real: the seed plan (../shared/seed, task 15) enumerates 一是…; 二是…; 三是…; 四是… with one
# assignment at the end of the last part: that clause is the task's (the seed test keeps 17/17).
# Made up: each part with its own (X负责), which were all dropped but the last.
SAID = (
    "某县2023年工作要点\n一、推进经济发展\n"
    "（一）抓好项目建设。一是推进重大项目开工{a}；二是加强要素保障{b}；三是优化审批服务{c}。\n"
    "（二）做强实体经济。支持制造业企业技术改造。（县工信局负责）\n"
)


def test_parts_said_one_two_three_each_with_its_units_are_sub_items(tmp_path: Path) -> None:
    text = SAID.format(a="（县发改局负责）", b="（县自然资源局负责）", c="（县行政审批局负责）")
    result = import_whole(tmp_path, text, 2023)
    items = result.tasks[0]["items"]
    assert [item["label"] for item in items] == ["一是", "二是", "三是"]
    assert [item["roles"]["responsible"] for item in items] == [
        ["县发改局"],
        ["县自然资源局"],
        ["县行政审批局"],
    ]


def test_parts_said_with_one_clause_at_the_end_stay_the_items_text(tmp_path: Path) -> None:
    text = SAID.format(a="", b="", c="（牵头单位：县发改局；责任单位：县自然资源局）")
    task = import_whole(tmp_path, text, 2023).tasks[0]
    assert "items" not in task
    assert task["roles"] == {"lead": ["县发改局"], "responsible": ["县自然资源局"]}


def test_one_is_at_the_top_of_a_plan_is_no_item(tmp_path: Path) -> None:
    """Made up: 一是 opening a paragraph of the preamble numbers nothing of the plan."""
    text = "某县2023年工作要点\n一是思想认识要到位。二是工作措施要到位。\n" + SAID.format(
        a="", b="", c="（县发改局负责）"
    )
    result = import_whole(tmp_path, text, 2023)
    assert [task["id"] for task in result.tasks] == ["1-1", "1-2"]


# --- dates as a table's 完成时间 cell writes them ----------------------------------------------


def _cell_table(cell: str) -> str:
    """A table copied a cell a line whose first task's 完成时间 cell is ``cell``."""
    return (
        "某县2023年重点工作任务分解表\n序号\n工作任务\n责任单位\n完成时间\n"
        f"1\n新建幼儿园2所\n县教体局\n{cell}\n2\n改造农村公路30公里\n县交通运输局\n2023年11月\n"
    )


# Made up (the corpus's cells write 2021.8 and 11月, h18i/h18g): a full date in digits, a span of
# months written once and a month and day with no 前 were left unread (no deadline).
@pytest.mark.parametrize(
    ("cell", "date"),
    [
        ("2023.9.30", dt.date(2023, 9, 30)),
        ("2023-09-30", dt.date(2023, 9, 30)),
        ("2023/9/30", dt.date(2023, 9, 30)),
        ("6-9月", dt.date(2023, 9, 30)),
        ("2023年6—9月", dt.date(2023, 9, 30)),
        ("9月30日", dt.date(2023, 9, 30)),
    ],
)
def test_a_date_in_a_cell_table_as_offices_write_it(
    tmp_path: Path, cell: str, date: dt.date
) -> None:
    result = import_whole(tmp_path, _cell_table(cell), 2023)
    assert [task["id"] for task in result.tasks] == ["01", "02"]
    assert result.tasks[0]["roles"] == {"responsible": ["县教体局"]}
    assert result.tasks[0]["due"][0]["date"] == date


@pytest.mark.parametrize("cell", ["2023年度内", "2023年底前", "2023年前"])
def test_a_year_in_a_cell_is_the_year_as_its_end_is(tmp_path: Path, cell: str) -> None:
    """2023年度内, 2023年底前 and 2023年前 all say "by the end of 2023": one reading, the year."""
    due = import_whole(tmp_path, _cell_table(cell), 2023).tasks[0]["due"][0]
    assert (due["kind"], due["period"]) == ("period", "2023")


@pytest.mark.parametrize("before", ["前", "之前", "以前"])
def test_a_day_before_which_is_a_deadline_however_written(tmp_path: Path, before: str) -> None:
    """11月5日之前 / 12月20日以前 are 11月5日前 (h18au left 之前 unread: no deadline)."""
    text = (
        "某县2023年工作方案\n一、自查\n"
        f"1.各乡镇于11月5日{before}报送自查报告。（责任单位：县政府办）\n"
        f"2.县财政局12月20日{before}完成资金拨付。（责任单位：县财政局）\n"
    )
    tasks = import_whole(tmp_path, text, 2023).tasks
    assert [task["due"][0].get("date") for task in tasks] == [
        dt.date(2023, 11, 5),
        dt.date(2023, 12, 20),
    ]


# --- more labels of units -----------------------------------------------------------------------


# Real labels read before: 牵头单位, 责任单位（人）, 主责单位, 责任科室 (corpus). Made up: labels
# offices also use, which left the item without units (a heading, or no task).
@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("承担单位", "responsible"),
        ("主体责任单位", "responsible"),
        ("责任主体单位", "responsible"),
        ("责任机构", "responsible"),
        ("责任单位（部门）", "responsible"),
        ("责任处（室）", "responsible"),
        ("牵头部门（单位）", "lead"),
        ("参加单位", "cooperate"),
        ("协作单位", "cooperate"),
        ("监管单位", "supervise"),
    ],
)
def test_more_labels_of_units(tmp_path: Path, label: str, role: str) -> None:
    text = (
        f"某市2023年任务\n一、重点任务\n1.推进改革。（{label}：市发改委）\n"
        "2.推进招商。（牵头单位：市商务局）\n"
    )
    result = import_whole(tmp_path, text, 2023)
    assert [task["id"] for task in result.tasks] == ["1-1", "1-2"]
    assert read_roles(result.tasks[0]) == {role: ["市发改委"]}


def test_the_same_labels_head_a_tables_columns(tmp_path: Path) -> None:
    """Made up: 承担单位 / 参加单位 as a tab-separated table's columns."""
    text = (
        "某市2023年任务\n序号\t工作任务\t承担单位\t参加单位\t完成时限\n"
        "1\t推进改革。\t市发改委\t市财政局\t2023年6月\n2\t推进招商。\t市商务局\t各区县\t2023年9月\n"
    )
    result = import_whole(tmp_path, text, 2023)
    assert result.tasks[0]["roles"] == {"cooperate": ["市财政局"], "responsible": ["市发改委"]}


# --- a unit's name broken by a page's line wrap inside a clause ----------------------------------


# Real: zhejiang-ningbo-jiangbei-2023-trad-pinyin-split-units.txt breaks 區綜合行政 / 執法局
# over two lines of a cell table (h18j reads that). Made up: the same wrap inside a bracket,
# as PDF text and narrow web pages give it, kept the line break in the name (市发\n展改革委).
@pytest.mark.parametrize(
    ("clause", "roles"),
    [
        (
            "（牵头单位：市发\n展改革委；责任单位：市住建局、市自然\n资源局）",
            {"lead": ["市发展改革委"], "responsible": ["市住建局", "市自然资源局"]},
        ),
        ("（市商务\n局负责）", {"responsible": ["市商务局"]}),
    ],
)
def test_a_name_wrapped_over_two_lines_is_one_name(
    tmp_path: Path, clause: str, roles: dict
) -> None:
    text = (
        f"某市2023年重点工作\n一、稳增长\n1.推进重大项目建设。{clause}\n"
        "2.扩大消费。（市商务局负责）\n"
    )
    result = import_whole(tmp_path, text, 2023)
    assert result.tasks[0]["roles"] == roles


# --- * marks the lead as ★ does ---------------------------------------------------------------


# Real: jiangsu-wujiang-2024-star-lead-pipe-table.txt marks the lead ★ (read since round 2).
# Made up: the same mark written * or ＊ (标*的为牵头单位), which stayed in the unit's name.
@pytest.mark.parametrize("mark", ["*", "＊", "★"])
def test_an_asterisk_marks_the_lead(tmp_path: Path, mark: str) -> None:
    text = (
        "某市2023年重点任务\n"
        f"1.推进城市更新。（责任单位：市住建局{mark}、市自然资源局、各区政府）\n"
        f"2.推进垃圾分类。（责任单位：市城管局{mark}、各区政府）\n"
    )
    result = import_whole(tmp_path, text, 2023)
    assert result.tasks[0]["roles"] == {
        "lead": ["市住建局"],
        "responsible": ["市自然资源局", "各区政府"],
    }


# --- a deadline after the plan's period is kept, marked after_period ---------------------------

# Made up: a 2023 plan's task due 2024年3月底前 was dropped (时限落在实施期限之外，未生成), and a
# year alone after the period (2025年, read since this round) would have failed validation.
LATE = (
    "某市2023年工作要点\n一、重点任务\n"
    "1.建成5G基站1000个。（牵头单位：市工信局；完成时限：{a}）\n"
    "2.建设数据中心。（牵头单位：市大数据局；完成时限：{b}）\n"
)


def test_a_deadline_after_the_period_is_kept_and_marked(tmp_path: Path) -> None:
    result = import_whole(tmp_path, LATE.format(a="2025年", b="2024年3月底前"), None)
    assert result.plan["period"]["end"] == dt.date(2023, 12, 31)
    first, second = (task["due"][0] for task in result.tasks)
    assert first == {
        "kind": "period",
        "period": "2025",
        "as_written": "2025年",
        "after_period": True,
    }
    assert second["date"] == dt.date(2024, 3, 31) and second["after_period"] is True
    assert any("after_period" in finding.what for finding in result.assumptions)


def test_a_deadline_inside_the_period_is_not_marked(tmp_path: Path) -> None:
    result = import_whole(tmp_path, LATE.format(a="2023年下半年", b="2023年3月底前"), None)
    assert all("after_period" not in task["due"][0] for task in result.tasks)


def test_a_date_before_the_period_is_still_left_out(tmp_path: Path) -> None:
    result = import_whole(tmp_path, LATE.format(a="2022年3月底前", b="2023年3月底前"), None)
    assert result.tasks[0]["due"][0]["kind"] == "ongoing"  # nothing written that counts
    assert any("实施期限之外" in finding.what for finding in result.unread)


def test_an_import_with_deadlines_after_its_period_validates(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(LATE.format(a="2025年", b="2024年3月底前"), encoding="utf-8")
    run_import(source, tmp_path / "data", None, "p", None)
    project = load_project(tmp_path / "data")
    assert project.ok, [str(problem) for problem in project.problems]


def test_a_tasks_span_of_years_is_not_the_period_of_a_plan_whose_title_names_one(
    tmp_path: Path,
) -> None:
    """Made up: 完成时限：2023年至2025年） in a task of 某市2023年工作要点 was taken as the plan's
    period (2023–2025, written with the clause's closing bracket)."""
    text = LATE.format(a="2023年至2025年", b="2023年6月底前")
    result = import_whole(tmp_path, text, None)
    assert result.plan["period"]["end"] == dt.date(2023, 12, 31)
    assert result.tasks[0]["due"][0] == {
        "kind": "period",
        "period": "2025",
        "as_written": "2023年至2025年",
        "after_period": True,
    }
