"""Forms offices use that the importer still missed (issue 18, ninth round, branch h18m), each
read by general means. Texts marked "real" are quoted (shortened where "…" says so) from the
published pages of tests/fixtures/import/corpus/ (SOURCES.md gives each file's address); texts
marked "made up" are variants written for this test (another numbering, another label) that the
same reading must also take: the guard against a fix that fits one file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from duban.plan_import.trailing_roles import trailing_roles
from helpers import import_whole

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
    assert tasks["01"]["due"][0] == {"kind": "period", "period": "2023", "as_written": "2023年底前完成"}
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
