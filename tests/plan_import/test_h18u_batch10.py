"""Forms the tenth batch showed the importer still missed (issue 18, thirteenth round, branch
h18u), each read by general means. Texts marked "real" are quoted (shortened where "…" says so)
from the published pages of tests/fixtures/import/corpus/ (SOURCES.md gives each file's address);
texts marked "made up" are variants written for this test (another numbering, another label) that
the same reading must also take: the guard against a fix that fits one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.plan_import.action_year import action_year
from duban.plan_import.assessed_by import assessed_by
from duban.plan_import.five_year_end import five_year_end
from duban.plan_import.person_columns import without_working_person
from duban.plan_import.spaced_header import joined_spacing
from helpers import import_whole, read_roles

pytestmark = pytest.mark.usefixtures("chinese")


def _tasks(result) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {task["id"]: task for task in result.tasks}


# --- a letter-spaced header over space-separated rows ------------------------------------

# Real: national-guobanhan-2016-lianghua-space-rows.txt (shortened).
GUOBAN = (
    "2016年《政府工作报告》量化指标任务分工\n\n"
    "序号 工 作 任 务 牵头负责部门\n"
    "1 居民消费价格涨幅3%左右 发展改革委\n"
    "2 城镇新增就业1000万人以上 人力资源社会保障部\n"
    "3 安排财政赤字2.18万亿元,赤字率提高到3% 财政部\n"
)
# Made up: another spaced column name, a 责任单位 column, numbers with 、.
SPACED_VARIANT = (
    "某县2023年民生实事任务分解\n\n"
    "序 号 工作任务 责 任 单 位\n"
    "1 新建城市书房3家 县文旅局\n"
    "2 改造老旧小区12个 县住建局\n"
    "3 新增公办幼儿园学位600个 县教育局\n"
)


def test_spaced_words_are_joined_and_others_kept() -> None:
    assert joined_spacing(["序号", "工", "作", "任", "务", "牵头负责部门"]) == [
        "序号",
        "工作任务",
        "牵头负责部门",
    ]
    assert joined_spacing(["序", "号", "A", "工作"]) == ["序号", "A", "工作"]
    assert joined_spacing(["1", "年"]) == ["1", "年"]  # one character alone stays


def test_a_letter_spaced_header_names_the_lead_column(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, GUOBAN, 2016))
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["01"]["roles"] == {"lead": ["发展改革委"]}
    assert tasks["02"]["roles"] == {"lead": ["人力资源社会保障部"]}


def test_a_spaced_responsible_column_too(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, SPACED_VARIANT, 2023))
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["03"]["roles"] == {"responsible": ["县教育局"]}


# --- a role label after the comma of an item's name (progress bulletins) ------------------

# Real: anhui-luan-2021-minsheng-progress-numbered-ranking.txt (shortened).
LUAN = (
    "六安市1至9月份民生工程实施进度通报\n"
    "一、各县区民生工程实施进度综合排名\n"
    "1、金寨县;2、裕安区;3、霍山县。\n"
    "二、部分项目进展情况\n"
    "1、技能培训提升,牵头单位:市退役军人局。其中,退役军人技能培训提升进度较慢的为叶集区。\n"
    "2、养老服务和智慧养老,牵头单位:市民政局。其中,高龄津贴发放进度较慢的为霍邱县。\n"
)
# Made up: （一） numbering, full-width comma and colon, a 责任单位 label.
COMMA_VARIANT = (
    "某县2022年重点项目推进情况\n"
    "（一）城区污水管网改造，责任单位：县住建局、县水务局。\n"
    "（二）乡镇卫生院提升，责任单位：县卫健委。已完成主体工程。\n"
)


def test_a_label_after_the_items_name_gives_its_lead_and_ranks_are_no_tasks(
    tmp_path: Path,
) -> None:
    tasks = _tasks(import_whole(tmp_path, LUAN, 2021))
    assert sorted(tasks) == ["2-1", "2-2"]  # the ranking's 1、金寨县 … are no tasks
    assert tasks["2-1"]["roles"] == {"lead": ["市退役军人局"]}
    assert tasks["2-2"]["roles"] == {"lead": ["市民政局"]}


def test_a_responsible_label_after_a_full_width_comma(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, COMMA_VARIANT, 2022))
    assert tasks["01"]["roles"] == {"responsible": ["县住建局", "县水务局"]}
    assert tasks["02"]["roles"] == {"responsible": ["县卫健委"]}


# --- a converter's pinyin inside a role label -------------------------------------------

# Real: guangdong-province-2013-trad-pinyin-duban-lost-first-item.txt (shortened).
GUANGDONG = (
    "廣東省人民政府辦公廳關(guān)于印發(fā)2013年重點(diǎn)督辦建議提案的通知\n"
    "2.關(guān)于關(guān)注民生,加快落實(shí)長(zhǎng)洲島郵政儲(chǔ)蓄所建設(shè)的建議"
    "(第1389號(hào)。牽頭單位:省郵政局;協(xié)辦單位:廣東銀監(jiān)局,廣州市政府);\n"
    "3.關(guān)于建設(shè)國(guó)家北斗衛(wèi)星導(dǎo)航產(chǎn)業(yè)基地的建議"
    "(第1413號(hào)。牽頭單位:省經(jīng)濟(jì)和信息化委;協(xié)辦單位:中山市政府);\n"
)
# Made up: the pinyin in 配合 and 責任, simplified text, （一） numbering.
PINYIN_VARIANT = (
    "某市2020年重点工作分工\n"
    "（一）推进老旧小区改造（牵头单位：市住建局；配(pèi)合单位：市财政局、市自然资源局）。\n"
    "（二）新建公办幼儿园3所（牵头单位：市教育局；責(zé)任單位：各区政府）。\n"
)


def test_a_converters_pinyin_in_a_label_leaves_the_label(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, GUANGDONG, 2013))
    assert tasks["02"]["roles"] == {"lead": ["省郵政局"], "cooperate": ["廣東銀監局", "廣州市政府"]}
    assert tasks["03"]["roles"] == {"lead": ["省經濟和信息化委"], "cooperate": ["中山市政府"]}


def test_pinyin_in_a_simplified_label_too(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, PINYIN_VARIANT, 2020))
    assert tasks["01"]["roles"] == {"lead": ["市住建局"], "cooperate": ["市财政局", "市自然资源局"]}
    assert tasks["02"]["roles"] == {"lead": ["市教育局"], "responsible": ["各区政府"]}


# --- who assesses, in an item's closing sentence ------------------------------------------

# Real: town-undated-mubiao-zerenshu-assess-lead-in.txt (shortened; its item 4 numbered 3 here).
TOWN = (
    "农村工作年度目标责任书\n"
    "1、招商引资项目建设及全民创业25分,其中招商引资项目建设20分,全民创业5分。由镇工办负责考核。\n"
    "2、党建工作20分。其中:组织8分、纪检8分、宣传4分,具体考核细则由镇组织办、纪检办、宣传办负责。\n"
    "3、农村合作医疗5分。凡按时完成镇下达任务的得满分。由市二医院、党政办负责考核。\n"
)
# Made up: （一） numbering, 由X考核 without 负责, 评分工作由X负责.
ASSESS_VARIANT = (
    "某县2021年度部门绩效考核细则\n"
    "（一）安全生产10分。发生较大事故的不得分。由县应急局考核。\n"
    "（二）信访稳定10分。评分工作由县信访局负责。\n"
    "（三）营商环境10分。由县发展改革委、县市场监管局负责评分。\n"
)


def test_a_closing_sentence_names_who_assesses(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, TOWN, None))
    assert read_roles(tasks["01"]) == {"assess": ["镇工办"]}
    assert read_roles(tasks["02"]) == {"assess": ["镇组织办", "纪检办", "宣传办"]}
    assert read_roles(tasks["03"]) == {"assess": ["市二医院", "党政办"]}


def test_other_ways_of_saying_who_assesses(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, ASSESS_VARIANT, 2021))
    assert read_roles(tasks["01"]) == {"assess": ["县应急局"]}
    assert read_roles(tasks["02"]) == {"assess": ["县信访局"]}
    assert read_roles(tasks["03"]) == {"assess": ["县发展改革委", "县市场监管局"]}


def test_a_sentence_of_no_units_is_not_who_assesses() -> None:
    assert assessed_by("完成年度任务。由此带来的问题一并考核。") is None
    assert assessed_by("年底前完成。由镇工办负责考核。") == (6, 15, "考核单位：镇工办")


# --- a document-sharing site's numbered notices are chrome --------------------------------

SHARED_PAGE = (
    "农村工作年度目标责任书\n"
    "- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充、找答案等附加服务。\n"
    '- 2、"仅部分预览"的文档,不可在线预览部分如存在完整性等问题,可反馈申请退款。\n'
    "- 3、如文档侵犯您的权益,请联系客服反馈,我们会尽快为您处理(人工客服工作时间:9:00-18:30)。\n"
    "为推进农村各项工作,镇党委与各村签订年度目标管理责任书。\n"
    "1、招商引资项目建设25分。由镇工办负责考核。\n"
    "2、党建工作20分。由镇组织办负责考核。\n"
)
# Made up: another sharing site's notices, numbered with 1. and no dash.
SHARED_VARIANT = (
    "某乡2019年重点工作责任分解\n"
    "1.本文档由用户上传分享，本站不保证内容的准确性。\n"
    "2.如侵犯了您的权益，请联系客服删除。\n"
    "1.修缮乡村道路10公里（责任单位：乡交通站）。\n"
    "2.新建村级卫生室2个（责任单位：乡卫生院）。\n"
)


def test_a_sharing_sites_notices_do_not_take_the_items_numbers(tmp_path: Path) -> None:
    result = import_whole(tmp_path, SHARED_PAGE, None)
    tasks = _tasks(result)
    assert sorted(tasks) == ["01", "02"]
    assert read_roles(tasks["01"]) == {"assess": ["镇工办"]}
    assert any("下载文档前" in line for line in result.chrome)


def test_another_sites_notices_too(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, SHARED_VARIANT, 2019))
    assert tasks["01"]["roles"] == {"responsible": ["乡交通站"]}
    assert tasks["02"]["roles"] == {"responsible": ["乡卫生院"]}
    assert "本站" not in tasks["01"]["text"]


# --- the end of a five-year plan as a task's aim -------------------------------------------

# Real: jiangxi-province-2017-fanwen-blurb-first-listed-fuze.txt (shortened).
JIANGXI = (
    "关于支持鄱阳湖生态经济区建设的实施意见\n"
    "一、完善基础设施\n"
    "2、加快国省道升级改造,提升区域内公路等级。“十三五”末三级以上县道比重稳步提升,"
    "促进与周边县市的互联互通。(省发改委、省交通运输厅、省财政厅负责。列第一位的为牵头部门,下同)\n"
)
# Made up: 十四五期末 without quotes, 到“十四五”末, a bracketed clause with labels.
FIVE_YEAR_VARIANT = (
    "某市生态环境保护实施方案\n"
    "一、重点任务\n"
    "1.十四五期末全市森林覆盖率达到45%（牵头单位：市林业局）。\n"
    "2.到“十四五”末建成污水处理厂3座（牵头单位：市住建局）。\n"
)


def test_the_end_of_a_five_year_plan_is_that_years_aim(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, JIANGXI, 2017))
    (task,) = tasks.values()
    assert [(d["kind"], d["period"]) for d in task["due"]] == [("period", "2020")]


def test_other_five_year_plans_and_spellings(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, FIVE_YEAR_VARIANT, 2021))
    assert [d.get("period") for d in tasks["1-1"]["due"]] == ["2025"]
    assert [d.get("period") for d in tasks["1-2"]["due"]] == ["2025"]
    assert five_year_end("十三五规划提出的目标") is None  # the plan, not its end
    assert five_year_end("十三五末完成，十四五末巩固") is None  # two ends: none taken


# --- a 责任人 column beside a column of leaders is the working person ---------------------------

# Real: sichuan-guangyuan-zhaohua-2017-minsheng-pipe-quota-leader.txt (shortened).
ZHAOHUA = (
    "广元市昭化区2017年度民生工程目标任务分解表(一)\n"
    "项 目 | 目标 | 分 解 情 况 | 责任领导 | 责任单位 | 责任人 |\n"
    "就 业 促 进 工 程 | 促进城乡劳动者就业创业 | 城镇新增就业人数(人) | 1300 | "
    "元坝镇280 白果乡15 | 刘 强 | 区人社局 | 陈 宗 |\n"
)
# Made up: 序号, 分管领导 and 具体责任人 columns, two rows.
PERSON_VARIANT = (
    "某县2024年重点工作任务分解表\n"
    "序号 | 工作任务 | 分管领导 | 牵头单位 | 具体责任人\n"
    "1 | 新建城市书房3家 | 王 伟 | 县文旅局 | 李 明\n"
    "2 | 改造老旧小区12个 | 张 强 | 县住建局 | 赵 磊\n"
)


def _leaders(task: dict) -> list[str]:
    return [leader["name"] for leader in task.get("leaders") or []]


def test_the_working_person_beside_a_leader_is_no_leader(tmp_path: Path) -> None:
    result = import_whole(tmp_path, ZHAOHUA, 2017)
    (task,) = result.tasks
    assert _leaders(task) == ["刘强"]
    assert task["roles"] == {"responsible": ["区人社局"]}


def test_a_specific_responsible_person_beside_a_leader_too(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, PERSON_VARIANT, 2024))
    assert _leaders(tasks["01"]) == ["王伟"]
    assert _leaders(tasks["02"]) == ["张强"]
    assert tasks["02"]["roles"] == {"lead": ["县住建局"]}


def test_a_responsible_person_column_alone_still_names_leaders() -> None:
    kinds = {0: "text", 1: "leader", 2: "responsible"}
    assert without_working_person(["任务", "责任人", "责任单位"], kinds) == kinds
    both = {0: "leader", 1: "responsible", 2: "leader"}
    kept = without_working_person(["责任领导", "责任单位", "责任人"], both)
    assert kept == {0: "leader", 1: "responsible"}


# --- the one year a task's text names, opening what is done in it ------------------------------

# Real: national-guobanhan-2016-lianghua-space-rows.txt (shortened) and
# jiangxi-province-2017-fanwen-blurb-first-listed-fuze.txt (shortened).
ACTION_YEARS = (
    "2016年《政府工作报告》量化指标任务分工\n\n"
    "序号 工 作 任 务 牵头负责部门\n"
    "4 安排地方专项债券4000亿元 财政部\n"
    "5 中央财政安排1000亿元专项奖补资金,重点用于职工分流安置,2016年安排500亿元 财政部\n"
)
JIANGXI_YEAR = (
    "关于支持鄱阳湖生态经济区建设的实施意见\n"
    "一、完善基础设施\n"
    "1、加快构建环湖旅游快速通道。2017年开工建设鄱(阳)余(干)高等级公路,支持都昌至南昌高速公路"
    "列入高速公路网规划。(省发改委、省交通运输厅、省财政厅负责。列第一位的为牵头部门,下同)\n"
)
# Made up: 2023年建成 in a bracketed-clause plan; a year of comparison is no aim.
ACTION_VARIANT = (
    "某市城市更新行动方案\n"
    "一、重点任务\n"
    "（一）2023年建成口袋公园20个（牵头单位：市园林局）。\n"
    "（二）污水处理能力比2020年提高10%（牵头单位：市水务局）。\n"
)


def test_the_one_year_before_an_action_is_the_tasks_period(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, ACTION_YEARS, 2016))
    assert [d.get("period") for d in tasks["05"]["due"]] == ["2016"]
    assert [d["kind"] for d in tasks["04"]["due"]] == ["ongoing"]  # no year written
    (task,) = import_whole(tmp_path, JIANGXI_YEAR, 2017).tasks
    assert [d.get("period") for d in task["due"]] == ["2017"]


def test_a_year_built_in_and_a_year_compared_with(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, ACTION_VARIANT, 2023))
    assert [d.get("period") for d in tasks["1-1"]["due"]] == ["2023"]
    assert [d["kind"] for d in tasks["1-2"]["due"]] == ["ongoing"]
    assert action_year("2018年以来完成改造3处") is None
    assert action_year("2019年建成，2020年投用") is None  # two years: no one aim
