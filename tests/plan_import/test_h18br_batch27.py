"""Round h18br (issue 18): the twenty-seventh batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第二十七批): a law site's page of a
livelihood programme whose projects each carry label lines (资金来源 / 目标任务 / 牵头单位 /
配合单位 / 实施时间 / 完成时间, points numbered inside the funding and the target lines), another
law site's page whose (七) is a task of its own beside (八) (九) over 1、 2、, two items on one
line, 到 2011年 with a space, a bureau's work points in traditional characters with pinyin
(牽頭領(lǐng)導(dǎo): / 責(zé)任單位:) citing 《…(2021-2023年)》, and a history page filed under its
year (当前位置 … > 2010年) with a later 发布日期. Each form is tested here on made-up text (other
units, subjects and numbers), so that the form is read, not the file's strings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_h18bp_batch26 import _import, _roles  # a text file imported, a role's units

from duban.plan_import.date_forms import tight
from helpers import tasks_by_id


def _dues(item: dict) -> list[tuple[str, object]]:
    """The dated dues (原文未写完成时限, the unwritten deadline's marker, left out)."""
    return [
        (due["kind"], due.get("date") or due.get("period"))
        for due in item.get("due", [])
        if due.get("id") != "unwritten"
    ]


PROJECTS = """四、卫生惠民工程
(一)乡镇卫生院标准化建设项目。
资金来源:1.省级补助资金300万元用于设备购置;2.门诊楼建设:中央补助800万元,市级配套200万元。
目标任务:1.9月份完成设备采购安装;2.门诊楼年内动工。
牵头单位:市卫生局。
配合单位:市财政局、市规划局。
实施时间:2015年1-12月。
完成时间:2015年11月。
(二)村卫生室建设项目。
资金来源:中央、省,县区财政配套。
目标任务:年底完成省下达的村卫生室建设任务。
牵头单位:市卫生局。
配合单位:市财政局。
实施时间:2015年1-12月。
完成时间:2015年11月。
"""


def test_points_of_a_funding_line_are_no_items_those_of_the_target_line_are(
    tmp_path: Path,
) -> None:
    task = tasks_by_id(_import(tmp_path, PROJECTS))["4-1"]
    texts = [item["text"] for item in task["items"]]
    assert len(texts) == 2
    assert texts[0].startswith("9月份完成设备采购安装")  # 1.9月份: item 1 and September
    assert texts[1].startswith("门诊楼年内动工")
    assert not any("补助" in text for text in texts)  # 300万元 and 800万元 are money
    assert _roles(task, "lead") == ["市卫生局"]
    assert _roles(task, "cooperate") == ["市财政局", "市规划局"]
    assert _dues(task) == [("date", dt.date(2015, 11, 30))]  # 完成时间:2015年11月: its last day


def test_a_point_of_a_target_line_is_dated_by_its_month(tmp_path: Path) -> None:
    task = tasks_by_id(_import(tmp_path, PROJECTS))["4-1"]
    first, second = task["items"]
    assert _dues(first) == [("date", dt.date(2015, 9, 30))]  # 9月份…完成: by September's end
    assert _dues(second) == []  # 年内动工 is when the work starts, not when it is due


def test_a_target_lines_year_end_is_kept_before_the_completion_time(tmp_path: Path) -> None:
    task = tasks_by_id(_import(tmp_path, PROJECTS))["4-2"]
    assert _dues(task) == [("period", "2015"), ("date", dt.date(2015, 11, 30))]


PAGE = """(五)社区体育设施建设
完成市体育局下达的社区健身点建设任务,全市社区健身点覆盖率达85%以上。责任单位:各区人民政府、\
市体育局、市住建局,完成时间:2016年6月底前。
(六)城市公园提升改造
1、完成滨河公园二期改造工程。责任单位:市园林局、东城区,完成时间:2016年8月31日前。
2、完成人民公园照明改造。责任单位:市园林局,完成时间:2016年5月15日前。3、完成植物园步道建设。\
责任单位:市园林局、市交通局,完成时间:2016年5月15日前。
4、完成湿地公园游客中心建设。责任单位:市旅游局,完成时间:2016年9月30日前。
(七)河道综合整治
1、实施南河清淤工程。责任单位:市水务局,完成时间:2016年4月30日前。
2、实施北河截污工程。责任单位:市水务局、市环保局,完成时间:2016年7月31日前。
"""


def test_a_chapter_whose_one_paragraph_closes_with_its_clause_is_a_task(tmp_path: Path) -> None:
    result = _import(tmp_path, PAGE)
    tasks = tasks_by_id(result)
    task = tasks["5"]
    assert _roles(task, "responsible") == ["各区人民政府", "市体育局", "市住建局"]
    assert _dues(task) == [("date", dt.date(2016, 6, 30))]
    five = next(s for s in result.plan["sections"] if s["number"] == 5)
    assert not five.get("provisions")  # its paragraph is the task's text, not a provision


def test_two_items_on_one_line_each_with_its_clause_are_two_tasks(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, PAGE))
    assert {"6-1", "6-2", "6-3", "6-4", "7-1", "7-2"} <= set(tasks)
    assert _roles(tasks["6-2"], "responsible") == ["市园林局"]
    assert _roles(tasks["6-3"], "responsible") == ["市园林局", "市交通局"]
    assert _dues(tasks["6-3"]) == [("date", dt.date(2016, 5, 15))]
    assert _dues(tasks["6-4"]) == [("date", dt.date(2016, 9, 30))]


