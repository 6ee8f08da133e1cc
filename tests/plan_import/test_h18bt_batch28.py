"""Round h18bt (issue 18): the twenty-eighth batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第二十八批): a law site's later page whose
target lines numbered ㈦ … ㈩ stand between measures numbered on across them (19、 20、 …), each
measure's units on a 责任部门: line of its own; another page that starts at 2. inside a chapter
whose number shows only in the next chapter's line (三、保障措施), its brackets naming
(X部门牵头,A、B等部门、单位配合); a province's division of work whose chapter heading names the
unit that leads it all ((X总牵头)) over an item's bare bracket of units, one with another name in
brackets (省发改委(省能源局)), and the rule 。列第一位者为牵头部门,下同; and a society's news page
dated 发表时间:…. Each form is tested here on made-up text (other units, subjects and numbers),
so that the form is read, not the file's strings.
"""

from __future__ import annotations

from pathlib import Path

from test_h18bp_batch26 import _import, _roles  # a text file imported, a role's units

from helpers import tasks_by_id

LATER_PAGE = """3.建设社区健身步道。结合老旧小区改造建设步道。(文化旅游部门牵头,民政等部门配合)
4.办好市民运动会。每两年举办一届市民运动会,设置群众喜爱的比赛项目,吸引更多市民参与。(文化旅游部门牵头,教育、总工会等部门、单位配合)
四、组织实施
(一)强化协调。各成员单位要按照职责分工,加强沟通配合,形成推进合力,确保各项措施落到实处。
"""


def test_a_page_inside_a_chapter_takes_the_chapter_before_the_next_ones_line(
    tmp_path: Path,
) -> None:
    result = _import(tmp_path, LATER_PAGE)
    tasks = tasks_by_id(result)
    assert sorted(tasks) == ["3-3", "3-4"]  # chapter 三: the one before the visible 四、
    assert {task["section"] for task in tasks.values()} == {3}
    assert "组织实施" not in tasks["3-4"]["text"]  # 四、 is a chapter, not item 4's last words
    assert [s["number"] for s in result.plan["sections"]] == [3, 4]


FITNESS = """一、重点任务
1.建设城市社区健身步道。结合老旧小区改造,在社区公园、河道沿线建设健身步道。(文化旅游部门牵头,民政、水利、园林等部门、单位配合)
2.办好市民运动会。每两年举办一届市民运动会,吸引更多市民参与。(文化旅游部门牵头,教育、总工会等部门、单位配合)
"""


def test_the_shared_words_after_an_open_list_are_no_unit(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, FITNESS, 2020))
    assert _roles(tasks["1-1"], "lead") == ["文化旅游部门"]
    assert _roles(tasks["1-1"], "cooperate") == ["民政", "水利", "园林"]  # 等部门、单位: none
    assert _roles(tasks["1-2"], "cooperate") == ["教育", "总工会"]


DIVISION = """某省人民政府办公厅关于印发某省水污染防治重点工作部门分工方案的通知
各市人民政府,省政府直属各单位:
现将方案印发给你们,请认真贯彻执行。
某省人民政府办公厅
2016年5月10日
某省水污染防治重点工作部门分工方案
一、全面控制污染物排放(省环保厅总牵头)
(一)狠抓工业污染防治。
1.全面排查装备水平低、环保设施差的小型工业企业,年底前全部取缔。(省经信委、省水利厅(省河长办)。列第一位者为牵头部门,下同)
(二)强化城镇生活污染治理。
2.加快城镇污水处理设施建设与改造,现有设施全部达到一级A排放标准。(省住建厅、省发改委)
"""


def test_a_bare_bracket_with_a_units_other_name_and_the_first_listed_rule(
    tmp_path: Path,
) -> None:
    tasks = tasks_by_id(_import(tmp_path, DIVISION))
    first = tasks["1-1"]
    assert "items" not in first  # (一) is a sub-heading over item 1, not a task over it
    assert "省经信委" in _roles(first, "lead")  # 。列第一位者为牵头部门: the first listed
    assert _roles(first, "responsible") == ["省水利厅(省河长办)"]  # one unit, its other name
    second = tasks["1-2"]
    assert "省住建厅" in _roles(second, "lead")  # 下同: the rule goes on
    assert _roles(second, "responsible") == ["省发改委"]


