"""Round 22 (branch h18ah, issue 18): role differences of the opened files that are general
classes of error. Each with a few lines of the real text (file named) and a variant written here
that the same code must also read (other units, other numbers, other wording)."""

from __future__ import annotations

from pathlib import Path

from test_h18r_batch8 import SHANXI as SHANXI_2008

from duban.plan_import.leading_by import front_units
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


# --- a labelled line belongs to the sub-item just above it, when the plan writes one for each ---

# shanxi-province-2008-leader-lead-group-headings.txt (第八批 oracle: (三)'s 协同单位 line after
# sub-item 2 is sub-item 2's, as 二(一) writes such a line after each of its sub-items).
SHANXI = SHANXI_2008.replace(
    "二、",
    "(三)省编办牵头的工作\n"
    "1.深化行政管理体制改革,优化政府机构设置。\n"
    "2.积极稳妥地推进乡镇机构改革。\n"
    "协同单位:省财政厅、省人事厅和各市人民政府。\n"
    "二、",
)
"""The text test_h18r_batch8 reads, with the real (三) group put back before 二."""


def _item(task: dict, item_id: str) -> dict:
    return next(item for item in task["items"] if item["id"] == item_id)


def test_the_line_after_the_last_sub_item_is_that_sub_items(tmp_path: Path) -> None:
    task = tasks_by_id(import_whole(tmp_path, SHANXI, 2008))["1-3"]
    assert task["roles"] == {"lead": ["省编办"]}
    assert "roles" not in _item(task, "1")
    assert _item(task, "2")["roles"] == {"cooperate": ["省财政厅", "省人事厅", "各市人民政府"]}


def test_a_made_up_plan_with_a_line_after_each_sub_item(tmp_path: Path) -> None:
    """Made up: other leaders and units, 配合单位; the plan that writes the line once after all
    its sub-items (no task writes one after each) still gives it to the whole task."""
    each = (
        "2025年县政府工作目标责任分解\n"
        "一、王立新副县长负责的工作\n"
        "(一)县交通局牵头的工作\n"
        "1.改造农村公路30公里。\n"
        "2.新增公交线路2条。\n"
        "配合单位:县公安局、县财政局。\n"
        "二、李华副县长负责的工作\n"
        "(一)县水利局牵头的工作\n"
        "1.完成小型水库除险加固3座。\n"
        "配合单位:县财政局。\n"
        "2.新建农村供水工程2处。\n"
        "配合单位:县卫健委。\n"
    )
    (tmp_path / "each").mkdir()
    (tmp_path / "once").mkdir()
    tasks = tasks_by_id(import_whole(tmp_path / "each", each, 2025))
    assert tasks["1-1"]["roles"] == {"lead": ["县交通局"]}
    assert _item(tasks["1-1"], "2")["roles"] == {"cooperate": ["县公安局", "县财政局"]}
    assert _item(tasks["2-1"], "1")["roles"] == {"cooperate": ["县财政局"]}
    once = each.replace("配合单位:县财政局。\n", "").replace("配合单位:县卫健委。\n", "")
    tasks = tasks_by_id(import_whole(tmp_path / "once", once, 2025))
    assert tasks["1-1"]["roles"] == {"lead": ["县交通局"], "cooperate": ["县公安局", "县财政局"]}
    assert all("roles" not in item for item in tasks["1-1"]["items"])


# --- a site's name before a colon (a housing estate, a mall) is where, not who -----------------

# city-2022-chuangwen-fanwen-town-group-problem-items.txt (第十一批 oracle: every point under
# “(一)鹿城镇(14个)” is 鹿城镇's; “5.市人民商场住宿区:(1)…” names the site, not a unit).
CHUANGWEN = (
    "V市创建全国文明城市工作指挥部办公室关于全国文明城市建设工作督查通报(2022年·第9期)\n"
    "一、督查情况\n"
    "本次督查共计320个点位开展督查。\n"
    "二、存在问题\n"
    "(一)鹿城镇(14个)\n"
    "1.格林天城一号门外农业银行旁大门公益广告褪色破损。\n"
    "2.百水巷桃源湖口的龙泉路税务小区:住户乱拉广告横幅乱粘贴小广告。\n"
    "3.信义花园:(1)小区垃圾桶未盖、桶壁脏污,垃圾满溢;(2)小区内车辆乱停乱放。\n"
    "4.市人民商场住宿区:(1)小区绿化带黄土裸露;(2)楼道口地面破损。\n"
)


def test_a_sites_name_before_a_colon_is_no_unit(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, CHUANGWEN, 2022))
    assert {task_id: task["roles"] for task_id, task in tasks.items()} == {
        f"2-{number}": {"responsible": ["鹿城镇"]} for number in range(1, 5)
    }


def test_made_up_sites_and_a_body_of_a_level_before_a_colon(tmp_path: Path) -> None:
    """Made up: other sites of a town's points go to the town; a body named by its level of
    government (县委党校, no unit's ending) is still read as a unit."""
    text = (
        "县创建国家卫生县城督查通报(2024年第3期)\n"
        "一、督查情况\n"
        "本次共督查45个点位。\n"
        "二、存在问题\n"
        "(一)河口镇(3个)\n"
        "1.县滨江家属区:(1)垃圾乱堆乱放;(2)路灯损坏。\n"
        "2.县东方商场:(1)门前车辆乱停。\n"
        "3.县人民公园:(1)公厕保洁不到位。\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2024))
    assert [task["roles"] for task in tasks.values()] == [{"responsible": ["河口镇"]}] * 3
    assert front_units("县委党校:(1)完成干部轮训。") is not None
    assert front_units("县人民公园:(1)公厕保洁不到位。") is None
