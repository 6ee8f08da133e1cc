"""Round h18au (issue 18): the twenty-first batch opened and its differences read generally.

Each fix is tested on the real text it came from (tests/fixtures/import/corpus/, SOURCES.md
第二十一批: a Sichuan notice of 2014 reposted in a demo page) and on a made-up variant of the same
form (other units, numbers, dates), so that the form is read, not the file's string.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.bold_headings import is_bold_heading
from duban.plan_import.clauses import find_clause
from duban.plan_import.deadlines import parse_deadline
from duban.plan_import.page_text import html_text
from duban.plan_import.prose_deadlines import prose_deadline
from duban.plan_import.subject_units import subject_units
from duban.plan_import.units import ImportOrg
from helpers import tasks_by_id

# --- 1. bold numbered headings inside a page's running text ---

REAL_PAGE = """<body><div class="contentbox_set_box">
现就有关工作通知如下。
<b>一、各地自查</b>
各市（州）、县（市、区）要按照督查的内容和重点，对本地区贯彻实施情况开展逐项自查。
<b>二、部门自查</b>
省级部门要按照职责分工，从行业主管部门的角度进行深入自查。<br />
特此通知。
</div></body>"""


def test_real_bold_headings_stand_on_lines_of_their_own() -> None:
    lines = html_text(REAL_PAGE).split("\n")
    assert "一、各地自查" in lines
    assert "二、部门自查" in lines
    assert any(line.startswith("各市（州）、县（市、区）要") for line in lines)


def test_made_up_strong_headings_and_an_inline_bold_sentence() -> None:
    page = (
        "<div><p>为做好整改工作，通知如下：<strong>（一）摸清底数</strong>各乡镇要全面排查。"
        "<strong>（二）限期整改</strong>县住建局要督促整改。"
        "<b>重要提示。</b>请认真对待。<strong>（三）加强领导。</strong>县政府统筹。</p></div>"
    )
    lines = html_text(page).split("\n")
    assert "（一）摸清底数" in lines and "（二）限期整改" in lines
    assert any("重要提示。请认真对待。（三）加强领导。县政府统筹。" in line for line in lines)


def test_what_a_bold_heading_is() -> None:
    assert is_bold_heading("一、各地自查") and is_bold_heading("第三条 工作要求")
    assert is_bold_heading("2.完善机制") and is_bold_heading("（4）宣传引导")
    assert not is_bold_heading("（一）加强领导。")  # a title sentence: left with its paragraph
    assert not is_bold_heading("1.5亿元")  # a decimal, not an item's number
    assert not is_bold_heading("各地自查")  # no number


# --- 2. 由所涉及的A、B……等省级主管部门（单位）牵头完成…，其他相关部门（单位）配合 ---


def test_real_many_units_leading_with_deng_and_the_others_cooperating() -> None:
    units = (
        "省政府办公厅、住房城乡建设厅、省发展改革委、环境保护厅、民政厅、省经济和信息化委、文化厅、"
        "省政府金融办、商务厅、科技厅、农业厅、水利厅、省扶贫移民局、财政厅、人力资源社会保障厅"
    )
    clause = find_clause(
        "省级部门要按照职责分工，从行业主管部门的角度进行深入自查。19个方面督查重点，由所涉及的"
        f"{units}等省级主管部门（单位）牵头完成自查报告，其他相关部门（单位）配合，于6月20日18：00前"
        "通过全省政府系统公文无纸化传输平台向省政府报送自查报告（含电子文档）。"
    )
    assert clause is not None
    assert clause.roles["lead"] == units.split("、")
    assert clause.roles["cooperate"] == ["其他相关部门（单位）"]
    assert clause.open_list  # the 等 is said in the review


def test_made_up_units_concerned_leading() -> None:
    clause = find_clause(
        "各项整改任务，由涉及的市教育局、市卫生健康委、市市场监管局等市级主管部门牵头完成整改方案，"
        "其他有关部门（单位）配合，9月底前报市政府。"
    )
    assert clause is not None
    assert clause.roles["lead"] == ["市教育局", "市卫生健康委", "市市场监管局"]
    assert clause.roles["cooperate"] == ["其他有关部门（单位）"]


# --- 3. a deadline with its time of day ---


def _dates(text: str, year: int) -> list[dt.date]:
    found = prose_deadline(text)
    assert found is not None, text
    return [item["date"] for item in parse_deadline(found[1], default_year=year).due]


def test_real_deadline_with_a_time_of_day() -> None:
    assert _dates(
        "各市（州）于6月20日18：00前通过全省政府系统公文无纸化传输平台向省政府报送自查报告（含电子文档）。",
        2014,
    ) == [dt.date(2014, 6, 20)]


def test_made_up_deadlines_with_times_of_day() -> None:
    assert _dates("各乡镇于9月30日17时前将整改台账报县整改办。", 2025) == [dt.date(2025, 9, 30)]
    assert _dates("请于2024年3月1日12:00前报送。", 2023) == [dt.date(2024, 3, 1)]
    parsed = parse_deadline("11月5日16：30前", default_year=2026)
    assert [item["date"] for item in parsed.due] == [dt.date(2026, 11, 5)]


# --- 4. the item's subject under its heading's title line; 各市（州）、县（市、区） one group ---


def test_real_subjects_under_a_title_line() -> None:
    found = subject_units("各地自查\n各市（州）、县（市、区）要按照督查的内容，开展逐项自查。")
    assert found is not None and found[2] == "各市（州）、县（市、区）负责"
    found = subject_units(
        "重点抽查\n省政府将对省级重点部门、重点地区稳增长促改革调结构惠民生政策措施落实情况开展抽查。"
    )
    assert found is not None and found[2] == "省政府负责"


def test_made_up_subjects() -> None:
    found = subject_units("各县、市、区政府要在本月内完成排查。")
    assert found is not None and found[2] == "各县、市、区政府负责"
    found = subject_units("督导检查\n市政府督查室将对各地整改情况开展督导。")
    assert found is not None and found[2] == "市政府督查室负责"
    assert subject_units("各地将对照清单逐项检查。") is None  # 各地 names nobody in particular
    assert subject_units("全面推进\n要将工作纳入考核。") is None


# --- 5. the whole page ---


def test_made_up_page_of_bold_headed_items(tmp_path: Path) -> None:
    page = tmp_path / "notice.html"
    page.write_text(
        "<body><h3>信息详情</h3><div>各乡镇人民政府，县级各部门：\n现就有关事项通知如下。\n"
        "<b>一、乡镇自查</b>\n各乡镇要对照清单开展自查，于7月10日17：00前报送自查报告。\n"
        "<b>二、部门自查</b>\n由所涉及的县教育局、县民政局等县级主管部门（单位）牵头完成自查报告，"
        "其他相关部门（单位）配合。\n<b>三、县级抽查</b>\n县政府将对重点乡镇开展抽查。<br />\n"
        "特此通知。\n2025年6月1日</div></body>",
        encoding="utf-8",
    )
    result = import_file(page, ImportOrg(), "p", None)
    tasks = tasks_by_id(result)
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["01"]["roles"] == {"responsible": ["各乡镇"]}
    assert [d.get("date") for d in tasks["01"]["due"]] == [dt.date(2025, 7, 10)]
    assert tasks["02"]["roles"] == {
        "lead": ["县教育局", "县民政局"],
        "cooperate": ["其他相关部门（单位）"],
    }
    assert tasks["03"]["roles"] == {"responsible": ["县政府"]}
