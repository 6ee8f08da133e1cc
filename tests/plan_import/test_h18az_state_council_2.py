"""Round h18az (issue 18): the forms of the second local blind batch of State Council pages.

The batch's pages and crawler texts come from fetched snapshots whose text may not be committed,
so every test here is made up in the same form: other units, other subjects, other numbers.
"""

from __future__ import annotations

from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.clauses import find_clause
from duban.plan_import.units import ImportOrg
from helpers import tasks_by_id


def _import(tmp_path: Path, text: str, suffix: str = ".txt"):
    source = tmp_path / f"plan{suffix}"
    source.write_text(text, encoding="utf-8")
    return import_file(source, ImportOrg(), "p", None)


# --- 1. a crawler's one-paragraph plan: chapter titles run into (一), 具体措施：into 1． ---

MEASURES = (
    "（水利部牵头，国务院相关部门及各地区按职责分工负责）",
    "（农业农村部、水利部牵头，国务院相关部门及各地区按职责分工负责）",
    "（自然资源部及各地区按职责分工负责）",
)
RUN_ON_PLAN = (
    "全国农村供水保障工作会议重点任务分工方案\n\n"
    "为落实会议部署，现制定如下分工方案。"
    "一、把农村供水工程建设和水源保护结合起来，提高供水保障水平"
    "（一）加快农村供水工程改造，推进城乡供水一体化。"
    "（水利部、国家发展改革委、财政部、自然资源部、生态环境部、住房城乡建设部、农业农村部、"
    "国家卫生健康委、应急部、国家乡村振兴局等国务院相关部门及各地区按职责分工负责）具体措施："
    f"1．梳理农村供水工程现状，建立改造项目清单。{MEASURES[0]}"
    f"2．2031年底前完成老旧管网改造，推广智能水表。{MEASURES[1]}"
    f"3．划定农村水源保护范围，设立保护标志。{MEASURES[2]}"
    "（二）健全农村供水运行管护机制，落实管护主体和经费。"
    "（水利部牵头，财政部、国家发展改革委等国务院相关部门及各地区按职责分工负责）具体措施："
    "1．明确农村供水工程管护主体，建立维修养护制度。（水利部及各地区按职责分工负责）"
    "2．完善农村供水水价形成机制，2032年6月底前出台指导意见。"
    "（国家发展改革委牵头，水利部等国务院相关部门及各地区按职责分工负责）"
    "二、强化水质监测，让群众喝上放心水"
    "（三）完善农村供水水质检测体系，提高检测覆盖率。（国家卫生健康委牵头，水利部及各地区按职责分工负责）"
    "具体措施：1．配备水质检测设备，开展定期巡检。（国家卫生健康委及各地区按职责分工负责）"
    "2．公开水质检测结果，接受群众监督。（水利部、国家卫生健康委按职责分工负责）"
    "各地区要结合实际抓好落实。\n"
)


def test_a_one_paragraph_plan_breaks_before_its_tasks_and_their_measures(
    tmp_path: Path,
) -> None:
    tasks = tasks_by_id(_import(tmp_path, RUN_ON_PLAN))
    assert sorted(tasks) == ["01", "02", "03"]
    first = tasks["01"]
    assert [item["id"] for item in first["items"]] == ["1", "2", "3"]
    assert first["items"][1]["roles"]["lead"] == ["农业农村部", "水利部"]
    assert first["items"][1]["due"][0]["period"] == "2031"  # 2．2031年底前…: a year, no decimal
    assert [item["id"] for item in tasks["02"]["items"]] == ["1", "2"]
    assert [item["id"] for item in tasks["03"]["items"]] == ["1", "2"]
    assert tasks["03"]["section"] == 2


def test_a_task_bracket_of_ten_ministries_is_its_assignment(tmp_path: Path) -> None:
    first = tasks_by_id(_import(tmp_path, RUN_ON_PLAN))["01"]
    responsible = first["roles"]["responsible"]
    assert responsible[:2] == ["水利部", "国家发展改革委"]
    assert "国家乡村振兴局" in responsible and "各地区" in responsible
    assert len(responsible) == 11  # 等国务院相关部门 closes the list, 各地区 is a unit


def test_a_long_bracket_of_names_is_an_assignment_a_long_sentence_is_not() -> None:
    names = (
        "（国家发展改革委、财政部、自然资源部、生态环境部、住房城乡建设部、交通运输部、"
        "水利部、农业农村部、商务部、国家卫生健康委、应急部、人民银行、海关总署、市场监管总局、"
        "国家统计局等国务院相关部门及各地区按职责分工负责）"
    )
    clause = find_clause("推进改造。" + names)
    assert clause is not None and len(clause.roles["responsible"]) == 16
    sentence = (
        "（这一段是说明文字，写明了试点地区在建设、运行、管护、监测、评估、验收等方面的具体做法，"
        "并要求各试点地区在规定时间内认真完成自查、整改、验收、总结、上报等各项工作，由各地负责）"
    )
    assert len(sentence) > 80
    found = find_clause("推进试点。" + sentence)  # its last words 由各地负责 only, not the bracket
    assert found is None or not found.as_written.startswith("（")


def test_deng_guowuyuan_xiangguan_bumen_closes_an_open_list() -> None:
    clause = find_clause(
        "推进改造。（交通运输部牵头，公安部、商务部等国务院相关部门及相关地区按职责分工负责）"
    )
    assert clause is not None
    assert clause.roles == {
        "lead": ["交通运输部"],
        "responsible": ["公安部", "商务部", "相关地区"],
    }


# --- 2. (A、B、C等和各省级人民政府负责): an open list of ministries, then 和 and a group ---


