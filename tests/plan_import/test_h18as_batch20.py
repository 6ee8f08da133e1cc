"""Round h18as (issue 18): the twentieth batch opened and its differences read generally.

Each fix is tested on the real text it came from (tests/fixtures/import/corpus/, SOURCES.md
第二十批) and on a made-up variant of the same form (other units, numbers, years), so that the
form is read, not the file's string.
"""

from __future__ import annotations

from pathlib import Path

from duban.plan_import.clauses import split_names
from duban.plan_import.deadlines import parse_deadline
from duban.plan_import.prose_deadlines import prose_deadline
from helpers import import_whole, tasks_by_id


def _periods(text: str, year: int = 2012) -> list[str]:
    """The periods the importer reads from a task's own text (the clause names no deadline)."""
    found = prose_deadline(text)
    assert found is not None, text
    due = parse_deadline(found[1], default_year=year).due
    assert all(item["kind"] == "period" for item in due), due
    return [item["period"] for item in due]


# --- 1. several years written in one task: a deadline at each (SOURCES.md 第二十批) ---


def test_real_several_years_in_one_task() -> None:  # 广州 2012 民生幸福工程, items 3, 5, 14
    assert _periods(
        "到2014年，各区（县级市）建有1所公办职业技能培训学校。加大“职业技能培训券”工作实施力度。"
        "到2015年，建成1~2所国家示范性高等职业院校。"
    ) == ["2014", "2015"]
    assert _periods(
        "健全就业动态监控和失业预警机制。2014年前建成广州“智慧社保”信息系统。"
        "深化“充分就业社区”创建工作，到2015年，全市“充分就业社区”达标率达到70%以上。"
    ) == ["2014", "2015"]
    assert _periods(
        "建立健全住房保障收入线准入标准动态调整机制。2012年，将廉租住房保障收入线标准由家庭年人均"
        "可支配收入9600元以下提高到15600元以下。到2015年，住房保障收入线准入标准不低于我市上年度"
        "城镇家庭年人均可支配收入的60%。"
    ) == ["2012", "2015"]


def test_made_up_several_years_in_one_task() -> None:
    assert _periods(
        "2025年底前完成全县污水管网排查。到2027年，城镇污水集中收集率达到75%以上。", 2025
    ) == ["2025", "2027"]
    assert _periods(
        "2026年，新建村级养老服务站20个；2028年以前实现行政村全覆盖，力争2030年服务质量全面提升。",
        2026,
    ) == ["2026", "2028", "2030"]
    assert _periods("到2026年建成示范区，到2026年全面推广。", 2025) == ["2026"]  # once each year


def test_a_month_with_its_year_is_read_as_before() -> None:
    """2024年6月底前 is a date: the text's years are not turned into periods beside it
    (h18az: 到2025年 is a point of its own beside the date, SOURCES.md 第五批 every point kept)."""
    found = prose_deadline("2024年6月底前完成排查，到2025年全面完成整治。")
    assert found is not None and found[0] == "2024年6月底前，到2025年"
    due = parse_deadline(found[1], default_year=2024).due
    assert [(d["kind"], str(d.get("date") or d.get("period"))) for d in due] == [
        ("date", "2024-06-30"),
        ("period", "2025"),
    ]


# --- 2. a span of years alone: its last year (遂宁 “2016—2017 年底前” → 2017) ---


def test_real_span_alone_is_its_last_year() -> None:  # 广州 2012, items 2 and 4
    assert _periods(
        "提高就业补贴标准，鼓励用人单位聘用本市就业困难人员。2012－2015年，城镇年均新增就业人数"
        "24万以上，城镇登记失业率控制在3.5%以内。"
    ) == ["2015"]
    assert _periods(
        "在高校集中区域建设1~2个国家级大学生创业孵化基地。2012~2015年，有就业意愿的广州生源困难"
        "家庭毕业生当年实现100%就业。"
    ) == ["2015"]


def test_made_up_span_alone_is_its_last_year() -> None:
    assert _periods("2024—2026年，每年新增高标准农田1万亩。", 2024) == ["2026"]
    assert prose_deadline("实施三年行动计划，年均新增就业2万人。") is None  # counts, no year


# --- 3. 2014年前: to that year's end, as 2016年底前 is (a period, not a day) ---


def test_year_before_is_the_year() -> None:
    for phrase, year in (("2014年前", "2014"), ("2027年以前", "2027"), ("2016年底前", "2016")):
        due = parse_deadline(phrase, default_year=2012).due
        assert [(d["kind"], d.get("period")) for d in due] == [("period", year)], phrase


# --- the whole import: each year of a task's text is a deadline of the task ---

