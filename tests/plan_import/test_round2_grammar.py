"""The grammar of real plans, second round (issue 18, branch w-import-round2): each form quoted
from, or written after, a published plan of the tuned corpus files."""

from __future__ import annotations

from duban.plan_import import import_text
from duban.plan_import.agreement import compare
from duban.plan_import.units import ImportOrg


def test_a_task_whose_text_names_no_deadline_gets_the_marked_unwritten_form_not_ongoing() -> None:
    # 立山区2023年工作方案: “牵头单位：”“责任单位：”各占一行，任务本身没有写时间
    text = (
        "立山区2023年优化营商环境工作方案\n一、重点任务\n"
        "（一）深化“一网通办”。推进政务服务事项全程网办。\n牵头单位：区营商局\n"
        "（二）开展专项整治。2023年6月底前完成。\n牵头单位：区市场监管局\n"
    )
    result = import_text(text, ImportOrg(), "p")
    tasks = {t["id"]: t for t in result.tasks}
    unwritten = tasks["1-1"]["due"]
    assert unwritten == [
        {
            "kind": "ongoing",
            "id": "unwritten",
            "label": "原文未写完成时限",
            "as_written": "原文未写完成时限",
        }
    ]
    assert tasks["1-2"]["due"][0]["kind"] == "date"  # a written deadline stays what it says
    # compared with a hand-curated task that has no due, the marked form counts as no deadline
    hand = {"1-1": {"id": "1-1", "section": 1, "number": 1, "roles": {"lead": ["区营商局"]}}}
    agreement = compare({"1-1": tasks["1-1"]}, hand, result.org)
    assert agreement.deadlines == (0, 0) and agreement.roles == (1, 1)
    # but a real ongoing deadline (长期坚持) is still a deadline the comparison counts
    real = {**tasks["1-1"], "due": [{"kind": "ongoing", "as_written": "长期坚持"}]}
    assert compare({"1-1": real}, hand, result.org).deadlines == (0, 1)


def _tasks(text: str) -> dict[str, dict]:
    return {t["id"]: t for t in import_text(text, ImportOrg(), "p").tasks}


def test_the_first_listed_leads_rule_said_with_xia_tong_applies_from_there_on() -> None:
    # 海曙区2024年政府工作报告重点工作责任分解: the rule is said in task 二.2's clause, 下同
    tasks = _tasks(
        "2024年政府工作报告重点工作责任分解\n一、叶枝利区长牵头重点工作\n"
        "1.一般公共预算收入与经济增长基本同步。\n责任单位:区财政局\n"
        "二、张盈军区政府党组成员牵头重点工作\n"
        "1.全力保障项目建设,完成60万平方米征拆任务。\n"
        "责任单位:区房屋征收中心、区发改局、古林镇、石碶街道(列第一位者为牵头或汇总单位,下同)\n"
        "三、徐洪涛常务副区长牵头重点工作\n1.地区生产总值增长6%左右。\n责任单位:区发改局\n"
        "2.扩大有效投资。\n责任单位:区发改局、区财政局\n"
    )
    assert tasks["1-1"]["roles"] == {"responsible": ["区财政局"]}  # before the rule
    assert tasks["2-1"]["roles"] == {
        "lead": ["区房屋征收中心"],
        "responsible": ["区发改局", "古林镇", "石碶街道"],  # the rule's brackets go with it
    }
    # a unit alone under its label is first of nothing (the oracle of 海曙区 says so)
    assert tasks["3-1"]["roles"] == {"responsible": ["区发改局"]}
    assert tasks["3-2"]["roles"] == {"lead": ["区发改局"], "responsible": ["区财政局"]}  # 下同


def test_the_rule_without_xia_tong_in_a_footnote_applies_to_the_whole_plan() -> None:
    tasks = _tasks(
        "某市2020年工作要点\n一、重点工作\n1.推进项目建设。（责任单位：市发改委、市财政局）\n"
        "2.优化营商环境。（责任单位：市商务局）\n注：列第一位者为牵头单位。\n"
    )
    assert tasks["1-1"]["roles"] == {"lead": ["市发改委"], "responsible": ["市财政局"]}