def test_deng_he_ends_the_named_list_and_the_group_after_it_is_a_unit() -> None:
    clause = find_clause(
        "发展乡村旅游。（文化和旅游部、住房城乡建设部、国家林草局等和各有关省级人民政府负责）"
    )
    assert clause is not None
    assert clause.roles == {
        "responsible": ["文化和旅游部", "住房城乡建设部", "国家林草局", "各有关省级人民政府"]
    }
    assert clause.open_list  # the review says the list of ministries was open
    other = find_clause("开展结对帮扶。（国家民委、全国妇联等和各省级人民政府负责）")
    assert other is not None
    assert other.roles == {"responsible": ["国家民委", "全国妇联", "各省级人民政府"]}


# --- 3. one task, its sentences each closing with a bracket: all the brackets are the task's ---

BRACKETED_SENTENCES = """某省人民政府办公厅关于加快发展冰雪运动的指导意见
二、重点任务
（一）完善场地设施。新建一批冰雪运动场地。（省体育局负责）
（二）培育市场主体。简化冰雪赛事审批。（省市场监管局负责）扶持冰雪装备企业，支持院校开设相关专业。（省体育局、省教育厅负责）推广冰雪运动数字化应用。（省体育局、省通信管理局、省科技厅负责）
（三）加强人才培养。培训一批冰雪教练员。（省体育局牵头，省人力资源社会保障厅配合）
"""


def test_a_task_whose_sentences_each_close_with_a_bracket_has_all_their_units(
    tmp_path: Path,
) -> None:
    tasks = tasks_by_id(_import(tmp_path, BRACKETED_SENTENCES))
    second = tasks["2-2"]
    assert "items" not in second
    assert second["roles"] == {
        "responsible": ["省市场监管局", "省体育局", "省教育厅", "省通信管理局", "省科技厅"]
    }
    assert "省市场监管局" in second["roles_as_written"]
    third = tasks["2-3"]
    assert third["roles"] == {"lead": ["省体育局"], "cooperate": ["省人力资源社会保障厅"]}


# --- 4. every point in time a task's text names, a month with its year among them ---

DATED_STEPS = """某省人民政府办公厅关于印发数字政务建设重点任务分工方案的通知
（2031年3月5日）
一、重点任务
（一）推进电子证照应用。2031年底前完成证照目录梳理，2032年3月底前实现高频证照互认。（省政务服务局牵头，省大数据局按职责分工负责）
（二）推进门诊费用结算。2032年6月底前制定统一结算办法，12月底前实现全省直接结算。（省医保局负责）
（三）推进政务服务异地通办。2031年要有所突破，2032年底前要基本实现高频事项全覆盖。（省政务服务局负责）
（四）推进无纸化办税。压减办税时间，2032年全面推广电子发票。（省税务局负责）
（五）优化企业开办服务。2031年底前推行开办全程网办，2031年底前实现一日办结。（省市场监管局负责）
（六）加强统筹协调。2031年要重点推进基础平台建设。（省政府办公厅负责）
"""


def _dues(task: dict) -> list[str]:
    return [str(due.get("date") or due.get("period")) for due in task.get("due", [])]


def test_every_point_in_time_of_a_task_is_a_deadline(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, DATED_STEPS))
    assert _dues(tasks["1-1"]) == ["2031", "2032-03-31"]
    assert _dues(tasks["1-2"]) == ["2032-06-30", "2032-12-31"]  # 12月底前: its sentence's year
    assert _dues(tasks["1-3"]) == ["2031", "2032"]  # 2031年要…，2032年底前要…: staged years
    assert _dues(tasks["1-4"]) == ["2032"]  # …，2032年全面推广…
    assert _dues(tasks["1-5"]) == ["2031"]  # the same phrase twice: one deadline
    assert "2031" not in _dues(tasks["1-6"])  # 2031年要重点…: a year's focus, no deadline


# --- 5. 具体措施： with one unnumbered measure closing with its own bracket: item 1 ---

ONE_MEASURE = (
    "全国农村人居环境整治工作会议重点任务分工方案\n\n"
    "为落实会议部署，现制定如下分工方案。"
    "一、统筹推进农村人居环境整治"
    "（一）加快农村改厕，因地制宜选择改厕模式。（农业农村部牵头，国务院相关部门及各地区按职责分工负责）"
    "具体措施：1．开展农村户厕摸排，建立问题台账。（农业农村部及各地区按职责分工负责）"
    "2．2031年底前完成问题厕所整改。（农业农村部、国家卫生健康委按职责分工负责）"
    "（二）推进农村生活污水治理，提高治理率。（生态环境部牵头，国务院相关部门及各地区按职责分工负责）"
    "具体措施：2031年9月底前制定农村生活污水治理技术指南，分类推进治理。"
    "（生态环境部、住房城乡建设部牵头，各地区负责）"
    "（三）健全长效管护机制。（农业农村部牵头，各地区、各部门负责）"
    "具体措施：1．明确管护主体。（各地区负责）2．落实管护经费。（财政部及各地区按职责分工负责）"
    "各地区要加强组织领导。\n"
)


def test_one_unnumbered_measure_after_the_task_bracket_is_its_item_1(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, ONE_MEASURE))
    second = tasks["02"]
    assert second["roles"] == {"lead": ["生态环境部"], "responsible": ["国务院相关部门", "各地区"]}
    assert [item["id"] for item in second["items"]] == ["1"]
    measure = second["items"][0]
    assert measure["roles"] == {"lead": ["生态环境部", "住房城乡建设部"], "responsible": ["各地区"]}
    assert measure["due"][0]["date"].isoformat() == "2031-09-30"
    assert not any(due.get("date") for due in second.get("due", []))  # the measure dates itself
    assert [item["id"] for item in tasks["03"]["items"]] == ["1", "2"]
