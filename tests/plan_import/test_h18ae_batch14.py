"""The fourteenth batch opened (branch h18ae, issue 18): the forms its three files use that the
importer missed, each with a line or two of the real text (file named) and a variant written
here that the same code must also read (another numbering, other labels)."""

from __future__ import annotations

from duban.plan_import.header_cells import cells
from duban.plan_import.table_numbers import cell_number, group_rows
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


# anhui-wuhu-2025-pipe-paren-numbers-group-rows-space-units.txt (rows 5–9 of the table and the
# group rows between them, the text of (8) shortened)
WUHU = (
    "序号 | 目标与任务 | 牵头责任单位 | 责任单位 |\n"
    "一、主要预期目标 | |||\n"
    "(1) | 地区生产总值增长6%以上。 | 市发展改革委 | 各县市区政府、 开发区管委会 |\n"
    "(2) | 固定资产投资增长6%左右。 | 市发展改革委 | 各县市区政府、 开发区管委会 |\n"
    "(3) | 单位GDP能耗和主要污染物减排完成省下达指标。 | 市发展改革委 市生态环境局"
    " | 各县市区政府、 开发区管委会 |\n"
    "二、重点做好以下九个方面工作 | |||\n"
    "(一)加强经济运行调节,持续推动经济发展质的有效提升和量的合理较快增长。 | |||\n"
    "1 | 大力提振消费。 | ||\n"
    "(4) | 统筹衔接消费券发放与消费品以旧换新行动,推动汽车消费转型升级。 | 市商务局"
    " | 市财政局 市工业和信息化局 各县市区政府、 开发区管委会 |\n"
    "(5) | 把促消费和惠民生结合起来,实施提振消费专项行动。 | 市发展改革委 市商务局"
    " | 市财政局 各县市区政府、 开发区管委会 |\n"
)


def test_bracketed_row_numbers_and_a_group_row_the_numbers_run_past(tmp_path) -> None:
    """芜湖 2025: 序号 cells ``(1)`` are the rows' numbers (they ran on across the chapters:
    two-digit ids); ``1 | 大力提振消费。 | ||`` between (3) and (4), with no unit, heads the
    rows below it: no task (SOURCES.md, 第十四批)."""
    result = import_whole(tmp_path, WUHU, 2025)
    tasks = tasks_by_id(result)
    assert list(tasks) == ["01", "02", "03", "04", "05"]
    assert [tasks[i]["section"] for i in tasks] == [1, 1, 1, 2, 2]
    assert tasks["03"]["roles"]["lead"] == ["市发展改革委", "市生态环境局"]
    assert tasks["04"]["roles"] == {
        "lead": ["市商务局"],
        "responsible": ["市财政局", "市工业和信息化局", "各县市区政府", "开发区管委会"],
    }
    assert "推动汽车消费转型升级。（1 大力提振消费。）（牵头单位：市商务局；" in tasks["04"]["text"]


def test_circled_row_numbers_and_a_group_row_variant(tmp_path) -> None:
    """Made up: ``⑴``/``（2）`` 序号 cells, a 完成时限 column, a group row ``2 | 稳就业。``
    whose number the run goes past, and a row whose unit cell was merged with the row above's
    (no unit, but its number follows on: still a task)."""
    text = (
        "序号 | 重点任务 | 责任单位 | 完成时限 |\n"
        "一、稳增长 | | | |\n"
        "⑴ | 加快重大项目建设，确保开工30个。 | 县发改委 | 2024年6月底前 |\n"
        "（2） | 推进招商引资，签约项目20个。 | 县商务局 | 2024年12月底前 |\n"
        "2 | 稳就业。 | | |\n"
        "（3） | 开展职业技能培训1000人次。 | 县人社局 | 2024年11月底前 |\n"
        "（4） | 新增城镇就业800人。 | | |\n"
        "（5） | 落实创业担保贷款。 | 县财政局 | 2024年12月底前 |\n"
    )
    result = import_whole(tmp_path, text, 2024)
    tasks = tasks_by_id(result)
    # (4), merged unit cell: as before; the table's 序号 keep two-digit ids as in 芜湖 2025 above
    # (h18af: the | 序号 | header is found in its line; this variant expected 1-1 … before)
    assert list(tasks) == ["01", "02", "03", "05"]
    assert tasks["01"]["roles"] == {"responsible": ["县发改委"]}
    assert tasks["03"]["roles"] == {"responsible": ["县人社局"]}
    assert tasks["03"]["text"].startswith("开展职业技能培训1000人次。（2 稳就业。）")
    assert tasks["03"]["due"][0]["date"].isoformat() == "2024-11-30"
    rows = [cells(line) for line in text.splitlines()]
    kinds = {0: "number", 2: "responsible", 3: "deadline"}
    assert group_rows(rows, kinds, 0) == {4}  # not (4): its number follows on from (3)
    assert [cell_number(c) for c in ("⑴", "（2）", "(12)", "3)", "⑧", "4、", "一")] == [
        "1",
        "2",
        "12",
        "3",
        "8",
        "4",
        None,
    ]