def test_a_subheading_whose_items_each_carry_a_clause_is_a_heading_not_a_task() -> None:
    # 平顶山市2013年政府工作报告重点工作分解: 一、/（一）heading/1. with its own clause lines,
    # numbered on across （一）（二）
    tasks = _tasks(
        "平顶山市2013年重点工作分解\n一、加快产业转型\n(一)调整优化存量\n"
        "1.对传统优势产业加大帮扶力度。\n牵头单位:市工业和信息化局\n责任单位:市发改委、市商务局\n"
        "2.加快产业产品结构调整。\n牵头单位:市发改委\n责任单位:市工业和信息化局\n"
        "(二)着力扩大增量\n3.装备制造产业，重点抓好基地建设。\n牵头单位:市发改委\n"
        "责任单位:高新区管委会\n"
    )
    assert sorted(tasks) == ["1-1", "1-2", "1-3"]
    assert tasks["1-1"]["roles"] == {
        "lead": ["市工业和信息化局"],
        "responsible": ["市发改委", "市商务局"],
    }
    assert tasks["1-2"]["roles"] == {"lead": ["市发改委"], "responsible": ["市工业和信息化局"]}
    assert "items" not in tasks["1-2"]  # the clause after 2. is 2.'s, not （一）'s
    # 下陆区: a bracketed clause at the end of each 1、
    tasks = _tasks(
        "2020年区政府重点工作责任分解\n一、全力统筹疫情防控\n(一)坚持常态化疫情防控\n"
        "1、抓好疫情防控工作。[牵头单位:区卫健局;责任单位:各街办(新区)]\n"
        "2、开展环境卫生综合整治。[牵头单位:区卫健局、区创文办;责任单位:各街办(新区)]\n"
    )
    assert tasks["1-2"]["roles"] == {
        "lead": ["区卫健局", "区创文办"],
        "responsible": ["各街办(新区)"],
    }


def test_a_task_with_sub_items_and_one_clause_after_them_stays_one_task() -> None:
    tasks = _tasks(
        "某县2024年工作方案\n一、任务\n（一）开展培训\n1.制定培训计划。\n2.组织集中培训。\n"
        "（牵头单位：县司法局）\n"
    )
    assert sorted(tasks) == ["1-1"] and len(tasks["1-1"]["items"]) == 2
    assert tasks["1-1"]["roles"] == {"lead": ["县司法局"]}


def test_a_department_clause_on_the_line_after_the_leader_line() -> None:
    # 广东省2021年省《政府工作报告》重点任务分工方案 (粤府〔2021〕22号)
    tasks = _tasks(
        "2021年省《政府工作报告》重点任务分工方案\n一、2021年经济社会发展主要预期目标\n"
        "1.地区生产总值增长6%以上。\n分管省领导:林克庆\n部门分工:省发展改革委牵头,各地、各部门配合。\n"
    )
    assert tasks["1-1"]["roles"] == {"lead": ["省发展改革委"], "cooperate": ["各地", "各部门"]}
    assert [leader["name"] for leader in tasks["1-1"]["leaders"]] == ["林克庆"]


def test_a_notice_cut_above_its_title_starts_the_plan_after_the_attachment_mark() -> None:
    # 湖州市2020年政府工作报告重点工作责任分解: the page starts at the addressees; the notice
    # lists 附件：1.… 2.…, then 附件1 and the plan's title; 工作牵头单位或汇总单位
    tasks = _tasks(
        "各区县人民政府,市府各部门:\n《2020年政府工作报告重点工作责任分解》已经市政府同意,现印发给你们。\n"
        "附件:1.2020年政府工作报告重点工作责任分解\n2.十方面民生实事责任分解\n"
        "湖州市人民政府办公室\n2020年5月22日\n附件1\n2020年政府工作报告重点工作责任分解\n"
        "一、王纲市长主抓重点工作\n1.坚定不移支持企业发展。\n"
        "责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)\n"
    )
    assert sorted(tasks) == ["1-1"]
    assert tasks["1-1"]["roles"] == {"lead": ["市经信局"], "responsible": ["市财政局", "市税务局"]}


def test_a_remark_after_the_names_in_the_clause_is_no_unit() -> None:
    # 四川省现代流通体系建设方案 (2022)
    tasks = _tasks(
        "四川省2022年现代流通体系建设方案\n一、深化现代流通市场化改革\n"
        "(一)加强市场体系建设。推进高标准市场体系建设。〔责任单位:省发展改革委、省市场监管局、"
        "商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕\n"
    )
    assert tasks["1-1"]["roles"] == {"responsible": ["省发展改革委", "省市场监管局", "商务厅"]}


