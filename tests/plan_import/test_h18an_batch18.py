"""Round h18an (issue 18): the eighteenth batch opened and its differences read generally.

Each fix is tested on the real text it came from (tests/fixtures/import/corpus/, SOURCES.md
第十八批) and on a made-up variant of the same form (other units, periods, names, columns), so
that the form is read, not the file's string.
"""

from __future__ import annotations

from pathlib import Path

from duban.plan_import.header_cells import cells, is_header
from helpers import import_whole, tasks_by_id

# --- 1. a | table from the middle of a progress report: 类别 column, period-named columns ---

ZHAOYUAN = (  # 招远 2022 (shandong-zhaoyuan-2022-…), cells shortened, the page's bars as written
    "类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 | 1-9月份工作完成情况 "
    "| 1-9月份工作取得成效 | 监督电话 |\n"
    "四、教育文化 | 14.改扩建泉山学校及庙后吕家初级中学 | 完成泉山学校一期2座教学楼建设。 "
    "| 教育体育局 | 刘福利 | 食堂建成投用。 | 正在加速推进施工进度。 | 监督电话0535-8246306 |\n"
    "15.推进学校塑胶运动场地建设 | 完成罗峰学校塑胶运动场地建成。 | 教育体育局 | 刘福利 "
    "| 9月份开始施工。 | 正在全力推进基础施工。 | 监督电话0535-8246306 | |\n"
    "16.推进义务教育课后服务 | 实行课后服务全覆盖。 | 教育体育局 | 刘福利 "
    "| 2022年9月23日进行调度。 | 参与率100%。 | 监督电话0535-8246336 |\n"
    "索引号: | 113706850042672474/2022-04772 | 成文日期: | 2022-10-08 |\n"
)
VARIANT = (  # made up: 分类 column, another year and months, other units and leader, 联系电话
    "分类 | 项目名称 | 2024年任务目标 | 责任单位 | 分管县领导 | 1—6月完成情况 | 联系电话 |\n"
    "二、社会保障 | 7.提高城乡低保标准 | 低保标准提高5%。 | 县民政局 | 王建国 "
    "| 已完成测算。 | 0535-1234567 |\n"
    "8.扩大失业保险覆盖面 | 新增参保3000人。 | 县人社局 | 王建国 "
    "| 已新增1800人。 | 0535-7654321 |\n"
    "发布机构: | 某县人民政府办公室 | 成文日期: | 2024-07-15 |\n"
)


def test_period_named_columns_and_a_telephone_column_make_a_header() -> None:
    assert is_header(cells(ZHAOYUAN.splitlines()[0]))
    assert is_header(cells(VARIANT.splitlines()[0]))
    assert not is_header(["2022年度", "1-9月份", "电话"])  # no column's word after the period


def _check(tasks: dict[str, dict], ids: list[str], unit: str, leader: str) -> None:
    assert sorted(tasks) == ids
    for task in tasks.values():
        assert task["roles"] == {"responsible": [unit]}  # the telephone is no supervising unit
        assert [person["name"] for person in task["leaders"]] == [leader]
        assert "监督电话" not in task["title"] and "、" not in task["title"][:3]


def test_real_category_table_from_the_middle(tmp_path: Path) -> None:
    result = import_whole(tmp_path, ZHAOYUAN, year=2022)
    tasks = tasks_by_id(result)
    _check(tasks, ["14", "15", "16"], "教育体育局", "刘福利")
    assert tasks["15"]["title"] == "推进学校塑胶运动场地建设"
    assert [s["title"] for s in result.plan["sections"]] == ["四、教育文化"]
    assert "closing" not in result.plan  # the index row below the table is the page's chrome
    assert any("成文日期" in line for line in result.chrome)


def test_variant_category_table_rows_without_their_category_cell(tmp_path: Path) -> None:
    result = import_whole(tmp_path, VARIANT, year=2024)
    tasks = tasks_by_id(result)
    assert "closing" not in result.plan
    assert sorted(tasks) == ["07", "08"]  # a short list's numbers take two digits
    assert tasks["07"]["roles"] == {"responsible": ["县民政局"]}
    assert tasks["08"]["roles"] == {"responsible": ["县人社局"]}  # its cells moved back right
    assert tasks["08"]["title"] == "扩大失业保险覆盖面"
    assert all([p["name"] for p in t["leaders"]] == ["王建国"] for t in tasks.values())


# --- 2. a 责任单位 column before the 牵头单位 column, repeating the lead ---