def test_a_year_aimed_at_after_a_space_is_that_years_end(tmp_path: Path) -> None:
    text = (
        "(牵头单位:市水利局;责任单位:市农业局,各县市区人民政府)\n"
        "(八)湿地保护工程。加强河湖湿地保护修复,建设湿地公园。到 2014年,全市湿地保护率达到50%。\n"
        "(牵头单位:市林业局;责任单位:市水利局、环保局,各县市区人民政府)\n"
    )
    task = tasks_by_id(_import(tmp_path, text))["08"]  # numbered on through the plan
    assert _dues(task) == [("period", "2014")]


WORK_POINTS = """2021年全區文化旅遊工作的總體思路是:堅(jiān)持以人民為中心,推動《某區“十四五”文化\
旅遊發(fā)展規(guī)劃》《某區全域旅遊三年行動計(jì)劃(2020-2022年)》《關(guān)于促進(jìn)夜間經(jì)濟(jì)發(fā)展的意見》落地實(shí)施。
一、推進(jìn)全域旅遊
(一)打造旅遊品牌
1.推動《某區全域旅遊三年行動計(jì)劃(2020-2022年)》落地見效。
牽頭領(lǐng)導(dǎo):林小(xiǎo)明
責(zé)任單位:產(chǎn)業(yè)科、辦公室
"""


def test_a_leader_and_units_lines_with_pinyin_in_their_labels(tmp_path: Path) -> None:
    task = tasks_by_id(_import(tmp_path, WORK_POINTS))["1-1"]
    assert [leader["name"] for leader in task.get("leaders", [])] == ["林小明"]
    assert _roles(task, "responsible") == ["產業科", "辦公室"]


def test_a_cited_documents_years_are_neither_the_period_nor_a_deadline(tmp_path: Path) -> None:
    result = _import(tmp_path, WORK_POINTS)
    assert result.plan["period"]["start"].year == 2021  # 2021年…, not 《…(2020-2022年)》
    assert _dues(tasks_by_id(result)["1-1"]) == []


HISTORY = """您当前所在的位置:网站首页 > 惠民工程 > 惠民工程回顾 > 2011年

二十五、敬老院改扩建

发布日期:2014-05-06 00:00  来源:某市政府  阅读: 次 字体:[ 大 中 小 ]

改扩建乡镇敬老院6所,新增床位300张,农村五保集中供养率达到50%以上。

                        责任单位:市民政局
"""


def test_a_location_bar_filed_under_a_year_gives_the_plan_year(tmp_path: Path) -> None:
    result = _import(tmp_path, HISTORY)
    assert result.plan["period"]["start"].year == 2011  # not the 发布日期 2014
    assert _roles(tasks_by_id(result)["25"], "responsible") == ["市民政局"]


def test_two_items_on_one_line_numbered_with_two_stops(tmp_path: Path) -> None:
    text = PAGE.replace(
        "2、完成人民公园", "2.完成人民公园"
    )  # 2.…。3、… (a stop changed, the number kept)
    tasks = tasks_by_id(_import(tmp_path, text))
    assert _roles(tasks["6-3"], "responsible") == ["市园林局", "市交通局"]
    assert _dues(tasks["6-4"]) == [("date", dt.date(2016, 9, 30))]


TOP_BRACKET = """(牽頭單位:市林業局;責任單位:市水利局、市農業局,各縣市區人民政府)
(八)濕地保護工程。加強河湖濕地保護修復,建設濕地公園,全市濕地保護率達到50%。
(牽頭單位:市林業局;責任單位:市水利局、市環保局,各縣市區人民政府)
"""


def test_a_role_bracket_alone_atop_a_page_is_the_previous_items_tail(tmp_path: Path) -> None:
    result = _import(tmp_path, TOP_BRACKET)
    assert list(tasks_by_id(result)) == ["08"]  # the bracket above is no task of its own
    assert result.plan["title"] == "（无标题）"  # nor the page's title
    assert _roles(tasks_by_id(result)["08"], "lead") == ["市林業局"]


def test_a_factory_named_after_a_label_without_its_colon(tmp_path: Path) -> None:
    text = PAGE.replace("责任单位:市水务局、市环保局", "责任单位某某水泥厂、市环保局")
    tasks = tasks_by_id(_import(tmp_path, text))
    assert _roles(tasks["7-2"], "responsible") == ["某某水泥厂", "市环保局"]


def test_finished_in_a_month_reads_alike_in_a_cell_and_in_a_target_line() -> None:
    """One list of the words that say a work is finished (date_forms.FINISHED): a 完成时限
    cell's 10月完毕 is by the month's end as 10月完成 is (it was not: 完毕 was the target line's
    word only), and a start (10月开工) still reads as the cell's month too, as h18g decided."""
    assert tight("10月完毕") == "10月底完毕"
    assert tight("10月完成") == "10月底完成"
    assert tight("10月开工") == "10月底开工"
    assert tight("10月") == "10月"
