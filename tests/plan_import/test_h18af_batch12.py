"""The twelfth batch opened (branch h18af, issue 18): the forms its files use that the importer
missed, each with a few lines of the real text (file named) and a variant written here that the
same code must also read (other numbering, other labels, other units)."""

from __future__ import annotations

from duban.plan_import.clauses import find_clause, is_clause
from duban.plan_import.five_year_end import broken_down_plan_start
from duban.plan_import.item_roles import without_bare_headings
from duban.plan_import.label_blocks import task_then_labels
from duban.plan_import.sentence_items import sentence_units
from helpers import import_whole, read_roles, tasks_by_id

# zhejiang-jiaxing-2022-chapter-table-cells-lost-digits.txt (the chapter and the table's first
# three rows, one cell a line)
JIAXING = (
    "2022年政府工作报告重点工作责任分解\n\n"
    "一、未来五年主要工作任务\n\n序号\n\n主 要 工 作 任 务\n\n责任单位\n\n"
    "1\n\n地区生产总值突破1万亿元。\n\n市发展改革委\n\n"
    "2\n\n规上工业总产值突破2万亿元。\n\n市经信局\n\n"
    "3\n\n财政总收入突破1700亿元,一般公共预算收入突破1000亿元。\n\n市财政局\n"
)


def test_a_numbered_table_under_a_chapter_keeps_its_numbers(tmp_path) -> None:
    """嘉兴 2022: 一、 above a 序号 table copied one cell a line: the rows keep the table's
    numbers (01 … in section 1, SOURCES.md: 有章标题行的表格)."""
    tasks = tasks_by_id(import_whole(tmp_path, JIAXING, 2022))
    assert list(tasks) == ["01", "02", "03"]
    assert [tasks[i]["section"] for i in tasks] == [1, 1, 1]
    assert tasks["03"]["roles"] == {"responsible": ["市财政局"]}