LIANDU = (  # 莲都 2023 (zhejiang-liandu-2023-…), one cell a line as the page has it
    "分类\n\n序号\n\n事项\n\n责任单位\n\n牵头单位\n\n发展目标\n\n1\n\n地区生产总值增长6.5%以上。\n\n"
    "区农业农村局、区经商局、区发改局、区交通局\n\n区发改局\n\n2\n\n"
    "区本级固定资产投资增长25%。\n\n区发改局\n\n区发改局\n"
)
LEAD_VARIANT = (  # made up: | rows, another county, the lead last among the units
    "序号 | 工作任务 | 责任单位 | 牵头单位 |\n"
    "1 | 城镇新增就业3000人。 | 县人社局，县财政局，县经信局 | 县经信局 |\n"
    "2 | 新建农村公路50公里。 | 县交通局 | 县交通局 |\n"
)


def test_real_lead_not_recorded_again_as_responsible(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, LIANDU, year=2023))
    assert tasks["01"]["roles"] == {
        "lead": ["区发改局"],
        "responsible": ["区农业农村局", "区经商局", "区交通局"],
    }
    assert tasks["02"]["roles"] == {"lead": ["区发改局"]}


def test_variant_lead_not_recorded_again_as_responsible(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, LEAD_VARIANT, year=2024))
    assert tasks["01"]["roles"] == {"lead": ["县经信局"], "responsible": ["县人社局", "县财政局"]}
    assert tasks["02"]["roles"] == {"lead": ["县交通局"]}


TEXT_VARIANT = (  # made up: the same repetition in a clause of the text, not in a table's cells
    "一、稳就业\n"
    "1.城镇新增就业3000人。（牵头单位：县人社局；责任单位：县人社局、县财政局）\n"
    "2.新建农村公路50公里。（县交通局牵头，县交通局、各乡镇负责）\n"
)


def test_variant_a_clause_of_the_text_keeps_both_duties_as_the_shipped_plan_does(
    tmp_path: Path,
) -> None:
    """Only a table's 责任单位 column is read as "every unit, the lead among them"; a clause of
    the text that names a unit under both labels gives it both duties (the shipped plan's
    task 03, whose curated data keeps 区县司法局 as lead and responsible)."""
    tasks = tasks_by_id(import_whole(tmp_path, TEXT_VARIANT, year=2024))
    assert tasks["1-1"]["roles"] == {"lead": ["县人社局"], "responsible": ["县人社局", "县财政局"]}
    assert tasks["1-2"]["roles"] == {"lead": ["县交通局"], "responsible": ["县交通局", "各乡镇"]}


# --- 3. a completion report: each 实事 with its own units, its 1. 2. with theirs ---

ANSHUN = (  # 安顺 2019 (guizhou-anshun-2019-…), the progress lines shortened
    "截止2019年12月31日,安顺市委、市人民政府“十件实事”涉及的16项工作任务全面完成。具体情况如下:\n"
    "一、减少农村扶贫对象6.76万人;实施易地扶贫搬迁18695人。(责任单位:市扶贫办、市移民局,"
    "各县区政府〈管委会〉)该件实事已全面完成\n"
    "1.减少农村扶贫对象6.76万人(责任单位:市扶贫办,各县区)\n"
    "此项工作已完成。截至2019年12月底,全市完成减少农村扶贫对象7.497万人。\n"
    "2.实施易地扶贫搬迁18695人。(责任单位:市移民局,西秀区、普定县)\n"
    "此项工作已完成。\n"
    "二、解决6万人农村饮水安全问题。(责任单位:市水务局,各县区政府〈管委会〉)该件实事已全面完成\n"
    "此项工作已完成。截至2019年12月底,解决6.007万人的农村饮水安全问题。\n"
)
ALIKE_VARIANT = (  # made up: full-width brackets, 负责单位, the item without sub-items first
    "一、新建城区公办幼儿园3所。（负责单位：县教育局）已完成\n"
    "截至11月底，3所幼儿园均已开园。\n"
    "二、改造老旧小区12个。（负责单位：县住建局、各街道办事处）已完成\n"
    "1.改造东城片区小区7个（负责单位：县住建局、东城街道）\n"
    "已全部完工。\n"
    "2.改造西城片区小区5个（负责单位：西城街道）\n"
    "已全部完工。\n"
)


