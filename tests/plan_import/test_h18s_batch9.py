"""Forms the ninth batch showed the importer still missed (issue 18, twelfth round, branch h18s),
each read by general means. Texts marked "real" are quoted (shortened where "…" says so) from the
published pages of tests/fixtures/import/corpus/ (SOURCES.md gives each file's address); texts
marked "made up" are variants written for this test (another numbering, another label) that the
same reading must also take: the guard against a fix that fits one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import import_whole

pytestmark = pytest.mark.usefixtures("chinese")


# --- 由X负责…: who does it opens the task's sentence ---------------------------------------

# Real: gansu-lanzhou-undated-vice-mayor-lead-lines.txt (shortened).
LANZHOU = (
    "1、在兰州设立综合配套改革试验区事宜\n"
    "由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成《兰州综合配套改革试验区实施方案》,"
    "经市政府审定后报省政府审批。\n"
    "2、兰州城市轨道交通项目\n"
    "由吴继德副市长负责,市建设局牵头,市发改委配合,按照要求进一步修改完善项目建设方案。\n"
)
# Real: shaanxi-pingli-undated-zhenggai-yaoqiu-supervise.txt (shortened), an 整改 list.
PINGLI = (
    "1、西大桥西侧河边堤岸警示牌沿线有垃圾死角和建筑垃圾。\n"
    "整改要求:由县环卫站负责清除上述地段垃圾死角和建筑垃圾。\n"
    "2、平利花园对面迎宾大道南围墙上有牛皮癣和野广告。\n"
    "整改要求:由包片单位县气象局负责清除。\n"
    "3、陈家坝药妇沟口至西大桥入口沿线商户出店占道经营问题较为突出。\n"
    "整改要求:按照先劝阻、再强制的要求,由陈家坝沿线包片单位县职教中心、县消防大队、县委党校负责"
    "对各自片区出店商户开展经常性劝阻教育。\n"
    "请各相关单位对本次巡查的问题认真整改,整改落实情况及时报县双创办。\n"
)
# Made up: another numbering, 由…牵头 with the others after it, a county head, no line break.
BY_VARIANTS = (
    "某县2023年重点工作分工\n"
    "（一）推进老旧小区改造。由王明副县长负责，县住建局牵头，县财政局、县自然资源局配合，"
    "年内完成改造20个小区。\n"
    "（二）整治农村人居环境。由县农业农村局、各乡镇人民政府负责组织开展村庄清洁行动。\n"
)


def test_a_vice_mayor_with_a_lead_and_cooperating_units(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, LANZHOU).tasks)
    assert [t["roles"] for t in tasks] == [
        {"lead": ["市发改委"], "cooperate": ["相关部门"]},
        {"lead": ["市建设局"], "cooperate": ["市发改委"]},
    ]
    assert [[leader["name"] for leader in t["leaders"]] for t in tasks] == [["杨志武"], ["吴继德"]]


def test_an_fix_list_by_unit_and_its_last_item_before_the_closing(tmp_path: Path) -> None:
    result = import_whole(tmp_path, PINGLI)
    roles = [t["roles"] for t in result.tasks]
    assert roles == [
        {"responsible": ["县环卫站"]},
        {"responsible": ["县气象局"]},
        {"responsible": ["县职教中心", "县消防大队", "县委党校"]},
    ]
    assert "劝阻教育" in result.tasks[-1]["text"]  # the last item keeps its 整改要求 line
    assert "请各相关单位" not in result.tasks[-1]["text"]


def test_by_sentences_in_other_numbering_and_wording(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, BY_VARIANTS, 2023).tasks)
    assert tasks[0]["roles"] == {"lead": ["县住建局"], "cooperate": ["县财政局", "县自然资源局"]}
    assert [leader["name"] for leader in tasks[0]["leaders"]] == ["王明"]
    assert tasks[1]["roles"] == {"responsible": ["县农业农村局", "各乡镇人民政府"]}


def test_a_by_sentence_that_names_no_unit_is_no_assignment(tmp_path: Path) -> None:
    text = (
        "1.由此带来的风险要负责化解，做好预案。（责任单位：县应急局）\n"
        "2.由于情况复杂负责同志要亲自抓。\n"
    )
    tasks = list(import_whole(tmp_path, text, 2023).tasks)
    assert [t["roles"] for t in tasks] == [{"responsible": ["县应急局"]}]


# --- 问题整改责任单位: after a group's problems, for the whole group ---------------------------

# Real: hubei-jingzhou-undated-chuangwen-wenti-qingdan-subitems.txt (two of the four groups).
JINGZHOU = (
    "具体问题如下:\n\n"
    "1. 市科技馆\n\n"
    "(1)院内电动车未按指定区域停放;\n\n"
    "(2)灭火器过期未更换;\n\n"
    "(3)意见簿投诉记录和回复处理记录不规范。\n\n"
    "问题整改责任单位:市科技馆 整改时限:3天\n\n"
    "2. 市第二人民医院\n\n"
    "(1)院内禁烟标识数量不达标;\n\n"
    "(2)宣传牌内容不规范。\n\n"
    "问题整改责任单位:市卫生健康委员会 整改时限:5天\n"
)
# Made up: 一、 groups with ① problems, 整改牵头单位 and 配合单位 after them.
GROUP_VARIANT = (
    "一、城东农贸市场\n"
    "①摊位占道经营；\n"
    "②垃圾清运不及时。\n"
    "整改牵头单位：区市场监管局；配合单位：城东街道办事处\n"
    "二、人民公园\n"
    "①公厕卫生差；\n"
    "②宣传栏破损；\n"
    "③禁烟标识缺失。\n"
    "整改牵头单位：区城管局\n"
)


def test_problems_under_a_place_with_one_fix_unit_after_them(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, JINGZHOU).tasks)
    assert [(t["id"], t["roles"]) for t in tasks] == [
        ("01", {"responsible": ["市科技馆"]}),
        ("02", {"responsible": ["市卫生健康委员会"]}),
    ]
    assert [len(t["items"]) for t in tasks] == [3, 2]
    assert tasks[0]["roles_as_written"].startswith("问题整改责任单位:市科技馆")  # as written
    assert "unwritten" in [d.get("id") for d in tasks[0]["due"]]  # 整改时限:3天 is no date


def test_groups_in_another_numbering_with_a_lead_and_cooperating_unit(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, GROUP_VARIANT, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"lead": ["区市场监管局"], "cooperate": ["城东街道办事处"]},
        {"lead": ["区城管局"]},
    ]
    assert [len(t["items"]) for t in tasks] == [2, 3]


def test_sub_items_with_clauses_of_their_own_stay_the_tasks(tmp_path: Path) -> None:
    text = (
        "1. 市科技馆\n"
        "(1)灭火器过期未更换。（责任单位：市消防救援支队）\n"
        "(2)意见簿记录不规范。\n"
        "责任单位:市科技馆\n"
        "2. 市图书馆\n"
        "(1)消防通道堵塞。（责任单位：市消防救援支队）\n"
        "(2)宣传栏破损。\n"
        "责任单位:市图书馆\n"
    )
    tasks = list(import_whole(tmp_path, text, 2023).tasks)
    assert len(tasks) == 4 and "items" not in tasks[0]


# --- labels on lines of their own, each cell under its label ----------------------------------

# Real: hebei-chengan-2026-xiaohao-label-cells.txt (shortened).
CHENGAN = (
    "关于第三轮省生态环境保护督察整改任务销号的公示\n\n"
    "附件:具体整改情况表\n\n"
    "具体整改情况表\n\n"
    "整改任务\n\n \n\n"
    "河长巡查流于形式。2025年,成安县商城镇生产团结西干渠镇、村两级河长巡查522次,仅发现2处垃圾问题。\n\n"
    "责任单位\n\n"
    "成安县水利局、市生态环境局成安县分局、市政公用事业服务中心、商城镇\n\n"
    "整改目标\n\n"
    "强化基层河长责任落实。\n\n"
    "整改措施\n\n"
    "(一)强化履职监督。加强河长履职能力培训,提高基层河长履职能力。\n\n"
    "(二)加强排查整治。对反馈问题限期整改到位,建立台账,动态清零。\n"
)
# Made up: other labels (工作任务 / 牵头单位 / 配合单位 / 完成时限), no blank lines.
LABEL_LINES_VARIANT = (
    "工作任务\n"
    "推进城区雨污分流改造，完成管网建设12公里。\n"
    "牵头单位\n"
    "县住建局\n"
    "配合单位\n"
    "县财政局、县自然资源局\n"
    "完成时限\n"
    "2024年12月底前\n"
)


def test_a_vertical_table_with_its_labels_on_their_own_lines(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, CHENGAN, 2026).tasks)
    assert len(tasks) == 1
    assert tasks[0]["roles"] == {
        "responsible": ["成安县水利局", "市生态环境局成安县分局", "市政公用事业服务中心", "商城镇"]
    }
    assert tasks[0]["title"].startswith("河长巡查流于形式")
    assert [i["label"] for i in tasks[0]["items"]] == ["(一)", "(二)"]  # the 整改措施 cell's steps


def test_label_lines_with_other_labels_and_a_deadline(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, LABEL_LINES_VARIANT, 2024).tasks)
    assert len(tasks) == 1
    assert tasks[0]["roles"] == {"lead": ["县住建局"], "cooperate": ["县财政局", "县自然资源局"]}
    assert [str(d.get("date")) for d in tasks[0]["due"]] == ["2024-12-31"]


# --- names: 相关市、县政府 is one group; A和B及C is three units -----------------------------------

# Real: heilongjiang-province-undated-wenzengzhang-trad-fuze.txt (traditional, shortened).
HEILONGJIANG = (
    "一、推進重大基礎設施建設\n"
    "1.抓住國家加快鐵路建設機遇,今明兩年投資530億元。(省發改委、鐵路辦、哈爾濱鐵路局、相關市、縣政府負責)\n"
    "2.加快國省幹道和農村公路建設。(省發改委、交通運輸廳、相關市、縣政府負責)\n"
)
# Real: neimenggu-province-2013-huboyinyu-lead-cooperate-mengshi.txt (shortened).
NEIMENGGU = (
    "一、重点任务\n"
    "(一) 国家综合能源基地。统筹煤炭、油气资源的勘探开发。(自治区能源开发局牵头,自治区发展改革委、"
    "经济和信息化委、国土资源厅、环保厅和内蒙古电力监管办及相关盟市配合)\n"
)
# Made up: 有关县、区政府 and A与B和C in a labelled clause.
NAMES_VARIANT = (
    "1.推进县域商业体系建设。（牵头单位：县商务局；配合单位：县财政局与县交通运输局和县邮政管理局、"
    "有关县、区政府）\n"
)


def test_a_group_of_related_levels_is_one_group(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, HEILONGJIANG).tasks)
    assert tasks[0]["roles"]["responsible"] == [
        "省發改委",
        "鐵路辦",
        "哈爾濱鐵路局",
        "相關市、縣政府",
    ]
    assert tasks[1]["roles"]["responsible"][-1] == "相關市、縣政府"


def test_two_conjunctions_in_one_piece_part_three_units(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, NEIMENGGU, 2013).tasks)
    assert tasks[0]["roles"]["cooperate"] == [
        "自治区发展改革委",
        "经济和信息化委",
        "国土资源厅",
        "环保厅",
        "内蒙古电力监管办",
        "相关盟市",
    ]


def test_names_variant_with_other_conjunctions_and_a_group(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, NAMES_VARIANT, 2023).tasks)
    assert tasks[0]["roles"]["cooperate"] == [
        "县财政局",
        "县交通运输局",
        "县邮政管理局",
        "有关县、区政府",
    ]


# --- the year of a cited plan in the title is not the plan's --------------------------------

# Real: neimenggu-province-2013-huboyinyu-lead-cooperate-mengshi.txt (shortened).
NEIMENGGU_HEAD = (
    "内蒙古自治区人民政府办公厅关于印发自治区贯彻落实国家《呼包银榆经济区发展规划(2012—2020年)》"
    "重点工作分工方案的通知\n\n"
    "发布日期:2013-05-23    浏览次数:2\n\n"
    "自治区贯彻落实国家\n\n"
    "  《呼包银榆经济区发展规划(2012—2020年)》重点工作分工方案\n\n"
    "  一、战略定位\n\n"
    "  (一) 国家综合能源基地。统筹煤炭、油气资源的勘探开发。(自治区能源开发局牵头,"
    "自治区发展改革委配合)\n"
)
# Made up: a county's plan for a city's cited plan, its own year only in a deadline.
CITED_VARIANT = (
    "某县落实《某市国土空间总体规划（2021—2035年）》重点任务分工方案\n"
    "1.完成县级国土空间总体规划报批，2024年6月底前完成。（牵头单位：县自然资源局）\n"
)


def test_the_cited_plans_period_in_the_title_is_not_the_plans_year(tmp_path: Path) -> None:
    result = import_whole(tmp_path, NEIMENGGU_HEAD)
    assert result.plan["period"]["start"].year == 2013  # the page's 发布日期, not 2012


def test_a_cited_plans_period_gives_way_to_the_texts_own_year(tmp_path: Path) -> None:
    result = import_whole(tmp_path, CITED_VARIANT)
    assert result.plan["period"]["start"].year == 2024
    assert str(result.tasks[0]["due"][0]["date"]) == "2024-06-30"


# --- the same without 由, and labels written with a space or with 主体 -------------------------
# Made up (the forms the ninth batch's 由 lines stand for, as other offices write them); each
# was read as no task at all before this round.

BARE_LEAD = (
    "某县2023年重点工作分工\n"
    "1、推进老旧小区改造\n"
    "县住建局牵头，县财政局配合，年内完成改造20个小区。\n"
    "2、整治农村人居环境\n"
    "县农业农村局负责，组织开展村庄清洁行动。\n"
)
BARE_INLINE = (
    "某县2023年重点工作分工\n"
    "1.推进老旧小区改造。县住建局负责组织实施，年内完成改造20个小区。\n"
    "2.整治农村人居环境。具体由县农业农村局承办。\n"
)
LABEL_FORMS = (
    "某县2023年重点工作分工\n"
    "1.推进老旧小区改造，年内完成改造20个小区。\n"
    "责任单位 县住建局\n"
    "2.整治农村人居环境，开展村庄清洁行动。责任主体：县农业农村局\n"
)


def test_a_unit_that_leads_at_the_start_of_the_line_under_the_title(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, BARE_LEAD, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"lead": ["县住建局"], "cooperate": ["县财政局"]},
        {"responsible": ["县农业农村局"]},
    ]


def test_a_unit_in_charge_opening_a_sentence_or_named_by_juti_you(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, BARE_INLINE, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"responsible": ["县住建局"]},
        {"responsible": ["县农业农村局"]},
    ]


def test_a_sentence_that_only_starts_with_a_unit_is_no_assignment(tmp_path: Path) -> None:
    """h18ak: a unit as the subject of 要 / 应 / 须 does the work (SOURCES.md 第十七批, the
    unit named as the sentence's subject is responsible): 县住建局要… is now an assignment; a
    unit that only starts a sentence (县财政局负有…) or a general call (各地要…) stays none."""
    text = "1.县住建局要加快推进老旧小区改造。\n2.县财政局负有资金保障责任。\n3.各地要高度重视。\n"
    tasks = import_whole(tmp_path, text, 2023).tasks
    assert [(t["number"], t["roles"]) for t in tasks] == [(1, {"responsible": ["县住建局"]})]


def test_a_label_with_a_space_for_its_colon_and_a_responsible_body(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, LABEL_FORMS, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"responsible": ["县住建局"]},
        {"responsible": ["县农业农村局"]},
    ]


# Made up: 主要负责单位：, 责任单位为X。, a lead-in ending in 由, a modal verb after the name.
MORE_FORMS = (
    "某县2023年重点工作分工\n"
    "1.推进老旧小区改造。\n主要负责单位：县住建局\n"
    "2.整治农村人居环境。责任单位为县农业农村局。\n"
    "3.推进数字乡村建设。此项工作由县工信局负责。\n"
    "4.加强食品安全监管。县市场监管局要牵头抓好落实。\n"
)


def test_more_ways_to_name_the_unit_in_charge(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, MORE_FORMS, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"responsible": ["县住建局"]},
        {"responsible": ["县农业农村局"]},
        {"responsible": ["县工信局"]},
        {"lead": ["县市场监管局"]},
    ]


# --- 整改 lists numbered 问题1：, units after a closing dash -----------------------------------
# Made up (forms of 整改 lists and 督办 sheets like the ninth batch's three; none was read before).

PROBLEM_NUMBERS = (
    "某县2023年巡察反馈问题整改清单\n"
    "问题1：老旧小区改造进度滞后。\n整改措施：加快施工进度。\n责任单位：县住建局\n"
    "整改时限：2023年12月底\n"
    "问题2：农村人居环境整治不到位。\n整改措施：开展村庄清洁行动。\n责任单位：县农业农村局\n"
    "整改时限：2023年10月底\n"
)
DASH_UNITS = (
    "某县2023年巡察反馈问题整改清单\n"
    "1.老旧小区改造进度滞后，加快施工进度。——县住建局、县财政局\n"
    "2.农村人居环境整治不到位，开展村庄清洁行动。——县农业农村局\n"
)


def test_problems_numbered_with_a_word_before_the_number(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, PROBLEM_NUMBERS, 2023).tasks)
    assert [t["number"] for t in tasks] == [1, 2]
    assert [t["roles"] for t in tasks] == [
        {"responsible": ["县住建局"]},
        {"responsible": ["县农业农村局"]},
    ]
    assert [str(t["due"][0]["date"]) for t in tasks] == ["2023-12-31", "2023-10-31"]


def test_units_after_a_closing_dash(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, DASH_UNITS, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"responsible": ["县住建局", "县财政局"]},
        {"responsible": ["县农业农村局"]},
    ]


def test_a_dash_before_words_that_are_no_units_is_no_assignment(tmp_path: Path) -> None:
    text = "1.推进老旧小区改造——这是民生实事\n2.整治农村人居环境——持续推进\n"
    assert list(import_whole(tmp_path, text, 2023).tasks) == []


# --- the notice in traditional characters; a notice cited in 《》 is another document ----------

# Real: guangdong-shaoguan-2019-mixed-script-shouwei-lead.txt (shortened; mixed script).
SHAOGUAN = (
    "韶關市人民政府關于印發韶關市降低制造業企業成本支持實體經濟發展若幹政策措施(修訂版)的通知"
    "(韶府〔2019〕31號)\n\n"
    "各縣(市、區)人民政府,韶關新區,市政府各部門:\n"
    "  現將《韶關市降低制造業企業成本支持實體經濟發展若幹政策措施(修訂版)》印發給你們,"
    "請認真貫徹執行。\n\n"
    "韶關市降低制造業企業成本支持實體經濟發展若幹政策措施(修訂版)\n"
    "  根据《广东省人民政府关于印发广东省降低制造业企业成本支持实体经济發展若幹政策措施"
    "(修訂版)的通知》"
    "(粤府〔2018〕79号)精神,制定本政策措施。\n"
    "    一、政策措施\n"
    "  1.全市城鎮土地使用稅稅額標准下調。(責任單位:市稅務局、市財政局)\n"
)
# Made up: a simplified notice citing an older one; no date of its own, so the cited 文号 gives
# the year only as a last resort.
CITED_NOTICE = (
    "某县人民政府办公室关于印发某县优化营商环境行动方案的通知\n"
    "各乡镇人民政府：\n"
    "根据《某市人民政府关于印发某市优化营商环境行动方案的通知》（某政发〔2021〕5号）精神，制定本方案。\n"
    "一、重点任务\n"
    "1.压缩企业开办时间。（责任单位：县市场监管局）\n"
)


def test_a_traditional_notice_is_the_plans_and_a_cited_one_is_not(tmp_path: Path) -> None:
    result = import_whole(tmp_path, SHAOGUAN)
    assert result.plan["title"].startswith("韶關市降低制造業企業成本")
    assert result.plan["period"]["start"].year == 2019  # 韶府〔2019〕31號, not 粤府〔2018〕79号


def test_a_cited_notice_gives_the_year_only_as_a_last_resort(tmp_path: Path) -> None:
    result = import_whole(tmp_path, CITED_NOTICE)
    assert result.plan["title"] == "某县优化营商环境行动方案"
    assert result.plan["period"]["start"].year == 2021


# Made up: the units that lead on the line under each item, the last item's too (not the closing).
LEAD_LINES = (
    "某县2023年重点工作分工\n"
    "1.推进老旧小区改造。\n县住建局牵头，县财政局配合\n"
    "2.整治农村人居环境。\n县农业农村局牵头\n"
)


def test_a_lead_line_under_the_last_item_is_the_items(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, LEAD_LINES, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"lead": ["县住建局"], "cooperate": ["县财政局"]},
        {"lead": ["县农业农村局"]},
    ]


# Made up: unnumbered records of labelled lines, one task each (a 督办 sheet copied as text).
LABEL_BLOCKS = (
    "某县2023年重点工作分工\n"
    "工作任务：推进老旧小区改造\n责任单位：县住建局\n完成时限：2023年12月\n\n"
    "工作任务：整治农村人居环境\n责任单位：县农业农村局\n完成时限：2023年10月\n"
)
LABEL_BLOCKS_VARIANT = (
    "某县2023年重点工作分工\n"
    "重点任务：推进老旧小区改造\n牵头单位：县住建局\n配合单位：县财政局\n"
    "重点任务：整治农村人居环境\n牵头单位：县农业农村局\n"
)


def test_unnumbered_records_of_labelled_lines(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, LABEL_BLOCKS, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"responsible": ["县住建局"]},
        {"responsible": ["县农业农村局"]},
    ]
    assert [str(t["due"][0]["date"]) for t in tasks] == ["2023-12-31", "2023-10-31"]


def test_unnumbered_records_with_other_labels(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, LABEL_BLOCKS_VARIANT, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"lead": ["县住建局"], "cooperate": ["县财政局"]},
        {"lead": ["县农业农村局"]},
    ]


# Made up: the unit named before the task, in a bracket or before a colon.
FRONT_UNITS = (
    "某县2023年重点工作分工\n"
    "1.【县住建局】推进老旧小区改造，完成20个小区。\n"
    "2.（县农业农村局、县乡村振兴局）整治农村人居环境。\n"
    "3.县市场监管局：加强食品安全监管。\n"
)


def test_units_named_before_the_task(tmp_path: Path) -> None:
    tasks = list(import_whole(tmp_path, FRONT_UNITS, 2023).tasks)
    assert [t["roles"] for t in tasks] == [
        {"responsible": ["县住建局"]},
        {"responsible": ["县农业农村局", "县乡村振兴局"]},
        {"responsible": ["县市场监管局"]},
    ]


def test_a_subject_before_a_colon_that_names_no_level_is_no_unit(tmp_path: Path) -> None:
    text = "1.婴幼儿照护服务机构：3月底前新建成2家。\n2.养老服务中心：年内建成1个。\n"
    assert list(import_whole(tmp_path, text, 2023).tasks) == []