# guangdong-province-2013-trad-pinyin-duban-lost-first-item.txt: the whole text run into one line,
# the items parted by a space (the first item and its “(一)” lost in the reprint)
GUANGDONG = (
    "將今年督辦的建議提案工作事項(xiàng)通知如下: ? 一、督辦內(nèi)容和分工 ?"
    "。ㄒ唬┲攸c(diǎn)督辦的代表建議。 2.關(guān)于關(guān)注民生,加快落"
    "實(shí)長(zhǎng)洲島郵政儲(chǔ)蓄所建設(shè)的建議(第1389號(h"
    "ào)。牽頭單位:省郵政局;協(xié)辦單位:廣東銀監(jiān)局,廣州市政府); 3"
    ".關(guān)于建設(shè)國(guó)家北斗衛(wèi)星導(dǎo)航產(chǎn"
    ")業(yè)基地的建議(第1413號(hào)。牽頭單位:省經(jīng)濟(jì)和信息"
    "化委;協(xié)辦單位:省財(cái)政廳、國(guó)土資源廳,中山市政府); 4.關"
    "(guān)于解決采礦許可證辦理難問題的建議(第1672號(hào)。牽頭單位:省環(hu"
    "án)境保護(hù)廳;協(xié)辦單位:省國(guó)土資源廳,清遠(yuǎn)市政府"
    ");"
    "\n"
)


def test_items_run_into_one_line_are_read_each_on_its_own(tmp_path) -> None:
    """广东 2013: ``…; 3.關於…(…牽頭單位:X;協辦單位:A,B); 4.…`` on one line: each number that
    follows on after a space starts an item; one chapter seen and its list starting at 2: ids
    ``1-n`` (SOURCES.md: 只看得到一章时按各章编号写 1-n)."""
    tasks = tasks_by_id(import_whole(tmp_path, GUANGDONG, 2013))
    assert list(tasks) == ["1-2", "1-3", "1-4"]
    assert tasks["1-2"]["roles"] == {
        "lead": ["省郵政局"],
        "cooperate": ["廣東銀監局", "廣州市政府"],
    }
    assert tasks["1-4"]["roles"]["lead"] == ["省環境保護廳"]


def test_items_run_into_one_line_variant_a_later_page(tmp_path) -> None:
    """Made up: the second page of a law site's reprint, run into one line: the end of the
    page before's last item, a chapter 二、 whose list goes on from 4、, items ending with ；,
    labels 牵头单位 / 配合单位 / 完成时限, parted by spaces (read before: one task, 7、's units
    given to the chapter's whole text)."""
    text = (
        "[接上页] 强化督促检查，确保各项措施落地见效（牵头单位：县发改委，"
        "完成时限：2023年12月底前）。 二、优化政务服务 4、推进政务服务一网通办，"
        "实现高频事项全程网办（牵头单位："
        "县政务服务中心，配合单位：县大数据中心，完成时限：2023年6月底前）； 5、推行告知承诺制，"
        "梳理公布告知承诺事项清单（牵头单位：县司法局，完成时限：2023年9月底前）； "
        "6、深化工程建设项目审批制度改革（牵头单位：县住建局，完成时限：2023年12月底前）； "
        "7、保障重点项目用地需求（牵头单位：县自然资源局，完成时限：2023年10月底前）。\n"
    )
    tasks = import_whole(tmp_path, text, 2023).tasks
    assert [task["number"] for task in tasks] == [4, 5, 6, 7]
    assert tasks[0]["roles"] == {"lead": ["县政务服务中心"], "cooperate": ["县大数据中心"]}
    assert tasks[1]["due"][0]["date"].isoformat() == "2023-09-30"
    assert tasks[3]["roles"] == {"lead": ["县自然资源局"]}