def test_a_chapters_overall_lead_leads_each_item_first(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, DIVISION))
    assert _roles(tasks["1-1"], "lead") == ["省环保厅", "省经信委"]  # (省环保厅总牵头) first
    assert _roles(tasks["1-2"], "lead") == ["省环保厅", "省住建厅"]
    assert "省环保厅总" not in str(tasks)  # 总 goes with 牵头, not with the unit's name


TARGETS = """责任部门:市商务局、市市场监管局
㈣农村集贸市场规范化建设全面完成,达标率达到90%以上。
11、加强农村集贸市场管理。完善市场设施,落实市场开办者责任,定期开展环境卫生整治。
责任部门:市商务局、市市场监管局、各县区政府
㈤学校食堂量化分级管理覆盖率达到100%。
12、推进学校食堂规范管理。全面推行明厨亮灶,严格落实校长陪餐制度。
责任部门:市教育局、市市场监管局
"""


def test_a_label_lines_names_end_before_a_numbered_target_line(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, TARGETS))
    assert sorted(tasks) == ["11", "12"]
    assert _roles(tasks["11"], "responsible") == ["市商务局", "市市场监管局", "各县区政府"]
    assert _roles(tasks["12"], "responsible") == ["市教育局", "市市场监管局"]


NEWS = """某某环境保护协会   >   新闻动态

国务院部门分工意见中生态环境保护的两项工作由哪些部门牵头?

发表时间:2021-3-9 来源:某某环境保护协会 作者:管理员

近日,国务院印发重点工作部门分工的意见。

(十二)持续改善环境质量。深化大气污染联防联控,加强细颗粒物和臭氧协同控制。(生态环境部牵头,有关部门按职责分工负责)

(十三)加强生态保护修复。实施重要生态系统保护和修复重大工程。(自然资源部、生态环境部、国家林草局等按职责分工负责)
"""


def test_a_news_pages_date_of_publication_gives_the_year(tmp_path: Path) -> None:
    result = _import(tmp_path, NEWS)
    assert result.plan["period"]["start"].year == 2021  # 发表时间:2021-3-9
    tasks = tasks_by_id(result)
    assert _roles(tasks["12"], "lead") == ["生态环境部"]


def _wrapped(text: str, width: int = 34) -> str:
    """Each line longer than ``width`` cut every ``width`` characters (as a PDF's lines are)."""
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            out, line = [*out, line[:width]], line[width:]
        out.append(line)
    return "\n".join(out)


LONG_TARGETS = """㈣农村集贸市场规范化建设全面完成,全市农村集贸市场的达标率达到百分之九十以上。
11、加强农村集贸市场管理。完善市场基础设施,落实市场开办者主体责任,定期开展环境卫生整治和食品安全检查,规范经营秩序。
责任部门:市商务局、市市场监管局、市农业农村局、各县区政府
㈤学校食堂量化分级管理全面覆盖,学校食堂食品安全等级评定优良率达到九成以上。
12、推进学校食堂规范管理。全面推行明厨亮灶工程,严格落实校长陪餐和食材集中采购制度,加强从业人员培训。
责任部门:市教育局、市市场监管局、市卫生健康委、各县区政府
"""


def test_a_wrapped_label_line_is_not_joined_to_the_target_line_under_it(
    tmp_path: Path,
) -> None:
    text = _wrapped(LONG_TARGETS)
    assert "各县区政府\n㈤" in text  # the label line reaches the wrap's width
    tasks = tasks_by_id(_import(tmp_path, text))
    assert _roles(tasks["11"], "responsible") == [
        "市商务局",
        "市市场监管局",
        "市农业农村局",
        "各县区政府",
    ]