def test_the_pinyin_a_converting_page_left_in_a_name_is_no_part_of_it() -> None:
    # 湘西州2020年深化“放管服”改革优化营商环境工作计划 (州政发〔2020〕5号), traditional
    tasks = _tasks(
        "湘西州2020年工作計劃\n一、進一步提升政務服務效能\n"
        "1.加大簡政放權力度。(牽頭單位:州行政審批服務局;責任單位:州司法局,"
        "湘西經(jīng)開區(qū)管委會,6月底完成)\n"
    )
    assert tasks["1-1"]["roles"] == {
        "lead": ["州行政審批服務局"],
        "responsible": ["州司法局", "湘西經開區管委會"],
    }
    assert "經(jīng)開區(qū)" in tasks["1-1"]["text"]  # the text keeps what the page wrote


def test_a_year_the_task_aims_at_in_its_text_is_its_deadline() -> None:
    # 山东省2023年绿色低碳高质量发展重点工作任务 (鲁政办字〔2023〕5号): 力争2023年… in the text,
    # a clause with the lead unit only
    tasks = _tasks(
        "山東省2023年重點工作任務\n一、深入實施創新驅動發展戰略\n"
        "1.完善實驗室體系。力爭2023年全國重點實驗室達到25家以上。(牽頭單位:省科技廳)\n"
        "2.加強創新平臺建設。推動省級創新平臺爭創國字號創新平臺。(牽頭單位:省科技廳)\n"
    )
    assert tasks["1-1"]["due"] == [{"kind": "period", "period": "2023", "as_written": "力爭2023年"}]
    assert tasks["1-2"]["due"][0]["id"] == "unwritten"  # nothing invented for the other


def test_a_starred_unit_leads() -> None:
    # SOURCES.md's convention: “★”标记同理 (the marked unit leads, the others are responsible)
    tasks = _tasks(
        "某区2024年重点工作任务\n一、重点工作\n1.推进项目建设。（责任单位：区发改局、★区财政局、区住建局）\n"
    )
    assert tasks["1-1"]["roles"] == {"lead": ["区财政局"], "responsible": ["区发改局", "区住建局"]}


def test_the_leader_a_section_heading_names_leads_each_of_its_tasks_as_a_person() -> None:
    # 海曙区 2024 (一、叶枝利区长牵头重点工作), 湖州市 2020 (一、王纲市长主抓重点工作)
    result = import_text(
        "2024年政府工作报告重点工作责任分解\n一、叶枝利区长牵头重点工作\n"
        "1.一般公共预算收入与经济增长基本同步。\n责任单位:区财政局\n"
        "二、张盈军区政府党组成员牵头重点工作\n1.推动临空经济示范区建设。\n责任单位:临空航空口岸局\n"
        "三、稳定经济增长\n1.地区生产总值增长6%左右。\n责任单位:区发改局\n",
        ImportOrg(),
        "p",
    )
    tasks = {t["id"]: t for t in result.tasks}
    assert tasks["1-1"]["leaders"] == [
        {"name": "叶枝利", "post": "区长", "text": "叶枝利区长牵头重点工作"}
    ]
    assert tasks["2-1"]["leaders"][0]["name"] == "张盈军"
    assert tasks["2-1"]["leaders"][0]["post"] == "区政府党组成员"
    assert "leaders" not in tasks["3-1"]  # a heading that names no one
    assert tasks["1-1"]["roles"] == {"responsible": ["区财政局"]}  # a person is never a unit
    assert [f.what for f in result.leaders] == ["叶枝利", "张盈军"]


def test_items_numbered_from_1_under_each_subheading_are_numbered_on_in_the_section() -> None:
    # h18ai: with a second chapter (二、); one chapter alone is SOURCES.md's tenth-batch rule
    # (its (一)(二) are the sections: test_h18ai_forms.py)
    text = (
        "某区2020年重点工作责任分解\n一、全力统筹疫情防控\n(一)坚持常态化疫情防控\n"
        "1、抓好疫情防控工作。[牵头单位:区卫健局]\n2、开展环境卫生综合整治。[牵头单位:区创文办]\n"
        "(二)恢复经济秩序\n1、帮助企业复工。[牵头单位:区经信局]\n2、稳定就业。[牵头单位:区人社局]\n"
        "二、改善民生\n1、新增城镇就业。[牵头单位:区人社局]\n"
    )
    result = import_text(text, ImportOrg(), "p")
    tasks = {t["id"]: t for t in result.tasks}
    assert sorted(tasks) == ["1-1", "1-2", "1-3", "1-4", "2-1"]  # one number each: valid data
    assert (tasks["1-3"]["number"], tasks["1-3"]["numeral"]) == (3, "1")
    assert tasks["1-3"]["roles"] == {"lead": ["区经信局"]}
    assert any("连续编号" in f.what for f in result.assumptions)
