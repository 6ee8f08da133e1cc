"""Forms the eleventh batch showed the importer still missed (issue 18, fifteenth round, branch
h18y), each read by general means. Texts marked "real" are quoted (shortened where "…" says so)
from the published pages of tests/fixtures/import/corpus/ (SOURCES.md gives each file's address);
texts marked "made up" are variants written for this test (another numbering, another label) that
the same reading must also take: the guard against a fix that fits one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.plan_import.bracket_dates import bracket_date, bracket_phrase
from duban.plan_import.glued_tail_units import glued_tail_rows, header_columns
from duban.plan_import.page_stamp import page_stamp
from duban.plan_import.place_groups import place_name
from helpers import import_whole

pytestmark = pytest.mark.usefixtures("chinese")


def _tasks(result) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {task["id"]: task for task in result.tasks}


# --- a glued progress table, its columns of units last -----------------------------------

# Real: hubei-huanggang-2018-progress-run-together-cells.txt (shortened).
HUANGGANG = (
    "黄冈市2018年三季度《政府工作报告》重点工作推进落实情况一览表\n\n"
    "  序号重点工作工作推进情况牵头单位责任单位\n \n"
    "  1支持山河、长安集团向高端化城市人居环境建设服务商升级。我市建筑行业积极应对经济下行压力,"
    "不断加快转型发展。全市建筑业继续保持稳中向好的发展态势。市住建委团风县、英山县人民政府\n \n"
    "  2着力推进现代服务业发展三年行动计划。加大服务业统计入库工作,市统计局牵头召开了服务业统计工作"
    "联系会,将任务分解到各部门,市发改委市经信委、市金融工作局,市直各相关单位,各县(市、区)人民政府\n"
)
# Made up: 进展情况 and 配合单位, a lead cell of two names, numbers to 3.
GLUED_VARIANT = (
    "某区2021年重点民生实事进展情况表\n"
    "序号工作任务进展情况牵头单位配合单位\n"
    "1新建城市书房3家。已完成选址,2家投入使用。区文旅局区财政局、各街道办事处\n"
    "2改造老旧小区12个。已开工10个,区住建局组织召开了推进会。区住建局区城管局\n"
    "3新增公办幼儿园学位600个。已新增学位420个。区教育局区发改委、区自然资源局\n"
)


def test_a_glued_header_with_units_last() -> None:
    assert header_columns("序号重点工作工作推进情况牵头单位责任单位") == [
        "序号",
        "重点工作工作",
        "推进情况",
        "牵头单位",
        "责任单位",
    ]
    assert header_columns("序号重点工作牵头单位责任单位") is None  # no progress: glued_rows
    assert header_columns("类别序号重点督办内容牵头单位全年完成情况") is None


def test_glued_rows_with_units_last_are_read(tmp_path: Path) -> None:
    assert glued_tail_rows(HUANGGANG) is not None
    tasks = _tasks(import_whole(tmp_path, HUANGGANG, 2018))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["roles"]["lead"] == ["市住建委"]
    assert tasks["02"]["roles"]["lead"] == ["市发改委"]  # 市统计局牵头召开了…: progress
    responsible = tasks["02"]["roles"]["responsible"]
    assert responsible[0] == "市经信委" and "市直各相关单位" in responsible
    assert "将任务分解到各部门" not in str(tasks["02"]["roles"])


def test_glued_rows_with_units_last_variant(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, GLUED_VARIANT, 2021))
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["01"]["roles"] == {"lead": ["区文旅局"], "cooperate": ["区财政局", "各街道办事处"]}
    assert tasks["02"]["roles"] == {"lead": ["区住建局"], "cooperate": ["区城管局"]}
    assert tasks["03"]["roles"]["cooperate"] == ["区发改委", "区自然资源局"]


# --- inspection points grouped under the place that answers for them --------------------

# Real: jiangxi-yingtan-2023-chuangjian-district-groups-shixian-paren.txt (shortened).
YINGTAN = (
    "鹰潭市创建办10月25日督查通报\n\n"
    "10月25日,市创建办对社区、小区、学校等51个点位开展了日常督查,督查发现157个问题。\n\n"
    "一、创建点位督查情况\n\n"
    "(一)余江区\n\n"
    "1.鹰南高速连接线(整改时限:10月27日)\n\n"
    "存在问题:(1)杂物乱堆乱放;(2)杂草丛生。\n\n"
    "(二)月湖区\n\n"
    "2.浮桥头巷河段(整改时限:10月27日)\n\n"
    "存在问题:多处垃圾未及时清理。\n\n"
    "3.鄱阳街(整改时限:10月27日)\n\n"
    "存在问题:多处占道经营。\n"
)
# Made up: towns with a count, numbers with 、, another deadline label and one point that
# names its own unit.
TOWNS_VARIANT = (
    "某县爱国卫生运动督查通报\n\n"
    "一、存在的问题\n\n"
    "（一）城关镇（3个）\n"
    "1、农贸市场：活禽区地面脏污。（完成时限：2024年5月31日）\n"
    "2、东街背街小巷：垃圾未及时清运。\n"
    "（二）青山乡（2个）\n"
    "3、乡卫生院：病媒生物防制设施缺失。（责任单位：县卫健局）\n"
    "4、集镇主街：占道经营。\n"
    "5、中心小学门口：乱停乱放。\n"
)


def test_a_district_heading_answers_for_its_points(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, YINGTAN, 2023))
    assert sorted(tasks) == ["1-1", "1-2", "1-3"]
    assert tasks["1-1"]["roles"] == {"responsible": ["余江区"]}
    assert tasks["1-3"]["roles"] == {"responsible": ["月湖区"]}
    assert tasks["1-2"]["due"][0]["date"].isoformat() == "2023-10-27"  # 整改时限: a 时限
    assert [item["id"] for item in tasks["1-1"]["items"]] == ["1", "2"]


def test_town_headings_with_counts_variant(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, TOWNS_VARIANT, 2024))
    assert sorted(tasks) == ["1-1", "1-2", "1-3", "1-4", "1-5"]
    assert tasks["1-1"]["roles"] == {"responsible": ["城关镇"]}
    assert tasks["1-1"]["due"][0]["date"].isoformat() == "2024-05-31"
    assert tasks["1-2"]["roles"] == {"responsible": ["城关镇"]}
    assert tasks["1-3"]["roles"] == {"responsible": ["县卫健局"]}  # its own clause stands
    assert tasks["1-5"]["roles"] == {"responsible": ["青山乡"]}


def test_a_heading_that_is_no_place_names_nobody() -> None:
    assert place_name("余江区") == "余江区"
    assert place_name("鹿城镇(14个)") == "鹿城镇"
    assert place_name("城关镇（共5个问题）") == "城关镇"  # made up: another way to count
    assert place_name("全市") is None
    assert place_name("交通秩序") is None
    assert place_name("加强城区管理") is None


# --- a lone shared 人民政府 / 管委会 is not added; 牵头责任领导 -----------------------------

# Real: anhui-chuzhou-2024-leader-lines-shared-suffix-groups.txt (shortened).
CHUZHOU = (
    "滁州市人民政府关于2024年重点工作及责任分解的通知\n\n"
    "一、经济社会发展的主要预期目标\n\n"
    "1. 地区生产总值增长7.5%。\n\n"
    "牵头责任领导:邓继敢。\n\n"
    "牵头责任单位:市发展改革委。\n\n"
    "协同责任单位:市商务局、市交通局,滁州经开区、中新苏滁高新区管委会,各县、市、区人民政府。\n"
)
# Made up: a county's towns sharing 人民政府, a 区级牵头责任领导 line, （1） numbering.
SHARED_VARIANT = (
    "某县2023年重点工作责任分解\n\n"
    "一、重点任务\n\n"
    "（1）新建农村公路50公里。\n"
    "县级牵头责任领导：李明\n"
    "牵头责任单位：县交通运输局\n"
    "协同责任单位：城关镇、青山镇人民政府\n"
)


def test_a_lone_shared_suffix_is_not_added(tmp_path: Path) -> None:
    task = import_whole(tmp_path, CHUZHOU, 2024).tasks[0]
    assert task["roles"]["lead"] == ["市发展改革委"]
    cooperate = task["roles"]["cooperate"]
    assert "滁州经开区" in cooperate and "中新苏滁高新区管委会" in cooperate
    assert [leader["name"] for leader in task["leaders"]] == ["邓继敢"]


def test_a_lone_shared_suffix_variant(tmp_path: Path) -> None:
    task = import_whole(tmp_path, SHARED_VARIANT, 2023).tasks[0]
    assert task["roles"]["cooperate"] == ["城关镇", "青山镇人民政府"]
    assert [leader["name"] for leader in task["leaders"]] == ["李明"]


# --- an 整改 list: the problem is the task, its measures the sub-items ---------------------

# Real: guizhou-anshun-2017-huanbao-qingdan-label-lines-item-dates.txt (shortened).
ANSHUN = (
    "安顺市贯彻落实中央环境保护督察移交问题整改措施清单\n\n"
    "一、安顺市普定县人民政府保护饮用水水源不力2015年7月,普定县违反《水污染防治法》有关规定,"
    "同意贵州省民族大健康产业园建设项目在火石坡水库水源保护区进行建设。\n\n"
    "原因分析:对饮用水源保护区重要性认识不足,监管不到位。\n\n"
    "整改目标按照“水质更优,水量更好”原则,确保普定县城饮用水源安全。\n\n"
    "整改时限2017年9月30日前\n\n"
    "责任单位:普定县委、县政府\n\n"
    "督导单位:市纪委、市整改办、市督查督办局\n\n"
    "整改措施\n\n"
    "1.由普定县委、县政府制定《普定县城饮用水源搬迁方案》,取消火石坡饮用水源功能。\n\n"
    "2.用夜郎湖集中式饮用水源替代火石坡水库饮用水源,确保普定县城饮用水安全(2017年9月30日)。\n\n"
    "3.对建设项目进行全面清理,依法依规查处涉及的违法违规问题(2017年9月30日)。\n"
)
# Made up: two problems numbered （一）（二）, 牵头单位 and a deadline line, measures ① ②.
PROBLEMS_VARIANT = (
    "某县巡察反馈问题整改清单\n\n"
    "（一）农村生活污水治理滞后。部分乡镇污水管网建设进度缓慢,已建设施运行率不高。\n"
    "整改目标:年底前设施正常运行率达到90%。\n"
    "牵头单位:县生态环境分局\n"
    "整改措施:\n"
    "①开展设施运行情况排查（2023年6月底前）。\n"
    "②建立第三方运维机制。\n"
    "（二）城区停车秩序混乱。主次干道违停现象突出,群众反映强烈。\n"
    "整改目标:规范停车秩序。\n"
    "牵头单位:县公安局\n"
    "工作措施\n"
    "①增设停车泊位500个（2023年9月30日）。\n"
    "②开展违停专项整治。\n"
)


def test_a_problem_over_its_measures_is_one_task(tmp_path: Path) -> None:
    result = import_whole(tmp_path, ANSHUN, 2017)
    assert [task["id"] for task in result.tasks] == ["01"]
    task = result.tasks[0]
    assert task["roles"]["responsible"] == ["普定县委", "县政府"]
    assert task["roles"]["supervise"] == ["市纪委", "市整改办", "市督查督办局"]  # 整改措施: no name
    assert [item["id"] for item in task["items"]] == ["1", "2", "3"]
    assert "due" not in task["items"][0]
    assert task["items"][1]["due"][0]["date"].isoformat() == "2017-09-30"


def test_problems_over_measures_variant(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, PROBLEMS_VARIANT, 2023))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["roles"] == {"lead": ["县生态环境分局"]}
    assert tasks["02"]["roles"] == {"lead": ["县公安局"]}  # 工作措施 is no part of its name
    assert [item["id"] for item in tasks["02"]["items"]] == ["1", "2"]
    assert tasks["01"]["items"][0]["due"][0]["date"].isoformat() == "2023-06-30"
    assert tasks["02"]["items"][0]["due"][0]["date"].isoformat() == "2023-09-30"


def test_a_bracket_holding_only_a_date() -> None:
    assert bracket_date("确保普定县城饮用水安全(2017年9月30日)。")
    assert bracket_date("开展排查（2024年6月底前）")
    assert not bracket_date("开展排查（市发改委）")
    assert not bracket_date("新建学校(10个)。")


# --- a | table numbered after its merged category cells -----------------------------------

# Real: zhejiang-changxing-taihu-undated-fangxun-pipe-qingdan-space-units.txt (shortened).
CHANGXING = (
    "建设任务 | 工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |\n"
    "一、体系建设 |\n"
    "(一)组织指挥提能升级 | 1.组织机构 | (1)乡镇(街道、园区)党政主要负责人是防汛工作第一责任人。"
    " | 1.落实防汛防台行政首长负责制; 2.结合实际,明确班子成员职责清单; | 党政办 应消站 | 4月 |\n"
    "(2)乡镇(街道、园区)应急消防管理站承担防汛防台统筹协调工作。 | 1.明确应消站防汛工作职责; "
    "| 应消站 | 4月 |\n"
    "(3)村(社区)防汛职责按规定融入基层治理体系网格。 | 1.明确乡、村全科网格员防汛相关职责; "
    "| 综治办 应消站 | 4月 |\n"
    "2.根据辖区实际,补充设置村(社区)水利工程巡查员等网格责任人; | 农村办 规划建设办 国土所 |\n"
)
# Made up: a lead and a cooperate column, a date column, full-width marks, two categories.
INNER_VARIANT = (
    "某县2023年安全生产专项整治任务表\n"
    "类别 | 工作指标 | 具体措施 | 牵头单位 | 配合单位 | 完成时间 |\n"
    "交通安全 | （1）事故起数下降10%。 | 1.开展重点车辆排查; 2.整治违法停车; | 县公安局 | 县交通局 "
    "| 2023年12月底 |\n"
    "（2）农村道路安全隐患全部整改。 | 1.排查临水临崖路段; | 县交通局 | 各乡镇 | 2023年10月底 |\n"
    "消防安全 | （3）老旧小区消防设施全覆盖。 | 1.更换灭火器; | 县消防救援大队 | 县住建局 "
    "| 2023年9月底 |\n"
)


def test_rows_numbered_after_merged_categories(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, CHANGXING))
    assert sorted(tasks) == ["1-1", "1-2", "1-3"]
    assert tasks["1-1"]["roles"] == {"responsible": ["党政办", "应消站"]}
    assert [item["id"] for item in tasks["1-1"]["items"]] == ["1", "2"]
    assert tasks["1-2"]["roles"] == {"responsible": ["应消站"]}
    # the continuation row: a second step and more units of the row above
    assert tasks["1-3"]["roles"]["responsible"] == [
        "综治办",
        "应消站",
        "农村办",
        "规划建设办",
        "国土所",
    ]
    assert [item["id"] for item in tasks["1-3"]["items"]] == ["1", "2"]


def test_rows_numbered_after_merged_categories_variant(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, INNER_VARIANT, 2023))
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["01"]["roles"] == {"lead": ["县公安局"], "cooperate": ["县交通局"]}
    assert tasks["02"]["roles"] == {"lead": ["县交通局"], "cooperate": ["各乡镇"]}
    assert tasks["03"]["due"][0]["date"].isoformat() == "2023-09-30"
    assert "交通安全" in tasks["01"]["text"]  # the category kept with the row


# --- a news page's bare time stamp gives the page's year ------------------------------------

# Real: jiangxi-yingtan-2023-chuangjian-district-groups-shixian-paren.txt (its head).
YINGTAN_HEAD = (
    "鹰潭市创建办10月25日督查通报\n\n2023-10-25 19:33\n来源:澎湃新闻·澎湃号·媒体\n字号\n\n"
)
# Made up: a slashed date with seconds, another bulletin.
STAMP_VARIANT = "某区创卫办督查通报\n2021/6/8 09:05:12\n\n"


def test_a_bare_time_stamp_is_the_page_date(tmp_path: Path) -> None:
    result = import_whole(tmp_path, YINGTAN_HEAD + YINGTAN.split("\n", 1)[1])
    assert not result.year_missing
    assert _tasks(result)["1-2"]["due"][0]["date"].isoformat() == "2023-10-27"
    assert "2023-10-25 19:33" in result.chrome


def test_a_bare_time_stamp_variant(tmp_path: Path) -> None:
    result = import_whole(
        tmp_path,
        STAMP_VARIANT
        + TOWNS_VARIANT.split("\n", 1)[1].replace(
            "（完成时限：2024年5月31日）", "（完成时限：6月30日前）"
        ),
    )
    assert not result.year_missing
    assert _tasks(result)["1-1"]["due"][0]["date"].isoformat() == "2021-06-30"
    assert not page_stamp("2021年6月8日", 2)  # a date alone (a signature) is no stamp


# --- a rectification list run together into one paragraph ---------------------------------

# Real: yunnan-chuxiong-undated-huanbao-qingdan-run-on-labels.txt (shortened).
CHUXIONG = (
    "楚雄州贯彻落实省委、省政府环境保护督察反馈意见问题整改措施清单一、认识不深(一)部分领导干部对辖区内"
    "环境质量盲目乐观,没有危机感,对环境保护的长期性、复杂性和艰巨性认识不足。在处理发展与保护的关系上,"
    "重发展、轻保护,重开发、轻管理。整改目标:深刻把握党中央、国务院、省委、省政府关于生态环境保护的决策部署,"
    "牢固树立“绿水青山就是金山银山”的发展意识。责任单位:州委办公室、州政府办公室,各县市党委和政府责任人:"
    "州委办公室、州政府办公室主要负责人,各县市党委和政府主要负责人整改时限:立行立改,长期坚持整改措施:"
    "筑牢全州各级领导干部绿色发展理念,牢固树立正确的政绩观。1.深入学习贯彻习近平生态文明思想,"
    "进一步深化对生态文明建设和环境保护重要性的认识。2.把绿色发展纳入党委(党组)中心组学习内容。\n"
)
# Made up: two problems, 牵头单位 / 配合单位 / 完成时限, the second chapter after a full stop.
RUN_ON_VARIANT = (
    "某市巡察反馈意见整改方案一、党的建设方面(一)基层党组织软弱涣散问题仍然存在,部分村党组织"
    "战斗堡垒作用发挥不充分。整改目标:年内完成软弱涣散村党组织整顿。牵头单位:市委组织部配合单位:"
    "各县区党委完成时限:2023年12月31日整改措施:开展集中整顿。1.逐村制定整顿方案。2.选派第一书记驻村"
    "指导。二、作风建设方面(一)文山会海问题反弹,部分单位发文数量不降反升,基层负担依然较重。"
    "整改目标:发文数量下降10%。牵头单位:市委办公室完成时限:2023年10月31日整改措施:严控发文数量。"
    "1.建立发文审核制度。\n"
)


def test_a_list_run_together_is_broken_at_its_labels(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, CHUXIONG))
    assert sorted(tasks) == ["1-1"]
    assert tasks["1-1"]["roles"]["responsible"] == [
        "州委办公室",
        "州政府办公室",
        "各县市党委和政府",
    ]
    assert tasks["1-1"]["due"][0]["kind"] == "ongoing"  # 长期坚持
    assert [item["id"] for item in tasks["1-1"]["items"]] == ["1", "2"]


def test_a_list_run_together_variant(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, RUN_ON_VARIANT))
    assert sorted(tasks) == ["1-1", "2-1"]
    assert tasks["1-1"]["roles"] == {"lead": ["市委组织部"], "cooperate": ["各县区党委"]}
    assert tasks["1-1"]["due"][0]["date"].isoformat() == "2023-12-31"
    assert tasks["2-1"]["roles"] == {"lead": ["市委办公室"]}
    assert [item["id"] for item in tasks["1-1"]["items"]] == ["1", "2"]


# Made up: the places are the chapters (一、城关镇), the points numbered through.
PLACE_CHAPTERS = (
    "某县创文督查问题通报\n\n一、城关镇\n\n1.农贸市场活禽区地面脏污。\n\n2.东街背街小巷垃圾未及时清运。\n\n"
    "二、青山乡\n\n3.集镇主街占道经营(整改时限:6月30日)。\n\n4.中心小学门口乱停乱放。\n"
)


def test_places_as_chapters_variant(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, PLACE_CHAPTERS, 2024))
    assert sorted(tasks) == ["01", "02", "03", "04"]
    assert tasks["02"]["roles"] == {"responsible": ["城关镇"]}
    assert tasks["03"]["roles"] == {"responsible": ["青山乡"]}
    assert tasks["03"]["due"][0]["date"].isoformat() == "2024-06-30"


# --- the year a list's own deadlines name comes before its history's ------------------------


def test_the_deadline_year_is_the_plans(tmp_path: Path) -> None:
    result = import_whole(tmp_path, ANSHUN)  # 2015年7月 in the problem, 整改时限2017年…
    assert result.plan["period"]["start"].year == 2017


def test_the_deadline_year_variant(tmp_path: Path) -> None:
    text = (
        "某县审计发现问题整改清单\n\n"
        "一、专项资金闲置问题。2019年以来,部分专项资金未及时拨付,至2020年底仍有结余。\n"
        "完成时限:2022年6月30日前\n"
        "责任单位:县财政局\n"
        "整改措施:\n"
        "1.清理结余资金。\n"
        "2.建立资金拨付台账。\n"
    )
    result = import_whole(tmp_path, text)
    assert result.plan["period"]["start"].year == 2022
    assert result.tasks[0]["due"][0]["date"].isoformat() == "2022-06-30"


# Real: hainan-sanya-tianya-undated-chuangwen-meipian-good-points.html (its text, shortened): a
# community is where the points are, not who answers for them; its "doing well" points stay
# no tasks.
SANYA = (
    "一、儋州村社区\n(一)社区居委会\n该点位文明创建工作整体良好。\n"
    "1.显著位置设置社会主义核心价值观、关爱未成年人等公益宣传广告。\n"
    "2.显著位置设置15分钟便民生活圈、健身场所导视图。\n"
    "(二)背街小巷\n"
    "1.儋州南二巷门前三包责任落实不到位,门口杂物乱堆乱放。(责任单位:市综合行政执法局天涯分局)\n"
    "2.儋州南二巷车辆乱停放现象普遍。(责任单位:市综合行政执法局天涯分局)\n"
)


def test_a_community_is_no_place_that_answers(tmp_path: Path) -> None:
    tasks = import_whole(tmp_path, SANYA).tasks
    assert len(tasks) == 2
    assert all(t["roles"] == {"responsible": ["市综合行政执法局天涯分局"]} for t in tasks)
    assert place_name("儋州村社区") is None and place_name("金桥社区(3个)") is None


# Made up (the 督导单位 of 安顺's label lines as a table's column): who oversees the fix.
SUPERVISE_TABLE = (
    "某县环保督察反馈问题整改清单\n"
    "序号 | 问题 | 整改措施 | 责任单位 | 督导单位 | 整改时限 |\n"
    "1 | 城区污水管网雨污混流 | 实施雨污分流改造 | 县住建局 | 县纪委监委 | 2022年12月31日前 |\n"
    "2 | 工业园区扬尘污染 | 落实扬尘防治措施 | 县生态环境分局 | 县督查室 | 2022年6月30日前 |\n"
)


def test_a_supervising_column(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, SUPERVISE_TABLE))
    assert tasks["01"]["roles"] == {"responsible": ["县住建局"], "supervise": ["县纪委监委"]}
    assert tasks["02"]["due"][0]["date"].isoformat() == "2022-06-30"


# Made up: one column of units after the progress note.
GLUED_ONE_COLUMN = (
    "某县2022年民生实事推进情况\n"
    "序号工作任务进展情况责任单位\n"
    "1新建农村公路50公里。已完成38公里,其余路段正在施工。县交通运输局\n"
    "2改造老旧小区12个。已开工10个,县住建局牵头召开了推进会。县住建局、各镇人民政府\n"
)


def test_glued_rows_with_one_column_of_units(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, GLUED_ONE_COLUMN, 2022))
    assert tasks["01"]["roles"] == {"responsible": ["县交通运输局"]}
    assert tasks["02"]["roles"] == {"responsible": ["县住建局", "各镇人民政府"]}


# Made up: a task's date in brackets before or after its clause (安顺's measures' dates on tasks).
DATED_TASKS = (
    "某县2023年重点工作分工\n一、城市建设\n"
    "1.完成老旧小区改造12个(2023年6月30日)。(责任单位:县住建局)\n"
    "2.新建停车场3处(责任单位:县城管局)(2023年9月30日)\n"
)


def test_a_tasks_date_in_brackets(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, DATED_TASKS))
    assert tasks["1-1"]["due"][0]["date"].isoformat() == "2023-06-30"
    assert tasks["1-2"]["due"][0]["date"].isoformat() == "2023-09-30"
    assert bracket_phrase("a(2023年6月30日)b(2023年7月1日)") is None  # two: which one?
