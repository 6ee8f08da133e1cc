"""Choosing a reading of a document's body by the evidence that it found the tasks (issue 18,
branch h18f), and the general causes behind the misses of the seventeen files opened on
2026-12-06. The texts marked "real" are quoted (shortened) from published pages of
tests/fixtures/import/corpus/ (SOURCES.md gives the addresses); the others are made up to show
one form each and say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.i18n.messages import set_language
from duban.plan_import import import_file
from duban.plan_import.cell_rows import cell_type
from duban.plan_import.strategy import Candidate, Evidence, choose, unit_lines
from duban.plan_import.units import ImportOrg


def _import(tmp_path: Path, text: str, year: int | None = None):
    source = tmp_path / "plan.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, ImportOrg(), "p", year)
    assert result.accounting is not None and result.accounting.leftovers == []
    return result


# real: hubei-xianan-2023-leader-lead-inline.txt (咸安区 2023 责任分解): the numbers run through
# the plan (一、 1–11, 二、 12 …), and section 二 opens with a subheading （一） over item 12.
XIANAN = (
    "2023年区《政府工作报告》确定的重点工作任务责任分解方案\n\n"
    "  一、2023年全区经济社会发展主要预期目标\n\n"
    "  1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)\n\n"
    "  2.固定资产投资增长16%以上。(责任领导:杜新国;牵头单位:区发改局)\n\n"
    "  二、2023年七个方面主要工作安排\n\n"
    "  (一)坚定不移做强增长引擎\n\n"
    "  加强基础设施建设\n\n"
    "  3.启动南外环高速公路、全域公交项目建设。(责任领导:洪声耀;牵头单位:区交通运输局;"
    "责任单位:区发改局,相关乡镇办)\n"
)


def test_numbers_running_through_the_plan_past_a_subheading(tmp_path, chinese):
    result = _import(tmp_path, XIANAN)
    assert result.plan["task_numbering"] == "plan"
    assert [t["id"] for t in result.tasks] == ["01", "02", "03"]
    assert result.tasks[2]["roles"]["lead"] == ["区交通运输局"]


# real: heilongjiang-province-2013-zhuban-xieban.txt (黑龙江省 2013 责任分工): two items on one
# line, the second right after the first one's closing bracket.
HEILONGJIANG = (
    "黑龙江省人民政府关于落实《政府工作报告》重点工作责任分工的意见\n\n"
    "  一、全省经济社会发展主要目标\n\n"
    "  (一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。"
    "(省财政厅主办,省国税局、地税局协办)\n\n"
    "  (三)规模以上工业增加值增长12%左右。(省工信委负责)\n"
)


def test_an_item_right_after_the_previous_items_bracket(tmp_path, chinese):
    result = _import(tmp_path, HEILONGJIANG, 2013)
    assert [t["id"] for t in result.tasks] == ["1-1", "1-2", "1-3"]
    assert result.tasks[1]["roles"]["lead"] == ["省财政厅"]
    assert "(二)" not in result.tasks[0]["text"]


def test_a_bracket_followed_by_a_number_that_opens_no_list_is_text(tmp_path, chinese):
    # made up: (1) after a bracket does not open a list (only the next number of an open one)
    text = (
        "某县工作方案\n一、目标\n1.办好实事（县民政局负责）(1)是原文的一部分。\n"
        "2.修好道路。（县交通局负责）\n"
    )
    result = _import(tmp_path, text, 2024)
    assert [t["id"] for t in result.tasks] == ["1-1", "1-2"]
    assert result.tasks[0].get("items") is None


def test_a_list_of_units_ending_with_deng_is_units():
    # real: hubei-xianning-2020-gazette-table-lost-cell.txt, a cell of the 责任单位 column
    assert cell_type("市经信局、市财政局等,各县、市、区政府,咸宁高新区管委会") == "unit"
    assert cell_type("市税务局等") == "unit"
    assert cell_type("对纳入省级支持的企业等") == "text"


# real (shortened): hubei-xianning-2020-gazette-table-lost-cell.txt, a table copied one cell a
# line whose task cells carry their own numbers, the units' cell on the line below.
XIANNING_ROWS = (
    "2.纳入工信部支持新冠肺炎防护用品(具)技术改造设备购置补贴的重点企业,省财政给予补贴。\n"
    "市经信局、市财政局等,各县、市、区政府,咸宁高新区管委会\n"
    "3.在疫情防控调度任务结束后,全部由政府兜底采购收储。\n"
    "市财政局等,各县、市、区政府,咸宁高新区管委会\n"
)


def test_unit_lines_below_numbered_text_are_its_units():
    found = unit_lines(XIANNING_ROWS)
    assert found is not None and found[1] == 2
    lines = found[0].split("\n")
    assert lines[1] == "（责任单位：市经信局、市财政局等,各县、市、区政府,咸宁高新区管委会）"
    assert lines[0] == XIANNING_ROWS.split("\n")[0]  # the task's own text is untouched


def test_labelled_lines_are_left_to_the_numbering():
    # real: henan-pingdingshan-2013-continuous-numbering.txt writes 牵头单位: on its own line
    text = "1.对煤炭、电力等传统优势产业实施改造。\n牵头单位:市工业和信息化局\n" * 2
    assert unit_lines(text) is None


def _candidate(name: str, tasks: int, assigned: int, runs: float) -> Candidate:
    evidence = Evidence(tasks, assigned, assigned / tasks, runs, 0.5, 1.0)
    return Candidate(name, None, evidence)  # type: ignore[arg-type]


def test_the_reading_with_more_assigned_tasks_wins_and_the_review_says_why(chinese):
    best, why = choose([_candidate("按编号", 2, 1, 1.0), _candidate("每格一行的表格", 8, 8, 1.0)])
    assert best.name == "每格一行的表格"
    assert why.startswith("采用的读法：每格一行的表格（任务 8 项，其中有分工的 8 项")
    assert "次选" not in why  # far ahead


def test_a_close_runner_up_is_named_and_ties_go_to_the_numbering(chinese):
    best, why = choose([_candidate("按编号", 4, 4, 0.5), _candidate("带分工的段落", 4, 4, 0.5)])
    assert best.name == "按编号"
    assert "得分相近的次选：带分工的段落" in why
    best, _ = choose([_candidate("按编号", 4, 4, 0.25), _candidate("“|”表格的行", 4, 4, 1.0)])
    assert best.name == "“|”表格的行"  # same tasks, numbers in sequence: the better reading


def test_the_review_names_the_reading_in_english_with_lang_en(tmp_path, monkeypatch):
    monkeypatch.setenv("DUBAN_LANG", "en")
    set_language(None)
    result = _import(tmp_path, XIANAN)
    assert result.assumptions[0].what.startswith("reading taken: the numbering (3 tasks, 3 with")


@pytest.mark.usefixtures("chinese")
def test_the_review_names_the_reading_in_chinese(tmp_path):
    result = _import(tmp_path, XIANAN)
    assert result.assumptions[0].what.startswith("采用的读法：按编号（任务 3 项，其中有分工的 3 项")
