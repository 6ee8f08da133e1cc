"""Round 22 (branch h18ah, issue 18): role differences of the opened files that are general
classes of error. Each with a few lines of the real text (file named) and a variant written here
that the same code must also read (other units, other numbers, other wording)."""

from __future__ import annotations

from pathlib import Path

from duban.plan_import.name_edges import before_flat_table
from helpers import import_whole, tasks_by_id

# --- a table flattened into a labelled line: its districts and figures are no units ------------

# zhejiang-ningbo-2014-minsheng-inline-labels.txt (第五批 oracle: 配合单位 市公安局、市城管局、
# 各区政府; the districts and figures after them are a progress table pressed into the line).
NINGBO = (
    "2014年市政府民生实事项目1—6月份进展情况\n"
    "3.新辟公交线路10条,优化调整20条。 牵头领导:王仁洲 责任单位:市交通委 项目责任人:劳可军 "
    "配合单位:市公安局、市城管局,各区政府 鄞州 海曙、江东、江北 镇海 北仑 合计 新辟线路年度目标 "
    "2 5 1 2 10 实际完成 1 2 0 3 6\n"
)


def test_a_flattened_progress_table_after_the_names_is_not_read_as_units(tmp_path: Path) -> None:
    result = import_whole(tmp_path, NINGBO, 2014)
    task = tasks_by_id(result)["03"]
    assert task["roles"] == {
        "responsible": ["市交通委"],
        "cooperate": ["市公安局", "市城管局", "各区政府"],
    }
    unread = [finding.text for finding in result.unread]  # said in the review, not dropped
    assert any(text.startswith("鄞州 海曙、江东、江北 镇海 北仑 合计") for text in unread)


def test_a_made_up_line_with_spaced_units_before_a_table(tmp_path: Path) -> None:
    """Made up: units separated by spaces stay units; the towns and figures after them do not."""
    text = (
        "2023年县政府为民办实事项目进展\n"
        "1.改造农村公路50公里。 责任单位:县交通运输局 县财政局 东城 西城 合计 目标 20 15 15 50 "
        "完成 12 9 6 27\n"
        "2.新建城乡公厕8座。 责任单位:县城管局 县卫健委\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    assert tasks["01"]["roles"] == {"responsible": ["县交通运输局", "县财政局"]}
    assert tasks["02"]["roles"] == {"responsible": ["县城管局", "县卫健委"]}


def test_names_with_no_table_after_them_are_left_as_they_are() -> None:
    assert before_flat_table("市公安局、江北 镇海") == "市公安局、江北 镇海"
    assert before_flat_table("县水利局 东城 合计 3 4 5.5") == "县水利局"
    assert before_flat_table("县水利局 县农业局 2 3") == "县水利局 县农业局 2 3"  # two numbers