MINSHENG = (  # 广州 2012 民生幸福工程 (guangdong-guangzhou-2012-minsheng-…), items shortened
    "关于推进民生幸福工程的实施意见\n"
    "　　一、推进民生幸福工程总体目标\n"
    "　　1．总体目标。到2015年，全市基本建成覆盖城乡的基本公共服务体系。\n"
    "　　二、构建更加积极的就业保障体系\n"
    "　　2．创造更多就业机会。2012－2015年，城镇年均新增就业人数24万以上。"
    "（牵头单位：市人力资源和社会保障局，配合单位：市发展改革委）\n"
    "　　3．发展职业技能教育培训。到2014年，各区（县级市）建有1所公办职业技能培训学校。"
    "到2015年，建成1~2所国家示范性高等职业院校。"
    "（牵头单位：市发展改革委，配合单位：市教育局、市人力资源和社会保障局）\n"
    "　　4.完善公共就业服务。2014年前建成广州“智慧社保”信息系统。到2015年，全市“充分就业社区”"
    "达标率达到70%以上。（牵头单位：市人力资源和社会保障局）\n"
    "　　5.提高劳动者收入水平。完善最低工资保障机制。（牵头单位：市人力资源和社会保障局）\n"
)


def test_real_years_of_each_task_in_the_import(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, MINSHENG))
    periods = {
        key: [d.get("period") for d in task.get("due", []) if d["kind"] == "period"]
        for key, task in tasks.items()
    }
    assert periods == {"02": ["2015"], "03": ["2014", "2015"], "04": ["2014", "2015"], "05": []}


# --- 4. retrieval chunks, one a line: a numbered line with its own clause is an item of its own ---

SHANGHAI = (  # 上海 2023 (shanghai-2023-yingshang-…): chunks of different documents, shortened
    "营商环境政策汇编（2023）- 上海:\n"
    "（五）获取金融服务。推动完善担保交易、电子支付等领域政策法规和绿色融资领域相\n"
    "五、继续夯实工作基础和监督保障（十四）落实政府信息公开审查制度。健全完善公开属性认定流程，"
    "严防泄密和相关风险。把握好政策发布的时度效，合理引导社会和市场预期。\n"
    "（八）提升涉案信息线下查询渠道便利度。鼓励各区及市有关部门通过整合线下查询窗口，"
    "开辟管理人查询“绿色通道”。（责任单位：市高院、市公安局、市通信管理局等；各区政府）\n"
    "2.完善综合竣工验收制度。在交通枢纽、水务、绿化工程中探索推行综合竣工验收。"
    "（责任部门：市住房城乡建设管理委、市规划资源局、市交通委（市道运局）、市气象局）\n"
)
CHUNKS = (  # made up: another compilation's chunks, other numbers and units
    "乡村振兴政策摘编（2024）- 某省:\n"
    "（三）加强耕地保护。严格落实耕地保护责任，坚决遏制耕地“非农化”，防止永久基本农田\n"
    "（九）推进农村厕所革命。因地制宜推进户厕改造，完善后续管护机制。"
    "（责任单位：省农业农村厅、省卫生健康委等；各市政府）\n"
    "3.提升农村供水保障水平。推进城乡供水一体化，实施小型供水工程标准化改造。"
    "（牵头部门：省水利厅，配合部门：省财政厅）\n"
)


def test_real_chunks_each_numbered_line_with_its_clause(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, SHANGHAI))
    assert sorted(tasks) == ["02", "08"]  # （五） cut mid-sentence has no clause: no task
    assert tasks["08"]["roles"] == {
        "responsible": ["市高院", "市公安局", "市通信管理局", "各区政府"]
    }
    assert tasks["02"]["roles"]["responsible"][-2:] == ["市交通委（市道运局）", "市气象局"]


def test_made_up_chunks_each_numbered_line_with_its_clause(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, CHUNKS))
    assert sorted(tasks) == ["03", "09"]
    assert tasks["09"]["roles"] == {"responsible": ["省农业农村厅", "省卫生健康委", "各市政府"]}
    assert tasks["03"]["roles"] == {"lead": ["省水利厅"], "cooperate": ["省财政厅"]}
    unbracketed = CHUNKS.replace(
        "（牵头部门：省水利厅，配合部门：省财政厅）", "牵头部门：省水利厅，配合部门：省财政厅。"
    )
    folder = tmp_path / "label"  # the clause as a label's sentence, no bracket
    folder.mkdir()
    tasks = tasks_by_id(import_whole(folder, unbracketed))
    assert tasks["03"]["roles"] == {"lead": ["省水利厅"], "cooperate": ["省财政厅"]}


def test_a_numbered_line_without_a_clause_stays_the_items_text(tmp_path: Path) -> None:
    """Without its own clause a line of another number is no item: the closing words, as before."""
    text = CHUNKS.replace("（牵头部门：省水利厅，配合部门：省财政厅）", "")
    assert sorted(tasks_by_id(import_whole(tmp_path, text))) == ["09"]


# --- 5. a unit with its other name in brackets, in a list separated by spaces ---


def test_a_unit_with_its_alias_in_a_spaced_list() -> None:
    real = "市卫生健康委 市国动办 市交通委（市道运局） 市交警总队"  # 上海 2023, spaced (variant)
    assert split_names(real) == ["市卫生健康委", "市国动办", "市交通委（市道运局）", "市交警总队"]
    made_up = "县住建局 县城管局（县综合执法局） 县水利局"
    assert split_names(made_up) == ["县住建局", "县城管局（县综合执法局）", "县水利局"]
