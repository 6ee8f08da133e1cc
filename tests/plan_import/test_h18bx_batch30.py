"""Round h18bx (issue 18): the thirtieth batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第三十批): a law site's page starting at an
arabic item whose own lines name no unit, over (1)… points each closing with its units or opening
``市X局:``; a year before 前 with its 年 dropped (2011前); an office's duty list whose chapters
name only a post (一、主要负责人责任). Each form is tested here on made-up text (other units,
subjects and numbers), so that the form is read, not the file's strings.
"""

from __future__ import annotations

from pathlib import Path

from test_h18bp_batch26 import _import, _roles  # a text file imported, a role's units

from helpers import tasks_by_id

POINTS = """3、完善河湖管护
通过划定管理范围、设置公示牌等工作,进一步提高河湖管护水平。
(1)划定河湖管理范围。2015年底前完成调查工作,2017年前完成划界工作。(责任单位:市水务局、市自然资源局)
(2)设置河长公示牌。2016年3月前完成设计方案,2016年9月前完成设置。(责任单位:市水务局、各乡镇)
(3)编制河湖名录。2018年前完成编制工作。(责任单位:各乡镇)
"""


def test_an_item_over_points_that_name_units_is_one_task_with_sub_items(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, POINTS))
    assert list(tasks) == ["03"]  # the page's first item, numbered 3: one task
    items = {item["id"]: item for item in tasks["03"]["items"]}
    assert list(items) == ["1", "2", "3"]
    assert _roles(items["1"], "responsible") == ["市水务局", "市自然资源局"]
    assert _roles(items["2"], "responsible") == ["市水务局", "各乡镇"]
    assert _roles(items["3"], "responsible") == ["各乡镇"]


MEMBERS = """4.成员单位职责:
(1)市应急局:负责统筹协调防汛抗旱工作,发布汛情预警信息。
(2)市卫健委:负责灾区卫生防疫和伤员救治工作。
(3)市商务局:做好灾区生活必需品的调运和供应工作。
"""


def test_member_unit_lines_under_an_item_are_its_sub_items(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, MEMBERS, year=2020))
    assert list(tasks) == ["04"]
    items = {item["id"]: item for item in tasks["04"]["items"]}
    assert _roles(items["1"], "responsible") == ["市应急局"]
    assert _roles(items["2"], "responsible") == ["市卫健委"]
    assert _roles(items["3"], "responsible") == ["市商务局"]  # no 负责: the same


BARE_YEAR = """某市人民政府办公室关于印发某市图书馆建设实施方案的通知
一、主要任务
1.建设分馆。2015年底前完成选址工作。2016前完成建设。(责任单位:市文旅局)
2.配置图书。2017年底前完成采购。(责任单位:市财政局)
"""


def test_a_year_before_qian_with_its_nian_dropped_is_that_year(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, BARE_YEAR, year=2015))
    periods = [due.get("period") for due in tasks["1-1"]["due"]]
    assert periods == ["2015", "2016"]  # 2016前 as 2016年前: to the year's end


POSTS = """某县文化馆安全生产责任制清单
一、主要负责人责任
1.每年2月,组织召开安全生产工作会议,研究部署全年工作。
2.将安全生产工作纳入年度考核之中。
二、办公室主任职责
1.组织干部职工学习安全生产法规。
2.每年组织应急疏散演练不少于2次。
3.做好检查中发现问题的整改工作。
"""


def test_a_chapter_naming_only_a_post_makes_it_responsible(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, POSTS, year=2024))
    assert sorted(tasks) == ["1-1", "1-2", "2-1", "2-2", "2-3"]
    for task in ("1-1", "1-2"):
        assert _roles(tasks[task], "responsible") == ["主要负责人"]
        assert not tasks[task].get("leaders")
    for task in ("2-1", "2-2", "2-3"):
        assert _roles(tasks[task], "responsible") == ["办公室主任"]


AIMS = """某县文化馆工作要点
一、总体要求
1.坚持稳中求进。
2.突出重点工作。
二、保障措施
1.加强组织领导。(责任单位:县文旅局)
"""


def test_a_chapter_named_for_its_subject_gives_no_post(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, AIMS, year=2024))
    assert not any(_roles(task, "responsible") == ["总体要求"] for task in tasks.values())