def test_a_table_per_chapter_whose_numbers_start_again_is_numbered_in_its_chapter(
    tmp_path,
) -> None:
    """Made up: two chapters, each over its own table whose 序号 starts at 1 again: the
    table's numbers do not run through the plan (1-1, 2-1 …)."""
    table = "序号\n\n工作任务\n\n责任单位\n\n1\n\n{0}\n\n{1}\n\n2\n\n{2}\n\n{3}\n\n"
    text = (
        "某县2023年重点工作分解\n\n一、经济发展\n\n"
        + table.format("新建标准厂房5万平方米。", "县工信局", "引进项目10个。", "县商务局")
        + "二、社会事业\n\n"
        + table.format("新建公园2个。", "县城管局", "新建养老院1所。", "县民政局")
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    assert list(tasks) == ["1-1", "1-2", "2-1", "2-2"]
    assert tasks["2-2"]["roles"] == {"responsible": ["县民政局"]}


# zhejiang-hangzhou-undated-mayor-group-rows-pipe-cells.txt (row 4, one cell a line)
HANGZHOU = (
    "序号\n|\n重点工作任务\n|\n责任单位\n|\n(二)戴建平常务副市长牵头重点工作\n|\n"
    "3\n|\n加快建设城西科创大走廊。\n|\n杭州城西科创产业集聚区管委会,市科技局、市发改委\n|\n"
    "4\n|\n推进人才创新创业服务综合体、全球青年人才中心建设。\n|\n"
    "市发改委、市人力社保局、市科技局、团市委配合落实\n|\n"
)


def test_units_a_cell_says_cooperate_cooperate_under_any_column(tmp_path) -> None:
    """杭州: ``A、B、C、D配合落实`` in the 责任单位 column: the verb the cell writes wins."""
    tasks = tasks_by_id(import_whole(tmp_path, HANGZHOU, 2020))
    cooperating = ["市发改委", "市人力社保局", "市科技局", "团市委"]
    assert read_roles(tasks["04"]) == {"cooperate": cooperating}
    assert "cooperate" not in tasks["03"]["roles"]


def test_a_cooperating_verb_after_a_label_variant_verbs(tmp_path) -> None:
    """Made up: other labels and verbs (协助, 配合实施), after a lead too; a label whose list
    has a comma keeps its units (the verb may be only the last group's)."""
    text = (
        "1.建设人才公寓。（责任部门：县人社局、县住建局协助）\n"
        "2.推进园区整合。（责任单位：县发改局牵头，县财政局配合落实）\n"
        "3.推进平台建设。（责任单位：县商务局、县科技局配合实施）\n"
        "4.推进改革。（责任单位：县发改局，各乡镇配合）\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    assert read_roles(tasks["01"]) == {"cooperate": ["县人社局", "县住建局"]}
    assert tasks["02"]["roles"] == {"lead": ["县发改局"], "cooperate": ["县财政局"]}
    assert read_roles(tasks["03"]) == {"cooperate": ["县商务局", "县科技局"]}
    assert tasks["04"]["roles"] == {"responsible": ["县发改局", "各乡镇"]}


# yunnan-chuxiong-2021-minsheng-circled-subitems.txt (the four levels down to ①, shortened)
CHUXIONG = (
    "一、工作任务\n"
    "(一)实施8项民生工程\n"
    "1.城乡居民增收工程\n"
    "(1)增加城镇居民收入\n"
    "①以就业促增收,增加城镇居民工资性收入。全面落实就业优先政策,帮助就业困难人员实现就业"
    "0.78万人。(牵头部门:州人力资源和社会保障局;责任单位:州就业工作领导小组各成员单位,"
    "10县市人民政府)\n"
)


def test_a_bare_heading_between_a_task_and_its_assigned_items_is_not_kept(tmp_path) -> None:
    """楚雄 2021: 1. / (1) with no units / ①…(牵头部门:X;责任单位:Y): ① is the task's sub-item,
    the (1) between them only its heading."""
    tasks = tasks_by_id(import_whole(tmp_path, CHUXIONG, 2021))
    items = tasks["1-1"]["items"]
    assert [item["id"] for item in items] == ["1"]
    assert items[0]["roles"]["lead"] == ["州人力资源和社会保障局"]
    assert "items" not in items[0]


def test_a_bare_heading_variant_and_headings_whose_items_would_repeat_stay(tmp_path) -> None:
    """Made up: another chapter, a (1) heading over ①② (lifted: items 1, 2); and two bare
    headings each over its own ① stay, their items' numbers would repeat once lifted."""
    text = (
        "二、民生实事\n"
        "(一)住房保障\n"
        "1.住房保障工程\n"
        "(1)保障性住房建设\n"
        "①新建公租房500套。(牵头部门:县住建局;责任单位:各乡镇)\n"
        "②改造棚户区300户。(牵头部门:县住建局)\n"
    )
    task = import_whole(tmp_path, text, 2023).tasks[0]
    assert [item["id"] for item in task["items"]] == ["1", "2"]
    assert task["items"][0]["roles"] == {"lead": ["县住建局"], "responsible": ["各乡镇"]}
    heading = {"id": "1", "label": "(1)", "text": "学前教育"}
    ones = [
        {**heading, "items": [{"id": "1", "roles": {"lead": ["县教育局"]}}]},
        {**heading, "id": "2", "items": [{"id": "1", "roles": {"lead": ["县住建局"]}}]},
    ]
    assert without_bare_headings(ones) == ones
    assert without_bare_headings(ones[:1]) == ones[0]["items"]


# tianjin-2006-shiyiwu-gangyao-inline-qiantou.txt (the numbered item and its paragraph; the
# fourth bracket wrapped onto the next line as in the page)
TIANJIN = (
    "二、责任主体及工作分工\n"
    "1.主要指标的责任部门。\n"
    "常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)万元地区生产总值能源消耗降低20%。"
    "(市经委牵头)万元工业增加值取水量降低20%。(市节水办、市经委牵头)耕地保有量保持在国务院确定的"
    "我市2010年耕地保有量面积。\n"
    "(市国土房管局牵头)主要污染物排放总量减少10%。(市环保局牵头)\n"
)


def test_sentences_each_closed_by_a_bracket_are_the_items_sub_items(tmp_path) -> None:
    """天津 2006: the numbered item names no units; each sentence with its bracket after it is
    a sub-item (1 … 5), the bracket wrapped onto the next line included (no closing words)."""
    result = import_whole(tmp_path, TIANJIN, 2006)
    task = result.tasks[0]
    assert not task.get("roles")
    assert [item["id"] for item in task["items"]] == ["1", "2", "3", "4", "5"]
    assert task["items"][0]["roles"] == {"lead": ["市人口计生委", "市公安局"]}
    assert task["items"][3]["roles"] == {"lead": ["市国土房管局"]}
    assert task["items"][4]["roles"] == {"lead": ["市环保局"]}
    assert not result.plan.get("closing")


def test_sentence_sub_items_variant_brackets_and_numbering(tmp_path) -> None:
    """Made up: a （一） item, full-width brackets with 负责 and a label; and a paragraph whose
    two brackets follow the heading's own sentence stays one task with both brackets' units."""
    text = (
        "一、重点指标\n"
        "（一）约束性指标的责任单位\n"
        "森林覆盖率达到45%。（县林业局负责）空气优良天数比例达到90%。（牵头单位：县生态环境局）"
        "万元GDP能耗下降3%。（县发改局、县工信局负责）\n"
        "（二）推进产业升级。实施技改项目20个。（县工信局牵头）新增规上企业15家。（县统计局配合）\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    items = tasks["1-1"]["items"]
    assert [item["roles"] for item in items] == [
        {"responsible": ["县林业局"]},
        {"lead": ["县生态环境局"]},
        {"responsible": ["县发改局", "县工信局"]},
    ]
    assert "items" not in tasks["1-2"]
    assert sentence_units("推进产业升级。\n实施技改项目。（县工信局牵头）") == []  # one only


# henan-zhengzhou-2012-shida-shishi-trad-pinyin-label-lines.txt (the group line and the two
# records; a web converter's pinyin after some characters, as in the page)
ZHENGZHOU = (
    "今年政府承諾的為民“十大實(shí)事”怎么做實(shí)?\n"
    "關(guān)鍵詞 教育\n"
    "市區(qū)新增優(yōu)質(zhì)中小學(xué)招生學(xué)位2.36萬(wàn)個(gè)。\n"
    "主管領(lǐng)導(dǎo):劉東\n責(zé)任單位:市教育局\n主要責(zé)任人:毛杰\n"
    "進(jìn)度安排:6月底前基本完成基建任務(wù);12月底前全部落實(shí),實(shí)現(xiàn)招生。\n"
    "市區(qū)新建、改擴(kuò)建中小學(xué)校30所,六縣(市)城區(qū)新建、改擴(kuò)建中小學(xué)校10所以上。\n"
    "主管領(lǐng)導(dǎo):劉東\n責(zé)任單位:市教育局\n主要責(zé)任人:毛杰\n"
    "進(jìn)度安排:6月底前,爭(zhēng)取在市區(qū)開工10所、六縣(市)開工4所;12月底前全部開工。\n"
)


def test_unnumbered_task_lines_with_their_labelled_lines_are_tasks(tmp_path) -> None:
    """郑州 2012: a task's line, then 主管領導: / 責任單位: / 主要責任人: / 進度安排: lines, no
    number: each record a task in order (01, 02), its leader, unit and every date read; the
    newspaper's group line 關鍵詞 教育 is no task."""
    tasks = tasks_by_id(import_whole(tmp_path, ZHENGZHOU, 2012))
    assert list(tasks) == ["01", "02"]
    assert tasks["01"]["roles"] == {"responsible": ["市教育局"]}
    assert [d["date"].isoformat() for d in tasks["02"]["due"]] == ["2012-06-30", "2012-12-31"]
    assert [leader["name"] for leader in tasks["01"]["leaders"]] == ["劉東"]


def test_unnumbered_task_lines_variant_labels_and_a_numbered_line(tmp_path) -> None:
    """Made up: other labels (牵头领导, 牵头单位, 配合单位, 完成时限) and three records; a line the
    document numbers itself is never renumbered by this reading."""
    text = (
        "某县2024年民生实事\n"
        "新建城市公园2个。\n牵头领导:王强\n牵头单位:县城管局\n完成时限:2024年10月底前\n"
        "改造农村公路50公里。\n牵头单位:县交通局\n配合单位:各乡镇\n完成时限:2024年12月底前\n"
        "新增养老床位300张。\n牵头单位:县民政局\n完成时限:2024年11月底前\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2024))
    assert list(tasks) == ["01", "02", "03"]
    assert tasks["02"]["roles"] == {"lead": ["县交通局"], "cooperate": ["各乡镇"]}
    assert tasks["03"]["due"][0]["date"].isoformat() == "2024-11-30"
    numbered = "1.新建公园。\n牵头单位:县城管局\n完成时限:10月\n2.改造公路。\n牵头单位:县交通局\n"
    assert task_then_labels(numbered) is None


def test_a_converters_pinyin_in_a_label_does_not_hide_the_clause() -> None:
    """郑州 2012 / 湘西 2020: ``責(zé)任單位`` is 責任單位 with a web converter's reading."""
    assert is_clause("責(zé)任單位：市教育局")
    clause = find_clause("新增學位。（牽(qiān)頭單位：市教育局；協(xié)辦單位：市財政局）")
    assert clause is not None and clause.roles == {"lead": ["市教育局"], "cooperate": ["市財政局"]}


# liaoning-shenyang-2026-subheading-dengyouguan-lines.txt (chapter, subheading, item, labels)
SHENYANG = (
    "一、增强扩大内需主动力,全力保持经济稳步增长\n\n"
    "(一)千方百计争取政策支持。\n\n"
    "1.准确把握国家政策导向、支持方向和资金投向,持续做好重大项目谋划储备和政策资金争取工作。\n\n"
    "牵头单位:市发展改革委\n\n"
    "责任单位:市财政局等有关部门,各区、县(市)政府及开发区管委会\n"
)


def test_the_clause_after_a_lone_sub_item_is_its_own(tmp_path) -> None:
    """沈阳 2026: (一) subheading / 1. / 牵头单位: / 责任单位: on their own lines: the lines
    are the 1.'s, the task (1-1, no sub-items), not the subheading's."""
    task = tasks_by_id(import_whole(tmp_path, SHENYANG, 2026))["1-1"]
    assert "items" not in task
    assert task["roles"]["lead"] == ["市发展改革委"]


def test_the_clause_after_a_lone_sub_item_variant(tmp_path) -> None:
    """Made up: full-width （一） over one 1. with its label lines, other units and 等有关部门."""
    text = (
        "一、加快城市更新，提升城市品质\n\n"
        "（一）推进老旧小区改造。\n\n"
        "1.改造老旧小区30个，完善养老托育等配套设施。\n\n"
        "牵头单位：区住建局\n\n"
        "责任单位：区民政局等有关部门，各街道办事处\n"
    )
    task = tasks_by_id(import_whole(tmp_path, text, 2023))["1-1"]
    assert "items" not in task
    assert task["roles"] == {"lead": ["区住建局"], "responsible": ["区民政局", "各街道办事处"]}


def test_the_year_of_a_five_year_plans_breakdown_is_the_plans_first(tmp_path) -> None:
    """天津 2006: no signing date, 文号 or year in the title; the notice breaks down the 第十一个
    五年规划纲要: the plan's year is 2006, not the 2010 of an indicator in the text."""
    text = (
        "市十四届人大四次会议批准了《天津市国民经济和社会发展第十一个五年规划纲要》 (以下简称"
        "《纲要》 )。为切实做好《纲要》实施工作,市人民政府决定,按照职责分工将《纲要》提出的主要"
        "目标和任务分解落实到各地区、各部门。现将有关事项通知如下:\n" + TIANJIN
    )
    assert import_whole(tmp_path, text).plan["period"]["start"].year == 2006


def test_the_year_of_a_five_year_plans_breakdown_variant() -> None:
    """Made up: “十三五”规划 with 分工 in the opening paragraph is 2016; a plan that only names
    the 十四五 in passing, or names it after its opening paragraph, gives no year this way."""
    assert broken_down_plan_start("关于印发“十三五”规划纲要主要目标任务分工方案的通知\n") == 2016
    assert broken_down_plan_start("今年是“十四五”规划的关键一年。\n一、分解任务") is None
    assert broken_down_plan_start("各部门:\n为落实第十四个五年规划,现将任务分解如下") is None