def test_the_same_table_copied_one_cell_a_line(tmp_path) -> None:
    """芜湖 2025's rows (above) copied one cell a line (the container a page's table most often
    becomes): ``(1)`` starts a row, ``(一)……`` after a 二、 row is a heading row, and ``1`` /
    ``大力提振消费。`` between (3) and (4) a group heading, not a row."""
    lines = [cell for line in WUHU.splitlines() for cell in cells(line) if cell.strip()]
    tasks = tasks_by_id(import_whole(tmp_path, "\n".join(lines) + "\n", 2025))
    assert list(tasks) == ["01", "02", "03", "04", "05"]
    assert [tasks[i]["section"] for i in tasks] == [1, 1, 1, 2, 2]
    assert tasks["05"]["roles"] == {
        "lead": ["市发展改革委", "市商务局"],
        "responsible": ["市财政局", "各县市区政府", "开发区管委会"],
    }


def test_one_cell_a_line_variant_full_width_brackets_and_a_deadline_column(tmp_path) -> None:
    """Made up: ``（1）`` 序号 cells one a line, a 完成时限 column, chapters 一、 二、, a （一）
    heading row and a group ``2`` / ``稳就业。`` the 序号 runs past."""
    text = (
        "序号\n重点任务\n责任单位\n完成时限\n一、稳增长\n"
        "（1）\n加快重大项目建设，确保开工30个。\n县发改委\n2024年6月底前\n"
        "（2）\n推进招商引资，签约项目20个。\n县商务局\n2024年12月底前\n"
        "二、惠民生\n（一）保障和改善民生\n"
        "2\n稳就业。\n"
        "（3）\n开展职业技能培训1000人次。\n县人社局\n2024年11月底前\n"
        "（4）\n落实创业担保贷款。\n县财政局\n2024年12月底前\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2024))
    assert list(tasks) == ["01", "02", "03", "04"]
    assert [tasks[i]["section"] for i in tasks] == [1, 1, 2, 2]
    assert tasks["03"]["roles"] == {"responsible": ["县人社局"]}
    assert tasks["03"]["due"][0]["date"].isoformat() == "2024-11-30"
    assert not any("稳就业" in task["text"] for task in tasks.values())


def test_a_unit_cell_that_says_who_leads_copied_one_cell_a_line(tmp_path) -> None:
    """江门 文广局 (guangdong-jiangmen-undated-wenguang-zwgk-pipe-merged-unit-rows.txt, rows 1
    and 3–4) copied one cell a line: the unit cell ``办公室牵头,其他股室及属下单位配合`` is the
    row's units written as a clause (it was read as more of the row's text)."""
    text = (
        "工作任务\n具体要求\n责任部门\n"
        "一、做好各类规划主动公开。\n"
        "1.主动公开“十四五”规划纲要、各项规划、政策解读等相关信息。\n"
        "办公室牵头,其他股室及属下单位配合\n"
        "二、做好市场规则标准和监管执法信息公开。\n"
        "2.及时公开建设高标准市场体系行动方案的落实举措。\n"
        "广电旅游和公共服务股(行政审批服务股)\n"
        "3.加强行政执法信息公开。\n"
        "市场执法股\n"
    )
    tasks = import_whole(tmp_path, text).tasks
    assert [task["number"] for task in tasks] == [1, 2, 3]
    assert tasks[0]["roles"] == {"lead": ["办公室"], "cooperate": ["其他股室", "属下单位"]}
    assert tasks[2]["roles"] == {"responsible": ["市场执法股"]}


def test_a_unit_cell_that_says_who_leads_variant(tmp_path) -> None:
    """Made up: 序号 one a line, ``县财政局牵头，各乡镇负责`` and
    ``县人社局牵头,县教育局、县总工会配合`` in the unit column, a 完成时限 column."""
    text = (
        "序号\n工作任务\n责任单位\n完成时限\n"
        "1\n落实困难群众救助资金。\n县财政局牵头，各乡镇负责\n2024年6月底前\n"
        "2\n开展职业技能培训1000人次。\n县人社局牵头,县教育局、县总工会配合\n2024年11月底前\n"
        "3\n新建城市书房3个。\n县文旅局\n2024年12月底前\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2024))
    assert tasks["01"]["roles"] == {"lead": ["县财政局"], "responsible": ["各乡镇"]}
    assert tasks["02"]["roles"] == {"lead": ["县人社局"], "cooperate": ["县教育局", "县总工会"]}
    assert tasks["02"]["due"][0]["date"].isoformat() == "2024-11-30"
    assert "配合" not in tasks["02"]["text"].split("（")[0]