def test_real_report_items_alike_are_tasks_with_sub_items(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, ANSHUN))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["roles"]["responsible"] == ["市扶贫办", "市移民局", "各县区政府〈管委会〉"]
    assert [i["roles"]["responsible"] for i in tasks["01"]["items"]] == [
        ["市扶贫办", "各县区"],
        ["市移民局", "西秀区", "普定县"],
    ]
    assert tasks["02"]["roles"]["responsible"] == ["市水务局", "各县区政府〈管委会〉"]
    assert all(d.get("id") == "unwritten" for t in tasks.values() for d in t["due"])  # 截至 …


def test_variant_report_items_alike_are_tasks_with_sub_items(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, ALIKE_VARIANT, year=2024))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["roles"] == {"responsible": ["县教育局"]}
    assert "items" not in tasks["01"]
    assert [i["roles"]["responsible"] for i in tasks["02"]["items"]] == [
        ["县住建局", "东城街道"],
        ["西城街道"],
    ]


# --- 4. 年内 with its completion's verb in a task's words: the year as a period (第五批) ---

LINYI = (  # 临沂 2020 (shandong-linyi-2020-…), item 36 as written
    "2020年临沂市政府工作报告责任分工-市交通运输局\n\n"
    "36.构建“四纵五横”高速公路网,力争京沪高速改扩建、岚罗、新台高速年内建成通车,"
    "争取临淄至临沂高速开工建设。\n\n"
    "牵头单位:市交通运输局\n\n实施单位:市公路事业发展中心\n\n配合单位:市发改委等。\n"
)
WITHIN_VARIANT = (  # made up: another year and verb, a bracket; 年内 counting and 全年 by year end
    "2024年县政府工作报告任务分解\n"
    "5.推进县城污水处理厂提标改造，年内竣工投用。（牵头单位：县住建局）\n"
    "6.全年新增城镇就业2000人。（牵头单位：县人社局）\n"
    "7.推进“一件事一次办”，年内新增20项。（牵头单位：县政务服务中心）\n"
)


def test_real_within_the_year_is_the_year_as_a_period(tmp_path: Path) -> None:
    task = tasks_by_id(import_whole(tmp_path, LINYI))["36"]
    assert [(d["kind"], d.get("period")) for d in task["due"]] == [("period", "2020")]
    assert task["roles"]["responsible"] == ["市公路事业发展中心"]  # 实施单位


def test_variant_within_the_year_and_the_whole_year(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, WITHIN_VARIANT))
    assert [(d["kind"], d.get("period")) for d in tasks["05"]["due"]] == [("period", "2024")]
    assert [(d["kind"], d.get("year")) for d in tasks["06"]["due"]] == [("year", 2024)]  # 全年
    assert [(d["kind"], d.get("year")) for d in tasks["07"]["due"]] == [("year", 2024)]  # a count


# --- 5. units parted by single spaces, a broadcaster among them; a 落实情况 column is progress ---

HUAINAN = (  # 淮南 2025 (anhui-huainan-2025-…), one cell a line ending in “ |”, shortened
    "【落实情况】市机关事务管理局2025年《政府工作报告》主要任务上半年落实情况\n"
    "序号 |\n主要任务 |\n牵头单位 |\n落实情况 |\n"
    "249 |\n支持志愿服务、广播电视、地震、气象等事业发展。 |\n"
    "市委社会工作部 市广播电视台 市地震局 市气象局 市机关事务管理局 |\n"
    "上半年,我市所有地震监测台站综合运行率达99.69%。 |\n"
)
SPACED_VARIANT = (  # made up: | rows, a 气象台 and a 电视台, 落实情况 with a month and 年底
    "序号 | 重点任务 | 责任单位 | 落实情况 |\n"
    "12 | 做好汛期气象服务和应急广播。 | 县气象台 县融媒体中心 县电视台 "
    "| 6月底前完成预警系统升级,年底前全面覆盖。 |\n"
)


def test_real_spaced_units_and_a_progress_column(tmp_path: Path) -> None:
    task = tasks_by_id(import_whole(tmp_path, HUAINAN))["249"]
    assert task["roles"] == {
        "lead": ["市委社会工作部", "市广播电视台", "市地震局", "市气象局", "市机关事务管理局"]
    }
    assert [d["id"] for d in task["due"]] == ["unwritten"]  # 上半年 is the report's period


def test_variant_spaced_units_and_a_progress_column(tmp_path: Path) -> None:
    task = tasks_by_id(import_whole(tmp_path, SPACED_VARIANT, year=2024))["12"]
    assert task["roles"] == {"responsible": ["县气象台", "县融媒体中心", "县电视台"]}
    assert [d["id"] for d in task["due"]] == ["unwritten"]
