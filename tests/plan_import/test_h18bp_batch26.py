"""Round h18bp (issue 18): the twenty-sixth batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第二十六批): a news story reposting a
ministry's division of work (a byline's 日期:, a base year of comparison 比2015年, a note
未明确牵头单位的……按职责分工负责,下同), an inter-ministerial plan (列第一位者为牵头部门或单位,
其他有关部门和单位按职责分工负责,下同), a city's plan in traditional characters with pinyin
(各縣區、開發園區), and a plan reposted by a document site page by page (1、 2、 page numbers that
split a word, the chapters run on, 各县市、区政府, a tax policy's validity 延续执行至2027年底).
Each form is tested here on made-up text (other units, subjects and numbers), so that the form
is read, not the file's strings.
"""

from __future__ import annotations

from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.units import ImportOrg
from helpers import tasks_by_id


def _import(tmp_path: Path, text: str, year: int | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return import_file(path, ImportOrg(), "p", year)


def _roles(task: dict, role: str) -> list[str]:
    return list(task.get("roles", {}).get(role, []))


NEWS = """某某财经网欢迎您
首页 > 研究 > 分享

"十三五"节约用水工作方案部门分工出台

发布者:某某财经网 编辑:某某 日期:2016-08-09

   8月9日从水利部获悉,近日,节约用水工作方案部门分工出台。\
方案提出,到2020年,万元国内生产总值用水量比2015年下降23%。

  以下为分工详细内容:

  节约用水工作方案部门分工

  一、强化用水总量控制

  (一)严格用水指标管理。

  1. 实施用水总量和强度双控。到2020年,万元国内生产总值用水量比2015年下降23%。\
(负责单位:水利部、发展改革委、国务院其他有关部门。\
未明确牵头单位的,由所列负责单位按职责分工负责,下同)

  2. 推进工业节水改造。(牵头单位:工业和信息化部 参加单位:水利部、住房城乡建设部)
"""


def test_a_note_that_no_lead_is_named_is_no_unit(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, NEWS))
    assert _roles(tasks["1-1"], "responsible") == ["水利部", "发展改革委", "国务院其他有关部门"]
    assert not _roles(tasks["1-1"], "lead")
    assert _roles(tasks["1-2"], "lead") == ["工业和信息化部"]
    assert _roles(tasks["1-2"], "cooperate") == ["水利部", "住房城乡建设部"]


def test_a_repost_byline_dates_the_plan_not_its_base_year(tmp_path: Path) -> None:
    result = _import(tmp_path, NEWS)
    assert result.plan["period"]["start"].year == 2016  # 日期:2016-08-09, not 比2015年


def test_a_base_year_of_comparison_is_not_the_plan_year(tmp_path: Path) -> None:
    text = (
        "某县节能工作要点\n一、推进节能降耗\n"
        "1. 单位生产总值能耗比2020年下降14%,2022年底前完成燃煤锅炉改造。(牵头单位:县发展改革局)\n"
        "2. 推进公共机构节能。(牵头单位:县机关事务中心)\n"
    )
    result = _import(tmp_path, text)
    assert result.plan["period"]["start"].year == 2022  # the year of the deadline, not 比2020年


def test_the_first_listed_rule_with_the_rest_responsible_is_no_unit(tmp_path: Path) -> None:
    text = (
        "全民健身计划实施分工方案\n一、扩大健身设施供给\n(一)完善场地设施。\n"
        "1. 新建一批体育公园和健身步道。(体育总局、住房城乡建设部、自然资源部负责。"
        "列第一位者为牵头部门或单位,其他有关部门和单位按职责分工负责,下同)\n"
        "2. 推动学校体育场地开放。(教育部、体育总局负责)\n"
    )
    tasks = tasks_by_id(_import(tmp_path, text, 2021))
    assert _roles(tasks["1-1"], "lead") == ["体育总局"]
    assert _roles(tasks["1-1"], "responsible") == ["住房城乡建设部", "自然资源部"]
    assert _roles(tasks["1-2"], "lead") == ["教育部"]  # 下同: the rule holds below


def test_each_county_and_its_zones_are_one_group(tmp_path: Path) -> None:
    text = (
        "某市促進消費實施細則(2022年)\n一、主要任務\n"
        "1.舉辦消費節。每半年舉辦一次消費節活動。(市商務局,各縣區、工業園區按職責分工負責)\n"
        "2.發放消費券。(市財政局,各縣區、開發區按職責分工負責)\n"
    )
    tasks = tasks_by_id(_import(tmp_path, text))
    assert _roles(tasks["1-1"], "responsible") == ["市商務局", "各縣區、工業園區"]
    assert _roles(tasks["1-2"], "responsible") == ["市財政局", "各縣區、開發區"]


SITE_PAGES = (
    "《某市促进服务业发展实施方案.docx》由会员分享,可在线阅读,更多相关《某市促进服务业发展实施方案"
    ".docx(12页珍藏版)》请在某某文库上搜索。\n"
    "1、某市促进服务业发展实施方案为加快服务业发展,结合本市实际,制定本实施方案。"
    "一、加大服务业要素保障(一)落实纾困政策。对服务业小微企业和个体工商户的房租减免政策,"
    "以及对餐饮、零售、旅游等行业的社保费缓缴政策延续执行至2026年底。对符合条件的个体工商\n"
    "2、户给予一次性稳岗补贴。(市人力社保局、市财政局、市商务局,各县市、区政府,列第一位的为牵头单位,"
    "下同。以下均需各县市、区政府落实,不再列出)\n"
)


def test_a_document_sites_pages_of_prose_are_joined_and_read(tmp_path: Path) -> None:
    result = _import(tmp_path, SITE_PAGES, 2024)
    tasks = tasks_by_id(result)
    assert list(tasks) == ["1-1"]  # the site's 1、 2、 are no items
    assert "个体工商户给予" in tasks["1-1"]["text"]  # the word the page break split, whole
    assert _roles(tasks["1-1"], "lead") == ["市人力社保局"]
    assert _roles(tasks["1-1"], "responsible") == ["市财政局", "市商务局", "各县市、区政府"]


def test_a_policys_validity_is_no_deadline_and_no_plan_year(tmp_path: Path) -> None:
    result = _import(tmp_path, SITE_PAGES)
    assert result.year_missing  # the only year says how long a policy lasts: --year is asked
    task = tasks_by_id(result)["1-1"]
    assert not [due for due in task.get("due", []) if due.get("kind") == "period"]
