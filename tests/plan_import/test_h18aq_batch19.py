"""Round h18aq (issue 18): the nineteenth batch opened and its differences read generally.

Each fix is tested on the real text it came from (tests/fixtures/import/corpus/, SOURCES.md
第十九批) and on a made-up variant of the same form (other units, numbers, names), so that the
form is read, not the file's string.
"""

from __future__ import annotations

from pathlib import Path

from duban.plan_import.prose_deadlines import prose_deadline
from duban.plan_import.segment import segment, walk
from helpers import import_whole, tasks_by_id

# --- 1. an item named by a number (11.121人才梯队项目) is item 11, not the decimal 11.121 ---------

GUANGZHOU_ITEMS = (  # 广州 2012 (guangdong-guangzhou-2012-…), items 10–12 shortened
    "　　10.“羊城学者”特聘岗位项目。设立50个“羊城学者”特聘岗位。"
    "（牵头单位：市委组织部，配合单位：各有关单位）\n"
    "　　11.121人才梯队项目。重点培养10名左右杰出专家。"
    "（牵头单位：市人力资源和社会保障局，配合单位：各区、县级市）\n"
    "　　12.博士后培养项目。深入实施博士后培养工程。"
    "（牵头单位：市人力资源和社会保障局，配合单位：各区、县级市）\n"
)
NAMED_BY_NUMBER = (  # made up: another list, 5.100 named after its numbers
    "4.青年英才项目。每年遴选青年英才。（牵头单位：县人社局）\n"
    "5.100工程项目。培养百名骨干。（牵头单位：县教育局）\n"
    "6.乡村工匠项目。评选乡村工匠。（牵头单位：县农业农村局）\n"
)


def _numbers(text: str) -> list[int]:
    return [node.number for node in walk(segment(text, 0, len(text), lenient=True))]


def test_an_item_named_by_a_number_goes_on_with_its_list() -> None:
    assert _numbers(GUANGZHOU_ITEMS) == [10, 11, 12]
    assert _numbers(NAMED_BY_NUMBER) == [4, 5, 6]


def test_a_decimal_at_a_line_start_that_goes_on_with_no_list_is_no_item() -> None:
    text = "1.推进项目建设。（牵头单位：县发改局）\n3.125亿元用于道路建设。\n"
    assert _numbers(text) == [1]  # 3 is not the next of the list: 3.125亿元 is an amount


# --- 2. 1.目标, then （一）…实施如下重点项目： over items numbered on through the plan ---

GUANGZHOU = (  # 广州 2012, items 1–11 shortened to their first sentence and their bracket
    "关于推进人才集聚工程的实施意见\n"
    "　　一、总体目标\n"
    "　　1.目标。2012年起5年内，大力实施六大人才行动计划，实现三大人才发展目标。\n"
    "　　二、实施六大人才行动计划\n"
    "　　（一）产业提升人才行动计划。围绕发展战略性主导产业，着力打造一支高技能人才队伍，"
    "实施如下重点项目：\n"
    "　　2.战略性主导产业紧缺人才开发项目。5年内重点引进和培养1万名左右企业紧缺人才。"
    "（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市）\n"
    "　　3.羊城企业家培养项目。5年内培养100名优秀企业家。"
    "（牵头单位：市委组织部，配合单位：市国资委）\n"
    "　　4.民营企业家素质提升项目。组织开展民营骨干企业高层管理人员轮训。"
    "（牵头单位：市经贸委，配合单位：市人力资源和社会保障局、市工商联，各区、县级市）\n"
    "　　5.高技能人才精工项目。5年内重点评选资助200名技能突出人才。"
    "（牵头单位：市人力资源和社会保障局，配合单位：市教育局，各区、县级市）\n"
    "　　6.金融高级人才开发项目。5年内重点引进30名金融高级管理人才。"
    "（牵头单位：市金融办，配合单位：市发展改革委、市人力资源和社会保障局，各区、县级市）\n"
    "　　7.专业技术人才知识更新项目。5年内重点培训15万名专业技术人才。"
    "（牵头单位：市人力资源和社会保障局，配合单位：各区、县级市）\n"
    "　　8.“赢在广州”大学生创业扶持项目。5年内重点扶持100个创业项目。"
    "（牵头单位：市人力资源和社会保障局，配合单位：市工商局、市金融办、团市委，各区、县级市）\n"
    "　　（二）科技创新人才行动计划。围绕加快建设国家创新型城市，"
    "大力开发青年英才，实施如下重点项目：\n"
    "　　9.“百人计划”拓展项目。5年内重点引进扶持200名左右创新创业领军人才。"
    "（牵头单位：市委组织部，配合单位：市科技和信息化局、市人力资源和社会保障局）\n"
    + GUANGZHOU_ITEMS.rsplit("　　12.", 1)[0]
)


