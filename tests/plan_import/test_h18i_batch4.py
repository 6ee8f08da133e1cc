"""The general causes behind the misses of the fourth batch (issue 18, sixth round, branch h18i),
each with the real text it was seen in (tests/fixtures/import/corpus/, SOURCES.md gives each
file's address; shortened where "…" says so)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from duban.plan_import.bracket_spans import brackets
from duban.plan_import.cell_rows import aligned_row, cell_type
from duban.plan_import.clauses import split_names
from duban.plan_import.date_forms import cell_dates, numbered_points
from duban.plan_import.deadlines import parse_deadline
from duban.plan_import.item_roles import heading_leads
from duban.plan_import.leader_names import read_leaders
from helpers import import_whole

pytestmark = pytest.mark.usefixtures("chinese")


_import = import_whole


def _roles(result) -> dict[str, dict]:
    return {task["id"]: task.get("roles") for task in result.tasks}


# --- ▲ marks the lead, as ★ does; 各镇乡(街道) ends a list of units -------------------------

ZHUJI = (
    "2023年《政府工作报告》主要目标任务分解清单\n\n分块\n\n序号\n\n主要工作\n\n责任单位\n\n"
    "1\n\n生产总值增长7.5%左右\n\n▲发改局,各部门,各镇乡(街道)\n\n"
    "2\n\n一般公共预算收入增长7.5%\n\n▲税务局,财政局,各镇乡(街道)\n\n"
    "3\n\n研发投入强度2.85%以上\n\n▲科技局,各镇乡(街道)\n\n"
    "4\n\n固定资产投资增长10%以上\n\n▲发改局,各部门,各镇乡(街道)\n\n"
    "5\n\n社会消费品零售总额增长9%以上\n\n▲商务局,各镇乡(街道)\n\n"
    "6\n\n外贸出口保增长稳份额,自营出口额增长8%以上\n\n▲商务局,各镇乡(街道)\n\n"
    "7\n\n城乡居民收入增长与经济增长基本同步,收入比持续缩小\n\n▲发改局,各部门,各镇乡(街道)\n\n"
    "8\n\n完成上级下达的能源和环境计划指标\n\n▲发改局,生态环境分局,各镇乡(街道)\n\n"
    "9\n\n紧扣创成“浙江制造天工鼎”目标,实施制造强市“229”计划,确保工业强市稳居全省第一方阵\n\n"
    "经信局,相关部门,各镇乡(街道)\n"
)


def test_a_triangle_marks_the_lead_and_a_bracketed_group_ends_a_unit_cell(tmp_path: Path) -> None:
    # real: zhejiang-zhuji-2023-triangle-lead-cells.txt (诸暨 2023, rows 1—9)
    assert cell_type("▲发改局,各部门,各镇乡(街道)") == "unit"
    assert cell_type("经信局,相关部门,各镇乡(街道)") == "unit"
    roles = [task.get("roles") for task in _import(tmp_path, ZHUJI, 2023).tasks]
    assert roles[:2] == [
        {"lead": ["发改局"], "responsible": ["各部门", "各镇乡(街道)"]},
        {"lead": ["税务局"], "responsible": ["财政局", "各镇乡(街道)"]},
    ]
    # the row without ▲: every unit is responsible
    assert len(roles) == 9 and roles[8] == {"responsible": ["经信局", "相关部门", "各镇乡(街道)"]}


# --- 任务项 is the row's number; 任务分解 / 完成状况 are columns (the refused file) -----------

XIANGSHAN = (
    "相山区城管局2024年第四季度重点工作任务完成情况\n\n\n任务项\n\n重点工作内容\n\n牵头责任单位\n\n"
    "四季度任务分解\n\n四季度进展情况\n\n完成状况\n\n"
    "1\n\n开展市容秩序专项整治行动,推行沿街主体“门责制”,突出抓好商业大街、背街小巷、居民小区等区域环境治理。\n\n"
    "区城管大队法制办及街道城管中队\n\n"
    "1.根据2024年度专项整治行动方案,并按方案要求迅速动员部署、选定示范道路、细化工作措施、启动专项整治。"
    "2.开展商业大街环境治理专项行动\n\n"
    "1.根据《淮北市2024年“门责制”市容管理新机制推进方案》,1129日召开“门责制”管理工作调度会,…\n\n已完成\n\n"
    "2\n\n深入推进生活垃圾分类工作。\n\n区环卫所(垃圾分类管理办)\n\n"
    "对各街道和公共机构、公共场所开展生活垃圾分类督查考核1次,…\n\n"
    "1115日——1210日对全区和公共机构、公共场所开展生活垃圾分类督查考核1次,…\n\n已完成\n"
)


def test_a_progress_table_headed_task_item_is_read_not_refused(tmp_path: Path) -> None:
    # real: anhui-huaibei-xiangshan-2024-progress-cells.txt (淮北相山 2024; refused before)
    result = _import(tmp_path, XIANGSHAN, 2024)
    roles = [task.get("roles") for task in result.tasks]
    assert roles == [
        {"lead": ["区城管大队法制办", "街道城管中队"]},
        {"lead": ["区环卫所(垃圾分类管理办)"]},
    ]
    # the cells' own 1. 2. are no sub-items, and the progress dates no deadlines
    assert not any(task.get("items") for task in result.tasks)
    assert [[d["id"] for d in task["due"]] for task in result.tasks] == [["unwritten"]] * 2


# --- a numbered project's merged rows; 2021.8; numbered time points in one cell --------------

XINCHANG = (
    "2021年新昌县政府十方面民生实事进展情况登记表\n"
    "项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
    "1.城市人居环境提升项目 | 对人民中路等3条城区道路进行综合提升改造; | 11月 | 建设局 |\n"
    "2021.8 | 城投集团 | ||\n"
    "对七星路等重点区域进行绿化亮化提档升级; | 2021.12 | 城投集团 | |\n"
    "新建城市口袋公园2处; | 11月 | 建设局 | |\n"
    "2021年11月 | 经开区 | ||\n"
    "2.生态公墓建设项目 | 持续推进生态公墓建设,新建生态公益性墓地15处,…"
    " | 10月底 | 民政局 |\n"
    "计划10月底完成新增墓地建设 | 公共服务集团 | ||\n"
    "3.农村道路改造提升项目 | 投资5000万元,提升改造低等级公路40公里;… | 10月 | 交通运输局 |\n"
    "4.农贸市场综合提升项目 | 建成新昌县农副产品交易物流区域并投入运行;… | "
    "1、农副产品交易物流中心7月1日项目投入试运营 2、南岩农贸市场计划2022年12月底完成项目建设 "
    "3、钟楼农贸市场星级改造计划10月1日前完成项目建设 | 公共服务集团 |\n"
    "5.教育设施提升项目 | 计划投资1067万元,完成22所学校校园空调安装工程(二期);… | "
    "1.2021年8月 2.2021年12月 | 教体局 |\n"
    "在50所学校食堂开展校园智能阳光厨房建设,… | 10月底前 | 市场监管局 | |\n"
)


def test_unnumbered_rows_below_a_numbered_project_are_its_own(tmp_path: Path) -> None:
    # real: zhejiang-xinchang-2021-pipe-merged-rows.txt (新昌 2021; cells shortened)
    tasks = {task["id"]: task for task in _import(tmp_path, XINCHANG, 2021).tasks}
    assert list(tasks) == ["01", "02", "03", "04", "05"]
    tasks = {task_id.lstrip("0"): task for task_id, task in tasks.items()}
    assert tasks["1"]["roles"] == {"lead": ["建设局", "城投集团", "经开区"]}
    assert tasks["2"]["roles"] == {"lead": ["民政局", "公共服务集团"]}
    assert tasks["5"]["roles"] == {"lead": ["教体局", "市场监管局"]}
    assert "新建城市口袋公园2处" in tasks["1"]["text"]

    def dates(task: dict) -> list[dt.date]:
        return sorted(d["date"] for d in task["due"])

    assert dates(tasks["1"]) == [dt.date(2021, 8, 31), dt.date(2021, 11, 30), dt.date(2021, 12, 31)]
    assert dates(tasks["2"]) == [dt.date(2021, 10, 31)]  # 10月底 twice: once
    assert dates(tasks["4"]) == [dt.date(2021, 7, 1), dt.date(2021, 10, 1), dt.date(2022, 12, 31)]
    assert dates(tasks["5"]) == [dt.date(2021, 8, 31), dt.date(2021, 10, 31), dt.date(2021, 12, 31)]


def test_the_date_forms_of_a_merged_row_table_one_by_one() -> None:
    # real: the 计划完成时间 cells of zhejiang-xinchang-2021-pipe-merged-rows.txt
    assert cell_type("2021.8") == "date" and cell_type("2.5") == "text"
    assert cell_dates("2021.8") == "2021年8月底"
    assert cell_dates("物流中心7月1日项目投入试运营") == "物流中心7月1日前项目投入试运营"
    assert numbered_points("1.2021年8月 2.2021年12月") == ["2021年8月", "2021年12月"]
    assert numbered_points("1.2021年8月") == ["1.2021年8月"]  # one point: no list
    parsed = parse_deadline("2021.8", default_year=2021)
    assert [d["date"] for d in parsed.due] == [dt.date(2021, 8, 31)] and not parsed.unread


# --- the rule 排名第一位为牵头单位,下同 in a bracket of names; 各县<市、区>人民政府 ---------------

YUNFU = (
    "一、落实政府职责\n"
    "(一)健全管理体制。建立完善市统筹,县级政府为主,镇(街道)参与的学前教育管理体制。…会同市委农办将"
    "“行政村独立或联合举办规范化普惠性幼儿园”列入农村重点工作。"
    "(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)\n"
)


def test_a_bracket_of_names_stating_the_first_listed_rule_is_a_clause(tmp_path: Path) -> None:
    # real: guangdong-yunfu-2019-first-listed-footnote.txt (云浮 2019, (一))
    (task,) = _import(tmp_path, YUNFU, 2019).tasks
    assert task["roles"] == {
        "lead": ["市教育局"],
        "responsible": ["市委农办", "各县<市、区>人民政府"],
    }


# --- a garbled number after a line's indent, first under its heading ------------------------

SHAOGUAN = (
    "  一、以均衡化發展為契機,持續提升數字政府基礎能力\n\n"
    " ?。ㄒ唬┚o扣指標任務,統籌推進均衡化發展工作。…扎實推進地市均衡化發展各項工作,"
    "2023年底完成80%以上地市均衡化發展指標任務。(市政務服務數據管理局、各縣(市、區)政府牽頭)\n"
)


def test_a_garbled_number_under_a_heading_is_its_first_item(tmp_path: Path) -> None:
    # real: guangdong-shaoguan-2023-trad-garbled-number.txt (韶关 2023; （一） garbled by a reprint)
    (task,) = _import(tmp_path, SHAOGUAN, 2023).tasks
    assert (task["id"], task["numeral"]) == ("1-1", "一")
    assert task["roles"] == {"lead": ["市政務服務數據管理局", "各縣(市、區)政府"]}


# --- a heading's leads over items that name their own responsible units ---------------------

JINXIANG = (
    "一、整治提升村容村貌(县委农办、县农业农村局、县市容环境卫生服务中心牵头)\n"
    "1.提升村庄公共环境。广泛发动群众,清理私搭乱建、乱堆乱放,拆除残垣断壁,把村庄公共空间环境整治好。"
    "(责任单位:县委农办、县农业农村局、县市容环境卫生服务中心)\n"
    "2.加强乡村建筑风貌引导。…加快改造农村危房。(责任单位:县住房和城乡建设局)\n"
)


def test_a_headings_leads_lead_each_item_beside_its_own_units(tmp_path: Path) -> None:
    # real: shandong-jinxiang-2020-heading-lead-responsible.txt (金乡 2020, items 1 and 2)
    leads = ["县委农办", "县农业农村局", "县市容环境卫生服务中心"]
    assert _roles(_import(tmp_path, JINXIANG, 2020)) == {
        "1-1": {"lead": leads},  # its responsible units are the leads: not listed twice
        "1-2": {"lead": leads, "responsible": ["县住房和城乡建设局"]},
    }
    assert heading_leads({"responsible": ["A局"]}, {}) == {"responsible": ["A局"]}


# --- sub-items numbered (1) (2) inside a paragraph, the first right after 。 ------------------

CHIZHOU = (
    "一、深化简政放权\n"
    "  1.深化商事制度改革。(1)全面落实“多证合一、一照一码”改革。…实行“一套材料、一表登记、一窗受理”"
    "的服务模式和“一次提交、部门流转、一档管理”的工作模式。(市工商质监局牵头负责)"
    "(2)完善企业登记全程电子化。…让企业享受到便捷、高效的网上服务。(市工商质监局牵头负责)\n"
)


def test_sub_items_numbered_in_a_paragraph_after_a_full_stop(tmp_path: Path) -> None:
    # real: anhui-chizhou-2017-inline-items.txt (池州 2017, 1.(1)(2))
    (task,) = _import(tmp_path, CHIZHOU, 2017).tasks
    assert [(i["id"], i.get("roles")) for i in task["items"]] == [
        ("1", {"lead": ["市工商质监局"]}),
        ("2", {"lead": ["市工商质监局"]}),
    ]
    assert not task.get("roles")


# --- 市直有关部门、单位 is one group; leaders parted by spaces -------------------------------


def test_a_groups_bare_word_after_its_list_stays_with_it() -> None:
    # real: shandong-weihai-2023-standing-rule.txt (威海 2023, 1.)
    assert split_names("市直有关部门、单位,各区市政府、开发区管委") == [
        "市直有关部门、单位",
        "各区市政府",
        "开发区管委",
    ]
    assert split_names("市财政局、单位建设处") == ["市财政局", "单位建设处"]
    # real: anhui-qiaocheng-2025-jiaoyu-sparse-rows.txt (谯城 2025, row 68's 协同配合单位)
    assert split_names("各乡镇人民政府、街道办事处,区教体局") == [
        "各乡镇人民政府、街道办事处",
        "区教体局",
    ]
    assert split_names("区民政局、街道办事处") == ["区民政局", "街道办事处"]  # no 各: two


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        # real: zhejiang-yuhang-2018-trad-pipe-leaders.txt (余杭 2018, rows 1 and 2)
        ("祝振偉 陳夏林", ["祝振偉", "陳夏林"]),
        ("沈 昱 祝振偉", ["沈昱", "祝振偉"]),
        ("王 健", ["王健"]),  # one name spaced out (滁州 2020's form): one person
    ],
)
def test_leaders_of_one_cell_parted_by_spaces(cell: str, names: list[str]) -> None:
    assert [p["name"] for p in read_leaders(cell, "牵头领导：")] == names


# --- a bracket never closed (a progress cell) hides no clause after it ----------------------

CANGNAN = (
    "序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n备注\n\n"
    "6\n\n建成投用桥墩镇、赤溪镇、灵溪镇观美等3家中心敬老院。\n\n57%(赤溪、灵溪偏慢)\n\n县民政局\n\n县民生实事\n\n"
    "7\n\n开工建设矾山镇、马站镇等2家中心敬老院。\n\n50%(马站未开工\n\n县民政局\n\n县民生实事\n\n"
    "8\n\n推进县职业中专扩容提升。\n\n30%\n\n县教育局\n\n县民生实事\n"
)


def test_an_unclosed_bracket_in_a_cell_hides_no_clause(tmp_path: Path) -> None:
    # real: zhejiang-cangnan-2022-progress-cells.txt (苍南 2022, rows 6—8; row 8 shortened)
    cell = "50%(马站未开工；县民生实事（牵头单位：县民政局）"
    assert list(brackets(cell)) == [(cell.index("（"), len(cell))]
    roles = _roles(_import(tmp_path, CANGNAN, 2022))
    assert roles == {
        "06": {"lead": ["县民政局"]},
        "07": {"lead": ["县民政局"]},
        "08": {"lead": ["县教育局"]},
    }


# --- one table row running on over a second line of its own (merged 序号 and unit cells) -----


def test_a_rows_second_line_adds_its_text_and_deadline() -> None:
    # real: sichuan-dazhu-2016-minsheng-cell-lines.txt (大竹 2016, 第5项: two lines, one unit cell)
    kinds = ["text", "responsible", "deadline"]
    cells = ["开工建设县老年养护楼。", "县民政局", "5月底前动工", "开工建设老年大学。", "12月底前"]
    assert aligned_row(cells, kinds) == [
        "开工建设县老年养护楼。；开工建设老年大学。",
        "县民政局",
        "5月底前动工；12月底前",
    ]
    # a row of one line is aligned as before
    assert aligned_row(
        ["迁建县政务服务中心。", "县政务服务中心", "县代建中心", "12月底前"], kinds
    ) == [
        "迁建县政务服务中心。",
        "县政务服务中心、县代建中心",
        "12月底前",
    ]
