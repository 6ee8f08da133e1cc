"""The fourteenth batch opened (branch h18ae, issue 18): the forms its three files use that the
importer missed, each with a line or two of the real text (file named) and a variant written
here that the same code must also read (another numbering, other labels)."""

from __future__ import annotations

from helpers import import_whole, tasks_by_id

# tianjin-undated-yiliaolianheti-pkulaw-toc-first-listed-fuze.txt (the three items, shortened)
TIANJIN = (
    "1.实行医疗联合体网格化管理。制定本市医疗联合体布局规划。"
    "(市卫生计生委、市人力社保局负责,排在第一位的为牵头部门,下同)\n"
    "2.落实不同医疗机构功能定位。加强人才和学科建设。(市卫生计生委负责)\n"
    "3.完善配套政策促进医疗联合体健康发展。完善医疗服务价格政策。"
    "(市卫生计生委、市发展改革委、市财政局负责)\n"
)


def test_a_unit_alone_under_the_first_listed_rule_stays_responsible(tmp_path) -> None:
    """天津: ``(X负责)`` after ``排在第一位的为牵头部门,下同`` names one unit, first of
    nothing: responsible, as under a label (sixth batch's rule, 海曙区 2024)."""
    tasks = tasks_by_id(import_whole(tmp_path, TIANJIN, 2018))
    assert tasks["01"]["roles"] == {"lead": ["市卫生计生委"], "responsible": ["市人力社保局"]}
    assert tasks["02"]["roles"] == {"responsible": ["市卫生计生委"]}
    assert tasks["03"]["roles"]["lead"] == ["市卫生计生委"]


def test_a_unit_alone_under_the_rule_variant_numbering_and_wording(tmp_path) -> None:
    """Made up: （一） items, ``列第一位者为牵头单位，下同`` and a lone unit with 牵头."""
    text = (
        "一、主要任务\n"
        "（一）推进分级诊疗。（县卫健委、县医保局负责，列第一位者为牵头单位，下同）\n"
        "（二）加强基层队伍建设。（县人社局牵头）\n"
        "（三）完善家庭医生签约服务。（县卫健委、县财政局、各乡镇负责）\n"
        "（四）推进医保支付方式改革。（县医保局）\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    assert tasks["1-1"]["roles"] == {"lead": ["县卫健委"], "responsible": ["县医保局"]}
    assert tasks["1-2"]["roles"] == {"lead": ["县人社局"]}  # written 牵头: stays the lead
    assert tasks["1-3"]["roles"] == {"lead": ["县卫健委"], "responsible": ["县财政局", "各乡镇"]}
    assert tasks["1-4"]["roles"] == {"responsible": ["县医保局"]}  # alone, no verb