def test_real_items_numbered_on_under_subheadings(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, GUANGZHOU))
    assert sorted(tasks) == [f"{n:02d}" for n in range(2, 12)]  # 1.目标 is the plan's goal
    assert {task["section"] for task in tasks.values()} == {2}
    assert tasks["02"]["roles"] == {
        "lead": ["市发展改革委"],
        "cooperate": ["市委组织部", "市人力资源和社会保障局", "各区、县级市"],
    }
    assert tasks["11"]["roles"]["lead"] == ["市人力资源和社会保障局"]
    assert all("due" not in task or task["due"][0]["kind"] == "ongoing" for task in tasks.values())


TALENT = (  # made up: a county's plan, other headings, units and group names
    "某县人才振兴行动方案\n"
    "一、工作目标\n"
    "1.目标。到2027年，全县人才总量达到5万人，人才结构明显优化。\n"
    "二、主要任务\n"
    "（一）数字经济人才行动。围绕数字经济发展，引育一批数字人才，实施以下项目：\n"
    "2.数字工匠培育项目。三年内培育数字工匠300名。（牵头单位：县人社局，配合单位：县工信局，各镇、街道）\n"
    "3.数字企业家项目。每年组织企业家研修一次。（牵头单位：县工信局，配合单位：县工商联）\n"
    "（二）乡村振兴人才行动。围绕乡村振兴，培养一批乡土人才，实施以下项目：\n"
    "4.乡土人才评选项目。两年内评选乡土人才100名。（牵头单位：县农业农村局，配合单位：各有关单位）\n"
    "5.驻村工作队项目。选派干部驻村。（牵头单位：县委组织部，配合单位：各镇、街道）\n"
)


def test_made_up_items_numbered_on_under_subheadings(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, TALENT))
    assert sorted(tasks) == ["02", "03", "04", "05"]
    assert tasks["02"]["roles"] == {"lead": ["县人社局"], "cooperate": ["县工信局", "各镇、街道"]}
    assert tasks["04"]["roles"]["cooperate"] == ["各有关单位"]


def test_made_up_excerpt_from_the_second_item_on(tmp_path: Path) -> None:
    """No 1. above: the lists start at 2 (an excerpt), and the （一） over them are headings."""
    excerpt = TALENT.replace("1.目标。到2027年，全县人才总量达到5万人，人才结构明显优化。\n", "")
    tasks = tasks_by_id(import_whole(tmp_path, excerpt))
    assert sorted(tasks) == ["02", "03", "04", "05"]
    assert tasks["05"]["roles"] == {"lead": ["县委组织部"], "cooperate": ["各镇、街道"]}


# --- 3. 5年内 / 两年内: a span from the work's start, not the plan year's end ---


def test_a_span_of_years_is_no_deadline() -> None:
    assert prose_deadline("5年内重点引进和培养1万名左右企业紧缺人才。") is None  # 广州 2012
    assert prose_deadline("两年内评选乡土人才100名，三年内建成基地。") is None  # made up
    assert prose_deadline("年内建成通车。") is not None  # the plan year, as before
    assert prose_deadline("2025年内完成改造。") is not None


# --- 4. items run on after the lead-in's full stop, each closing with 责任单位： ---

PUTIAN = (  # 莆田 (fujian-putian-undated-…), the items shortened, one line as the script held it
    "关于支持“双招双引”的十条意见。为落实市委、市政府“突出开放招商 强化项目带动”的部署，"
    "结合莆田实际，现提出以下意见。1.对来莆田创新创业和成果转化的国内外高层次创新创业团队，"
    "经认定，再给予 100 万元用于科学研究。责任单位：市委组织部、市科技局。2.对实际投资 2 亿元"
    "或年纳税总额 5000 万元以上的招商项目，给予自主认定四类人才指标 1名。"
    "责任单位：市发改委、市财政局、市工信局、市商务局。\n"
)
MEASURES = (  # made up: another lead-in and units, 牵头单位 labels
    "关于促进民营经济发展的若干措施。为进一步优化营商环境，激发市场主体活力，"
    "结合本县实际，制定以下措施。1.对新升规的工业企业给予一次性奖励 10 万元，"
    "对首次入选省级专精特新企业的再给予奖励。牵头单位：县工信局。2.对新设立的科技型中小企业，"
    "按其研发投入给予一定比例的补助，每家每年最高不超过 50 万元。牵头单位：县科技局、县财政局。\n"
)


def test_real_items_run_on_each_with_its_label(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, PUTIAN))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["roles"] == {"responsible": ["市委组织部", "市科技局"]}
    assert tasks["02"]["roles"]["responsible"] == ["市发改委", "市财政局", "市工信局", "市商务局"]


def test_made_up_items_run_on_each_with_its_label(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, MEASURES))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["roles"] == {"lead": ["县工信局"]}
    assert tasks["02"]["roles"] == {"lead": ["县科技局", "县财政局"]}
