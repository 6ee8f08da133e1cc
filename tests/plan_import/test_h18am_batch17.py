"""Round h18am (issue 18): the seventeenth batch opened and its differences read generally.

Each fix is tested on the real text it came from (tests/fixtures/import/corpus/, SOURCES.md
第十七批) and on a made-up variant of the same form (other units, numbers, punctuation,
traditional characters), so that the form is read, not the file's string.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.plan_import.segment import segment
from helpers import import_whole, tasks_by_id


def _units(task: dict, role: str = "responsible") -> list[str]:
    return list((task.get("roles") or {}).get(role) or [])


def _dates(task: dict) -> list[str]:
    return [str(d.get("date") or d.get("period")) for d in task.get("due", [])]


# --- 1. (一)主要目标任务 / (二)具体任务、完成时限及责任单位: the list's items are tasks ---

XUCHANG = (  # 许昌 2011 (henan-xuchang-2011-…), chapter 六 as written
    "六、市文博馆\n"
    "(一)主要目标任务\n"
    "2011年4月20日前项目整体完工,4月30日前试运行。\n"
    "(二)具体任务、完成时限及责任单位\n"
    "1.规划馆、博物馆布展,4月20日前完成。\n"
    "责任单位:市规划局、市文化局。\n"
    "2.室外广场硬化、绿化、亮化,4月20日前完工。\n"
    "责任单位:东城区管委会。\n"
    "七、市直公用事业综合服务中心\n"
    "(一)主要工作目标\n"
    "2012年4月30日前主体封顶。\n"
    "(二)具体任务、完成时限及责任单位\n"
    "1.电线、光缆迁改工程,3月中旬完成。\n"
    "责任单位:市供电公司、许昌通信传输局。\n"
    "2.基坑开挖及试桩工程,6月30日前完工;\n"
    "3.地下室工程完工(出地面),10月30日前完成;\n"
    "4.2011年底主体施工,2012年4月30日前封顶。\n"
    "责任单位:市发改委(代建办)。\n"
)
VARIANT = (  # made up: other headings' words, full-width marks, traditional characters
    "一、縣體育館\n"
    "（一）目標任務：\n"
    "2024年10月底前建成投用。\n"
    "（二）工作任務及責任單位\n"
    "1．場館主體施工，6月底前完成。\n"
    "責任單位：縣住建局。\n"
    "2．室外配套工程，9月底前完成；\n"
    "3．2024年全民健身日前開放。\n"
    "責任單位：縣文體局、縣城投公司。\n"
    "二、城南污水處理廠\n"
    "（一）建設目標\n"
    "2024年12月底前通水運行。\n"
    "（二）具體任務、時限及責任單位\n"
    "1．管網鋪設，8月底前完成。\n"
    "責任單位：縣水利局。\n"
)


def test_a_chapters_list_heading_gives_its_items_as_the_chapters_tasks(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, XUCHANG))
    assert sorted(tasks) == ["6-1", "6-2", "7-1", "7-2", "7-3", "7-4"]
    assert _units(tasks["6-1"]) == ["市规划局", "市文化局"]
    assert _units(tasks["6-2"]) == ["东城区管委会"]
    # the goal heading is no task, and the chapter's project is no unit of its items
    assert _units(tasks["7-1"]) == ["市供电公司", "许昌通信传输局"]
    assert _dates(tasks["7-1"]) == ["2011-03-20"]
    # 2.…; 3.…; 4.…。 责任单位:X: the label after the list's last item is for the whole run,
    # and 4.2011年… is item 4 (a year after the number, no decimal)
    for task_id in ("7-2", "7-3", "7-4"):
        assert _units(tasks[task_id]) == ["市发改委(代建办)"], task_id
    assert _dates(tasks["7-3"]) == ["2011-10-30"]


def test_the_variant_in_traditional_characters_reads_the_same(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, VARIANT))
    assert sorted(tasks) == ["1-1", "1-2", "1-3", "2-1"]
    assert _units(tasks["1-1"]) == ["縣住建局"]
    assert _units(tasks["1-2"]) == _units(tasks["1-3"]) == ["縣文體局", "縣城投公司"]
    assert _units(tasks["2-1"]) == ["縣水利局"]


@pytest.mark.parametrize(
    "goal, heading",
    [("(一)主要目标任务", "(二)推进场馆建设"), ("(一)加快主体施工", "(二)具体任务及责任单位")],
)
def test_only_chapters_of_such_headings_alone_are_rewritten(goal: str, heading: str) -> None:
    """A sub-heading that is a task of its own ((二)推进场馆建设, (一)加快主体施工) keeps the
    numbering's tree: (一) and (二) stay the chapter's children, their 1. 2. below them."""
    text = (
        f"一、市体育馆\n{goal}\n6月底前完成主体。\n{heading}\n"
        "1.场馆主体施工,6月底前完成。\n责任单位:市住建局。\n"
        "2.室外配套工程,9月底前完成。\n责任单位:市城投公司。\n"
    )
    (chapter,) = segment(text, 0, len(text))
    assert [node.label for node in chapter.children] == ["(一)", "(二)"]
    assert [node.number for node in chapter.children[1].children] == [1, 2]
    lifted = (
        "一、市体育馆\n(一)主要目标任务\n6月底前完成主体。\n"
        "(二)具体任务及责任单位\n1.场馆主体施工。\n"
    )
    (chapter,) = segment(lifted, 0, len(lifted))
    assert [(node.label, node.depth) for node in chapter.children] == [("1.", 1)]


# --- 2. a later page: the previous item's tail, then one chapter 七、 over its 1. 2. ------------

FUSHUN = (  # 抚顺 (liaoning-fushun-undated-…, page 5), shortened
    "责任人:李刚副市长\n"
    "协调人:宁文彦副秘书长\n"
    "责任单位:市农委会同水务局、农业综合开发办及三县。\n"
    "七、加强基础设施和生态环境建设,为又好又快发展奠定坚实基础\n"
    "1. 坚持科学规划城市。加强对县城和村镇规划的指导。\n"
    "责任人:奚克路副市长\n"
    "协调人:朱红市长助理、王飞副秘书长\n"
    "责任单位:市规划局。\n"
    "2. 加快城市基础设施建设。\n"
    "(1)加快沈抚城际轨道交通建设。\n"
    "责任人:奚克路副市长\n"
    "责任单位:市建委、交通局、城管局。\n"
    "(2)基本完成第三期采煤引发地质灾害治理任务。\n"
    "责任人:吴光副市长\n"
    "责任单位:市发改委。\n"
)
PAGE_VARIANT = (  # made up: traditional, another chapter, 1、 and a lone tail label
    "責任單位：縣財政局。\n"
    "四、推進城鄉融合發展\n"
    "1、完善農村公路網絡。\n"
    "責任人：周強副縣長\n"
    "責任單位：縣交通運輸局。\n"
    "2、提升農村供水保障水準。\n"
    "責任人：劉偉副縣長\n"
    "責任單位：縣水利局、縣衛健局。\n"
)


def test_a_later_pages_one_chapter_stands_over_its_items(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, FUSHUN))
    assert sorted(tasks) == ["7-1", "7-2"]
    assert _units(tasks["7-1"]) == ["市规划局"]
    assert [leader["name"] for leader in tasks["7-1"]["leaders"]] == ["奚克路"]
    items = tasks["7-2"]["items"]
    assert [_units(item) for item in items] == [["市建委", "交通局", "城管局"], ["市发改委"]]


def test_the_later_page_variant_reads_the_same(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, PAGE_VARIANT, year=2024))
    assert sorted(tasks) == ["4-1", "4-2"]
    assert _units(tasks["4-2"]) == ["縣水利局", "縣衛健局"]


# --- 3. a record run on into one line: (六)… 工作职责:X牵头… 工作任务: ⒈… ⑴… -------------------

LINHE = (  # 临河 (neimenggu-linhe-undated-…, page 3), shortened, one line as on the page
    "[接上页] 工作任务:近期尽快解决砂石料市场,9月底前完成。 (六)房地产开发改造任务 "
    "工作职责:市规划局牵头,各有关部门配合,责任人:郝忠。主要负责项目策划,落实项目主体。 "
    "工作任务: ⒈新华街改造内容 ⑴市医院对面房屋拆除改造; ⑵前进路西至水源路段立项改造。 "
    "⒉胜利路改造内容 (3)胜利路西平房通过做项目进行改造; ⒊其它需要改造的地段由工作组确定 "
    "工作要求:6月底完成项目规划设计。 (七)道路改造和人行道铺装任务 责任单位:区建设局,责任人:徐国庆 "
    "工作任务: ⒈道路工程 乌拉特大街(胜利路至临五路)。 ⒉城市核心区人行道铺装硬化 "
    "工作要求:9月底完成"
)
RECORD_VARIANT = (  # made up: traditional, 主要任務：, other units
    "(三)推進老舊小區改造 工作職責：縣住建局牽頭，縣財政局配合。 主要任務： "
    "⒈完成城南片區改造 ⒉完成城北片區改造 "
    "(四)推進城區綠化提升 責任單位：縣林業局 主要任務： ⒈新增綠地 ⒉改造遊園"
)


def test_a_record_run_on_into_one_line_is_one_task_over_its_parts(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, LINHE))
    assert sorted(tasks) == ["06", "07"]
    assert _units(tasks["06"], "lead") == ["市规划局"]
    assert _units(tasks["06"], "cooperate") == ["各有关部门"]
    assert [len(item.get("items") or []) for item in tasks["06"]["items"]] == [2, 1, 0]
    assert _units(tasks["07"]) == ["区建设局"] and len(tasks["07"]["items"]) == 2


def test_the_record_variant_reads_the_same(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, RECORD_VARIANT, year=2024))
    assert sorted(tasks) == ["03", "04"]
    assert _units(tasks["03"], "lead") == ["縣住建局"]
    assert _units(tasks["04"]) == ["縣林業局"] and len(tasks["04"]["items"]) == 2
