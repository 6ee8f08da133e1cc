"""The general causes behind the refusals and misses of the sixth batch (issue 18, eighth round,
branch h18l), each with the real text it was seen in (tests/fixtures/import/corpus/, SOURCES.md
gives each file's address; shortened where "…" says so). No file that holds tasks is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import import_whole

pytestmark = pytest.mark.usefixtures("chinese")


# --- a line's indent a converter turned into ?? ---------------------------------------------

# shanghai-putuo-2021-trad-qq-indent-zeren.txt (refused before: every line starts with ??, so
# no 一、 (一) 1. was at a line start, and ?? itself read as a garbled number). Shortened.
PUTUO = (
    "普陀區深化推進一流營商環境建設行動方案\n"
    "??一、讓企業辦事更省心\n"
    "??(一)提升線上服務友好度。加強系統集成、資源共享和業務協同,推進區級政務服務事項網上辦理能力,"
    "提升“一網通辦”用戶體驗。具體措施:\n"
    "??1.加強系統集成、資源共享和業務協同,具備可網辦能力的區級政務服務事項比例達到95%以上。"
    "(責任單位:區府辦、區行政服務中心、區市場監管局)\n"
    "??2.推廣遠程身份核驗、電子簽章等應用,實現企業高頻事項全覆蓋。"
    "(責任單位:區府辦、區科委、區行政服務中心)\n"
)


def test_a_garbled_indent_before_a_number_is_no_number_of_its_own(tmp_path: Path) -> None:
    result = import_whole(tmp_path, PUTUO, 2021)
    assert [task["id"] for task in result.tasks] == ["1-1", "1-2"]
    assert result.tasks[0]["roles"]["responsible"] == ["區府辦", "區行政服務中心", "區市場監管局"]
    assert result.tasks[1]["roles"]["responsible"] == ["區府辦", "區科委", "區行政服務中心"]
    assert not result.tasks[1]["text"].startswith("?")


# --- a table one cell a line under a header with no 序号, a unit's name broken into pieces ---

# hunan-changsha-2012-lead-column-split-name.txt (refused before: the table reading took the
# header, and no row had a number). The first row's lead cell is 市政 / 府办 / 公厅.
CHANGSHA = (
    "长沙市人民政府2012年《政府工作报告》目标任务责任分解表\n\n"
    "牵头单位\n\n目   标   任   务\n\n责  任  单  位\n\n \n\n"
    "市政\n\n府办\n\n公厅\n\n"
    "强化行政监督,自觉接受人大和政协监督,优质高效办理人大代表议案、建议和政协提案,主动接受新闻媒体和社会公众监督\n\n"
    "  \n\n市直各单位\n"
)


def test_rows_of_a_cell_table_with_no_number_are_read_in_order(tmp_path: Path) -> None:
    result = import_whole(tmp_path, CHANGSHA, 2012)
    assert [task["id"] for task in result.tasks] == ["01"]
    roles = result.tasks[0]["roles"]
    assert roles["lead"] == ["市政府办公厅"] and roles["responsible"] == ["市直各单位"]
    assert result.tasks[0]["text"].startswith("强化行政监督")


# --- a vertical table of labels and values: 重点工作: | 135.… | --------------------------------

# guangdong-guangzhou-2023-key-value-pipe-quarters.txt (refused before). Quarters shortened.
GUANGZHOU = (
    "重点工作: | 135.统筹违法建设治理与城市更新,促进违法建设科学分类治理。 |\n"
    "牵头单位: | 市城市管理综合执法局 |\n"
    "年度阶段性工作目标: | 第一季度:印发《广州市2023年违法建设治理工作方案》。"
    "完成工作任务20%以上。 "
    "第二季度:完成工作任务的50%以上。 |\n"
    "进展情况、存在问题 及下一步工作建议: |\n"
    "已完成。 全市治理违法建设2318.70万平方米。 |\n"
)


def test_a_label_value_table_is_one_task_with_its_number_and_quarters(tmp_path: Path) -> None:
    result = import_whole(tmp_path, GUANGZHOU, 2023)
    assert [task["id"] for task in result.tasks] == ["135"]
    task = result.tasks[0]
    assert task["roles"] == {"lead": ["市城市管理综合执法局"]}
    assert [due.get("period") for due in task["due"]] == ["2023-Q1", "2023-Q2"]
    assert "已完成" not in task["text"]  # the progress column is no part of the task


# --- a table drawn with box-drawing characters ----------------------------------------------

# city-undated-box-drawing-leader-table.txt (refused before). Two tasks, △ measures, a leader
# and a lead cell spanning both; shortened to its first measures.
BOX = (
    "┌─────────────────────┬───┬────────┬────┐\n"
    "│ 工 作 任 务 │分管领│牵头组织实施单位│完成时限│\n"
    "│ │ 导 │ │ │\n"
    "├─────────────────────┼───┼────────┼────┤\n"
    "│抓好财税金融工作,增强发展保障能力 │梁志强│各县(市、区)政│年内见成│\n"
    "├─────────────────────┤ │府,市财政局、国│ 效 │\n"
    "│△进一步调整财政支出结构,加大财政在“三农│ │家税务局 │ │\n"
    "│”、教育等方面的投入 │ ├────────┤ │\n"
    "│△加强财政监督,提高财政资金使用效益 │ │市财政局、教│ │\n"
    "├─────────────────────┤ │育局 │ │\n"
    "│坚持优先发展教育,提高全民素质 │ │ │ │\n"
    "└─────────────────────┴───┴────────┴────┘\n"
)


def test_a_box_drawn_table_is_read_as_rows_its_merged_cells_on_each_task(tmp_path: Path) -> None:
    result = import_whole(tmp_path, BOX)
    assert [task["id"] for task in result.tasks] == ["01", "02"]
    first, second = result.tasks
    assert first["roles"]["lead"] == ["各县(市、区)政府", "市财政局", "国家税务局", "教育局"]
    assert second["roles"]["lead"] == ["市财政局", "教育局"]
    assert [leader["name"] for leader in second["leaders"]] == ["梁志强"]
    assert "△加强财政监督" in first["text"] and not first.get("items")  # △: no sub-item


# --- rows between spaces, a project over several lines, ①… in a progress cell -----------------

# hunan-yueyanglou-2017-progress-space-rows.txt (0/10 before: the ① of 备注 made the rows
# headings; the continuation lines' units were lost). Rows 8 and 9, 9 shortened.
YUEYANGLOU = (
    "序号 省重点民生实事项目名称 责任单位 目标任务 1- 8月实际完成情况   1-8月实际完成率% 备注\n"
    "7 孕产妇产前免费筛查 卫生局 3600人 3436 95%\n"
    "8 新增社会治安视频监控摄像头 区公安分局 100个 设备购进中\n"
    "9 深化机关事业单位养老保险制度改革 完成在职参保人数6300人 区人社局 6300人 7558 119%\n"
    "城市低保、农村低保补差水平月均分别达到300元/人 区民政局 100% 100% "
    "未包含(其中:①不需发证的1989家,②拆迁范围不能发证的2136家)\n"
)


def test_a_rows_further_lines_give_their_units_and_a_cells_list_makes_no_heading(
    tmp_path: Path,
) -> None:
    result = import_whole(tmp_path, YUEYANGLOU, 2017)
    assert [task["id"] for task in result.tasks] == ["07", "08", "09"]
    assert result.tasks[1]["roles"] == {"responsible": ["区公安分局"]}
    assert result.tasks[2]["roles"] == {"responsible": ["区人社局", "区民政局"]}


# --- a lead-in sentence that assigns every item of its list ------------------------------------

# shanghai-2022-shipin-zerenqingdan-lead-in.txt (no task before: the item has no assignment of
# its own; SOURCES.md h18k: the lead-in's unit is each item's responsible). Shortened.
SHANGHAI = (
    "上海市2022年度食品安全工作责任清单\n"
    "  2022年,区政府要全面实施《中华人民共和国食品安全法》等法律法规,"
    "全面完成《2022年上海市食品安全重点工作安排》的主要任务,主要承担以下工作:\n"
    "  1.落实食品安全党政同责要求和属地管理责任。认真贯彻《地方党政领导干部食品安全责任制规定》,"
    "部署并落实好食品安全工作。\n"
)


def test_a_lead_in_that_names_its_unit_assigns_each_item(tmp_path: Path) -> None:
    result = import_whole(tmp_path, SHANGHAI, 2022)
    assert [task["id"] for task in result.tasks] == ["01"]
    assert result.tasks[0]["roles"] == {"responsible": ["区政府"]}


# --- 第一责任单位为牵头单位,下同 -----------------------------------------------------------------

# fujian-xiamen-2019-first-unit-footnote-shixian-lines.txt: the rule in the first clause's
# bracket was read as part of a unit's name. Task texts shortened.
XIAMEN = (
    "一、优化营商环境\n"
    "(一)推进完善PPP健康运行长效机制和基础性制度建设。\n\n"
    "责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)\n\n"
    "(二)严格落实全省统一的招投标政策。\n\n"
    "责任单位:市建设局\n"
)


def test_the_first_unit_as_lead_said_in_a_clause_applies_from_there(tmp_path: Path) -> None:
    result = import_whole(tmp_path, XIAMEN, 2019)
    assert [task["roles"] for task in result.tasks] == [
        {"lead": ["市发改委"], "responsible": ["市财政局"]},
        {"responsible": ["市建设局"]},
    ]


# --- 除特别注明的外,A和B、C都是配合单位: every task's 配合单位 ---

# zhejiang-jinhua-2018-mayor-heading-standing-cooperate.txt: the notice's rule was not applied
# (SOURCES.md h18k: at the end of each task's cooperate, a shared 管委会 not added). Shortened.
JINHUA = (
    "金华市人民政府办公室关于印发2018年政府工作报告重点工作责任分解的通知\n"
    "  除特别注明的外,各县(市、区)政府和金华开发区、金义都市新区、"
    "金华山旅游经济区管委会都是配合单位。\n"
    "2018年政府工作报告重点工作责任分解\n"
    "  一、尹学群市长牵头的重点工作\n"
    "  1.全面完成2018年全市经济社会发展预期目标。\n\n"
    "  牵头单位:市发改委\n\n"
    "  配合单位:市农办、市经信委\n"
)


def test_a_notices_standing_cooperate_rule_ends_each_tasks_cooperate(tmp_path: Path) -> None:
    result = import_whole(tmp_path, JINHUA, 2018)
    roles = result.tasks[0]["roles"]
    assert roles["lead"] == ["市发改委"]
    assert roles["cooperate"] == [
        *("市农办", "市经信委", "各县(市、区)政府", "金华开发区", "金义都市新区"),
        "金华山旅游经济区管委会",
    ]


# --- the last row of a cell table with blank lines between its cells -------------------------

# chongqing-shapingba-2022-two-attachment-cells.txt: row 10, the last, ended at the blank line
# after its first cell and was lost. Rows 8 to 10.
SHAPINGBA = (
    "2022年区政府工作报告经济社会发展预期目标任务分解表\n\n"
    "8\n\n全体居民人均可支配收入增长6%左右\n\n区人力社保局\n\n"
    "9\n\n空气质量完成年度目标任务\n\n区生态环境局\n\n"
    "10\n\n节能减排降碳完成年度目标任务\n\n区发展改革委\n"
)


def test_the_last_row_keeps_its_cells_across_blank_lines(tmp_path: Path) -> None:
    result = import_whole(tmp_path, SHAPINGBA, 2022)
    assert [task["id"] for task in result.tasks] == ["08", "09", "10"]
    assert result.tasks[2]["roles"] == {"responsible": ["区发展改革委"]}
