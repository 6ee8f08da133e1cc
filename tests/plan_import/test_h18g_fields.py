"""The fields of a task (issue 18, fifth round, branch h18g): named leaders, role labels and
verbs, unit lists and deadlines, each form with the text it was seen in. Texts marked "real" are
quoted (shortened where "…" says so) from the published pages of tests/fixtures/import/corpus/
(SOURCES.md gives each file's address); the few marked "made up" show a form the corpus does not
hold and say so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from duban.plan_import import import_file
from duban.plan_import.cell_rows import cell_type
from duban.plan_import.clauses import find_clause, split_names
from duban.plan_import.deadlines import parse_deadline
from duban.plan_import.leader_names import read_leaders
from duban.plan_import.role_sentences import by_sentence, label_prose, prose_verb
from duban.plan_import.units import ImportOrg
from duban.plan_import.unnumbered import bar_rows
from helpers import import_whole

pytestmark = pytest.mark.usefixtures("chinese")
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "corpus"


_import = import_whole


# --- leaders: people, never units -----------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "leaders", "roles"),
    [
        # real: hubei-xianan-2023-leader-lead-inline.txt (咸安区 2023, 第7项)
        (
            "城乡居民收入增长与经济增长基本同步。(责任领导:杜新国、丁玲;牵头单位:区发改局、区农业农村局)",
            ["杜新国", "丁玲"],
            {"lead": ["区发改局", "区农业农村局"]},
        ),
        # real: anhui-chuzhou-2020-leader-lines.txt (滁州 2020): labels on lines of their own
        (
            "1. 地区生产总值增长7%左右。\n    牵头负责领导:金力。\n\n"
            "    牵头责任单位:市发展改革委。",
            ["金力"],
            {"lead": ["市发展改革委"]},
        ),
        # real: anhui-fuyang-2019-leader-post.txt (阜阳 2019): a post with no name stays whole
        (
            "做好工作。(牵头负责领导:市政府常务副市长;牵头责任单位:市发展改革委)",
            ["市政府常务副市长"],
            {"lead": ["市发展改革委"]},
        ),
        # made up (the issue's form): a name spaced to three characters' width
        (
            "做好工作。（牵头领导：王 健；牵头单位：市发展改革委）",
            ["王健"],
            {"lead": ["市发展改革委"]},
        ),
    ],
)
def test_leaders_are_people_and_never_units(clause: str, leaders: list, roles: dict) -> None:
    found = find_clause(clause)
    assert found is not None
    assert [leader["name"] for leader in found.leaders] == leaders
    assert found.roles == roles


def test_a_post_before_the_name_is_the_post() -> None:
    # made up: 分管领导：副市长王某 (the brief's form; the corpus writes posts in brackets)
    (leader,) = read_leaders("副市长王某", "分管领导：")
    assert (leader["name"], leader["post"]) == ("王某", "副市长")
    (alone,) = read_leaders("市政府常务副市长", "牵头负责领导:")  # real: 阜阳 2019
    assert alone["name"] == "市政府常务副市长" and "post" not in alone


def test_two_spaced_names_run_together_in_a_cell_are_two_people(tmp_path: Path) -> None:
    # real: anhui-nanling-2024-leader-cell-pipes.txt (南陵 2024): the 分管县领导 cell of row 81
    # lost its line break: 陆 明 and 俞 悦 run together
    assert cell_type("陆 明俞 悦") == "person"
    assert [p["name"] for p in read_leaders("陆 明俞 悦", "")] == ["陆明", "俞悦"]
    text = (
        "2024年《政府工作报告》重点工作目标任务分解表\n序号 |\n目标与任务 |\n分 管 县领导 |\n"
        "牵头责任单位 |\n责任单位 |\n80 |\n加大普惠性托育供给,新增托位数400个以上。 |\n俞 悦 |\n"
        "县教育局 |\n县各有关单位 |\n81 |\n保障芜职院现代物流智造学院秋季开学,"
        "支持芜湖科技工程学校发展,探索职业教育赋能区域发展路径。 |\n陆 明俞 悦 |\n县教育局 |\n"
        "县各有关单位 |\n"
    )
    first, task = _import(tmp_path, text, 2024).tasks
    assert [leader["name"] for leader in first["leaders"]] == ["俞悦"]
    assert [leader["name"] for leader in task["leaders"]] == ["陆明", "俞悦"]
    assert task["roles"]["lead"] == ["县教育局"]


# --- role labels and verbs ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "roles"),
    [
        # real: city-undated-page3-zerenbumen-lines.txt: a label whose names are a sentence
        (
            "积极化解公办学校债务。\n责任部门:市教育局牵头,市财政局、市审计局配合。",
            {"lead": ["市教育局"], "cooperate": ["市财政局", "市审计局"]},
        ),
        # real: heilongjiang-province-2013-zhuban-xieban.txt (黑龙江 2013)
        (
            "公共财政收入增长13%左右。(省财政厅主办,省国税局、地税局协办)",
            {"lead": ["省财政厅"], "cooperate": ["省国税局", "地税局"]},
        ),
        (
            "城镇居民人均可支配收入、农民人均纯收入均增长12%以上。(省发改委、农委、统计局分别负责)",
            {"responsible": ["省发改委", "农委", "统计局"]},
        ),
        # real: guangdong-province-2021-zfgzbg-leaders.txt (粤府〔2021〕22号)
        (
            "地区生产总值增长6%以上。\n分管省领导:林克庆\n部门分工:省发展改革委牵头,各地、各部门配合。",
            {"lead": ["省发展改革委"], "cooperate": ["各地", "各部门"]},
        ),
        # real: shaanxi-xianyang-2022-fangguanfu-trad.txt (咸阳 2022, traditional characters)
        (
            "深化改革。(市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,"
            "市級各有關部門及各縣市區政府按職責分工負責)",
            {
                "lead": ["市政府辦公室", "市行政審批制度改革工作領導小組辦公室"],
                "responsible": ["市級各有關部門", "各縣市區政府"],
            },
        ),
        # made up: the same label sentence inside a bracket, with 按职责分工负责
        (
            "做好工作。（责任单位：市教育局牵头，市财政局、市审计局按职责分工负责）",
            {"lead": ["市教育局"], "responsible": ["市财政局", "市审计局"]},
        ),
    ],
)
def test_role_labels_and_verbs(clause: str, roles: dict) -> None:
    found = find_clause(clause)
    assert found is not None and found.roles == roles


def test_a_label_of_names_alone_is_not_a_sentence() -> None:
    assert label_prose("市教育局牵头,市财政局、市审计局配合")
    assert not label_prose("市教育局、市财政局")  # 责任单位：A、B: a plain list
    assert not label_prose("区发改局")


def test_a_closing_sentence_with_you_names_who_carries_it_out(tmp_path: Path) -> None:
    # real: city-undated-shijian-shishi-youfuze.txt (某市，“十件实事”)
    text = (
        "二、为民办好“十件实事”\n"
        "(一)继续实施对种粮农民直接补贴、农机具购置补贴,确保补贴总金额高于上年。"
        "由市财政局、农业局、劳动保障局、农机局,各县(市)、区人民政府负责落实。\n"
    )
    span = by_sentence(text.splitlines()[1])
    assert span is not None and span[2].endswith("负责落实")
    (task,) = _import(tmp_path, text, 2008).tasks
    assert task["roles"] == {
        "responsible": ["市财政局", "农业局", "劳动保障局", "农机局", "各县(市)、区人民政府"]
    }
    assert by_sentence("由此带来的问题由各方协商解决。") is None  # not a list of units


# --- unit lists -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "split"),
    [
        # real: anhui-chuzhou-2020-leader-lines.txt: a group phrase stays whole, 等 is not a name
        (
            "市经信局、滁州经开区管委会等,各县、市、区政府",
            ["市经信局", "滁州经开区管委会等", "各县、市、区政府"],
        ),
        # real: city-undated-shijian-shishi-youfuze.txt: 各县(市)、区 is one group
        ("市财政局,各县(市)、区人民政府", ["市财政局", "各县(市)、区人民政府"]),
        # made up: parted by / and by spaces (every part a whole name)
        ("市发改委/市财政局/市商务局", ["市发改委", "市财政局", "市商务局"]),
        ("市发改委 市财政局", ["市发改委", "市财政局"]),
        ("各县（市、区） 人民政府", ["各县（市、区） 人民政府"]),  # not two names: kept
    ],
)
def test_unit_lists(names: str, split: list[str]) -> None:
    assert split_names(names) == split


def test_open_lists_and_deadlines_stay_out_of_names() -> None:
    # real: guangdong-province-2023-spun-reprint.txt (粤府办〔2023〕5号, a reprint's synonyms)
    clause = find_clause(
        "做好工作。(省生长改造委、交通运输厅、水利厅、住房城乡建设厅、能源局等省有关部门"
        "和各地级以上市人民政府按职责分工卖力)"
    )
    assert clause is not None
    assert "能源局" in clause.roles["responsible"]
    assert clause.open_list == ["能源局等省有关部门"]
    # real: hunan-xiangxi-2020-pinyin-garbled.txt (州政发〔2020〕5号)
    clause = find_clause(
        "“一枚印章管審批”。(牽頭單位:州行政審批服務局;責任單位:州司法局、州委編辦及州直相關單位,"
        "各縣市人民政府、湘西經(jīng)開區(qū)管委會,6月底完成)"
    )
    assert clause is not None and clause.deadline == "6月底完成"
    assert clause.roles["lead"] == ["州行政審批服務局"]
    assert "湘西經開區管委會" in clause.roles["responsible"]
    assert not any("月" in name for name in clause.roles["responsible"])


# --- deadlines ------------------------------------------------------------------------------


def test_a_month_and_what_is_done_in_it_is_that_months_end() -> None:
    # real: sichuan-dazhu-2016-minsheng-cell-lines.txt (竹府办〔2016〕20号): 完成时限 cells
    (due,) = parse_deadline("9月投入使用", default_year=2016).due
    assert due["date"] == dt.date(2016, 9, 30) and due["as_written"] == "9月投入使用"
    (due,) = parse_deadline("5月底前动工", default_year=2016).due
    assert due["date"] == dt.date(2016, 5, 31)
    assert parse_deadline("19月完成", default_year=2016).due == []  # no such month


def test_a_yearly_deadline_is_recurring_not_one_date() -> None:
    # real (the finding): 每年3月底前…公布上一年度… read as a one-off date once
    (due,) = parse_deadline("每年3月底前公布上一年度", default_year=2023).due
    assert due["kind"] == "recurring" and due["every"] == "year" and due["month"] == 3


def test_a_standing_rule_names_units_for_this_task_and_every_one_after(tmp_path: Path) -> None:
    # real: jiangsu-huaian-2022-wenzengzhang-standing-rule.txt (淮安 2022), shortened
    text = (
        "一、加大财政支持\n"
        "1.积极争取省级专项资金,支持中小微企业。(责任单位:市工信局、市财政局等有关部门,"
        "各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出)\n"
        "2.成立“智改数转”工作专班。(责任单位:市工信局、市财政局)\n"
    )
    first, second = _import(tmp_path, text, 2022).tasks
    both = ["市工信局", "市财政局", "各县区人民政府", "园区管委会"]
    assert first["roles"] == {"responsible": both}  # the rule is no unit's name
    assert second["roles"] == {"responsible": both}
    assert "以下均需各县区人民政府、园区管委会落实" in second["note"]


@pytest.mark.parametrize(
    ("clause", "roles", "leaders", "deadline"),
    [
        # made up (forms not in the corpus, common in 分工表): a unit marked （牵头） in a list
        (
            "做好工作。（责任单位：市发改委（牵头）、市财政局、市商务局）",
            {"lead": ["市发改委"], "responsible": ["市财政局", "市商务局"]},
            [],
            None,
        ),
        # made up: the deadline's label first, the units' labels after it
        (
            "做好工作。（完成时限：2024年6月底前；牵头单位：市发改委；责任单位：市财政局）",
            {"lead": ["市发改委"], "responsible": ["市财政局"]},
            [],
            "2024年6月底前",
        ),
        # made up: other labels of people, and of time
        (
            # h18ak: 责任人 with no leader's post is the clerk doing the work (SOURCES.md 第十一批:
            # “(责任人:姓名)”不记; 第十七批: 责任人:X副市长 is a leader): 李四 is not recorded
            "做好工作。（包保领导：张三；牵头单位：市发改委；责任人：李四；时间：2024年底）",
            {"lead": ["市发改委"]},
            ["张三"],
            "2024年底",
        ),
        (
            "做好工作。（县级责任领导：张三；责任单位：各镇（街道）、县财政局；进度要求：6月底前）",
            {"responsible": ["各镇（街道）", "县财政局"]},
            ["张三"],
            "6月底前",
        ),
    ],
)
def test_more_labels_of_units_people_and_time(
    clause: str, roles: dict, leaders: list, deadline: str | None
) -> None:
    found = find_clause(clause)
    assert found is not None and not found.unread
    assert {role: sorted(names) for role, names in found.roles.items()} == {
        role: sorted(names) for role, names in roles.items()
    }
    assert [leader["name"] for leader in found.leaders] == leaders
    assert found.deadline == deadline


def test_every_yearless_step_in_the_text_is_a_date_in_the_plans_year(tmp_path: Path) -> None:
    # made up: the steps of a task in its text, with no year and no deadline in its bracket
    text = (
        "某市2023年重点工作任务分工方案\n一、稳定增长\n"
        "1.力争10月底前完成第一阶段改造，12月底前全面完成。（责任单位：市住建局）\n"
        "2.年底前建成污水处理厂。（牵头单位：市住建局）\n"
    )
    first, second = _import(tmp_path, text).tasks
    assert [d["date"] for d in first["due"]] == [dt.date(2023, 10, 31), dt.date(2023, 12, 31)]
    assert second["due"][0]["period"] == "2023"
    assert "取自正文" in first["note"]


def test_table_columns_of_the_lead_a_person_and_the_progress_asked(tmp_path: Path) -> None:
    # made up: header words the corpus does not hold (主责单位, 责任人, 进度要求)
    text = (
        "某县2024年重点工作任务分解表\n"
        "序号 | 工作任务 | 主责单位 | 责任人 | 进度要求 |\n"
        "1 | 完成老旧小区改造10个。 | 县住建局 | 王五 | 2024年10月底前 |\n"
        "2 | 新建村级养老服务站5个。 | 县民政局 | 李四 | 2024年12月底前 |\n"
    )
    first, second = _import(tmp_path, text).tasks
    assert first["roles"] == {"lead": ["县住建局"]}
    assert [leader["name"] for leader in first["leaders"]] == ["王五"]
    assert first["due"][0]["date"] == dt.date(2024, 10, 31)
    assert second["roles"] == {"lead": ["县民政局"]}


@pytest.mark.parametrize(
    ("clause", "roles"),
    [
        # made up: verbs before and after the role word that are no part of any name
        (
            "做好工作。（A局牵头组织，B局、C局配合落实）",
            {"lead": ["A局"], "cooperate": ["B局", "C局"]},
        ),
        ("做好工作。（A局、B局共同负责）", {"responsible": ["A局", "B局"]}),
        ("做好工作。（县住建局具体负责）", {"responsible": ["县住建局"]}),
        (
            "做好工作。（A局牵头，B局、C局按职能分工负责）",
            {"lead": ["A局"], "responsible": ["B局", "C局"]},
        ),
        (
            "做好工作。（A局牵头，各县区政府具体落实）",
            {"lead": ["A局"], "responsible": ["各县区政府"]},
        ),
    ],
)
def test_verbs_around_the_role_word_stay_out_of_names(clause: str, roles: dict) -> None:
    found = find_clause(clause)
    assert found is not None and found.roles == roles


def test_a_sentence_ending_in_a_verb_is_no_assignment() -> None:
    assert prose_verb("全面推进") is None  # nothing before the verb
    assert prose_verb("加快项目建设推进") is None  # not a unit before the verb
    assert prose_verb("县住建局牵头实施") == (4, "lead", "牵头", False)


@pytest.mark.parametrize(
    ("clause", "roles"),
    [
        # made up: a label with 为, a dash or a space where the colon should be
        (
            "做好工作。（牵头单位为市发改委，配合单位为市财政局）",
            {"lead": ["市发改委"], "cooperate": ["市财政局"]},
        ),
        ("做好工作。（牵头单位—市发改委）", {"lead": ["市发改委"]}),
        (
            "做好工作。（牵头单位 市发改委、市商务局 配合单位 市财政局）",
            {"lead": ["市发改委", "市商务局"], "cooperate": ["市财政局"]},
        ),
        ("做好工作。（牽頭單位為市發改委）", {"lead": ["市發改委"]}),
    ],
)
def test_a_label_without_its_colon(clause: str, roles: dict) -> None:
    found = find_clause(clause)
    assert found is not None and found.roles == roles


@pytest.mark.parametrize(
    ("clause", "roles", "leaders", "deadline"),
    [
        # made up: a clause in two brackets side by side
        (
            "做好工作。（市发改委牵头）（2024年6月底前）",
            {"lead": ["市发改委"]},
            [],
            "2024年6月底前",
        ),
        (
            "做好工作。（责任单位：市发改委、市财政局）（完成时限：6月底前）",
            {"responsible": ["市发改委", "市财政局"]},
            [],
            "6月底前",
        ),
        # made up: leaders with the post after the name, a rank before the post, a post's label
        (
            "做好工作。（牵头领导：张三副市长；牵头单位：市发改委）",
            {"lead": ["市发改委"]},
            ["张三"],
            None,
        ),
        (
            "做好工作。（责任领导：县委常委、副县长张三；牵头单位：县发改局）",
            {"lead": ["县发改局"]},
            ["张三"],
            None,
        ),
        (
            "做好工作。（分管副市长：李四；牵头单位：市发改委）",
            {"lead": ["市发改委"]},
            ["李四"],
            None,
        ),
        (
            "做好工作。（区政府分管领导：张三；牵头单位：区发改局）",
            {"lead": ["区发改局"]},
            ["张三"],
            None,
        ),
    ],
)
def test_brackets_side_by_side_and_leaders_posts(
    clause: str, roles: dict, leaders: list, deadline: str | None
) -> None:
    found = find_clause(clause)
    assert found is not None and not found.unread
    assert found.roles == roles
    assert [leader["name"] for leader in found.leaders] == leaders
    assert found.deadline == deadline


def test_a_surname_with_a_post_stays_as_written() -> None:
    (leader,) = read_leaders("张副市长", "牵头领导：")  # made up: no given name to keep apart
    assert leader["name"] == "张副市长" and "post" not in leader


@pytest.mark.parametrize(
    ("phrase", "kind", "value"),
    [
        # made up: dates as offices write them (none of these is in a corpus file's deadline)
        ("二〇二四年六月底前", "date", dt.date(2024, 6, 30)),
        ("十月底前完成", "date", dt.date(2024, 10, 31)),
        ("明年6月底前", "date", dt.date(2025, 6, 30)),
        ("12月中旬前", "date", dt.date(2024, 12, 20)),
        ("6月下旬", "date", dt.date(2024, 6, 30)),
        ("11月", "date", dt.date(2024, 11, 30)),  # a 完成时限 cell: by that month's end
        ("6月至12月", "date", dt.date(2024, 12, 31)),
        ("2024年6月至2025年3月底", "date", dt.date(2025, 3, 31)),
        ("三季度末", "period", "2024-Q3"),
    ],
)
def test_dates_as_offices_write_them(phrase: str, kind: str, value: object) -> None:
    (due,) = parse_deadline(phrase, default_year=2024).due
    assert due["kind"] == kind and due.get("date", due.get("period")) == value
    assert due["as_written"] == phrase  # the phrase is kept as written


@pytest.mark.parametrize(
    ("clause", "roles", "open_list", "unread"),
    [
        # made up: phrases in a list of names that are no unit
        (
            "做好工作。（责任单位：市发改委、市财政局，下同）",
            {"responsible": ["市发改委", "市财政局"]},
            [],
            ["下同"],  # a remark: no unit, listed in the review
        ),
        (
            "做好工作。（责任单位：市发改委、市财政局按属地原则负责）",
            {"responsible": ["市发改委", "市财政局"]},
            [],
            [],
        ),
        (
            "做好工作。（责任单位：市发改委等10个部门）",
            {"responsible": ["市发改委"]},
            ["市发改委等10个部门"],  # an open list: said in the review
            [],
        ),
    ],
)
def test_phrases_that_are_not_units_never_in_a_name(
    clause: str, roles: dict, open_list: list, unread: list
) -> None:
    found = find_clause(clause)
    assert found is not None and found.roles == roles
    assert found.open_list == open_list and found.unread == unread


@pytest.mark.parametrize(
    ("clause", "roles", "leaders"),
    [
        # the real lines above (page3, 十件实事) in traditional characters, as reprint sites
        # convert them; and made-up forms of this round likewise
        (
            "積極化解公辦學校債務。\n責任部門:市教育局牽頭,市財政局、市審計局配合。",
            {"lead": ["市教育局"], "cooperate": ["市財政局", "市審計局"]},
            [],
        ),
        (
            "確保補貼總金額高於上年。由市財政局、農業局,各縣(市)、區人民政府負責落實。",
            {"responsible": ["市財政局", "農業局", "各縣(市)、區人民政府"]},
            [],
        ),
        (
            "做好工作。（分管領導：副市長王某；責任單位：市發改委（牽頭）、市財政局）",
            {"lead": ["市發改委"], "responsible": ["市財政局"]},
            ["王某"],
        ),
        (
            "做好工作。（市發改委牽頭組織，市財政局、市商務局共同負責）",
            {"lead": ["市發改委"], "responsible": ["市財政局", "市商務局"]},
            [],
        ),
    ],
)
def test_traditional_characters_throughout(clause: str, roles: dict, leaders: list) -> None:
    found = find_clause(clause)
    assert found is not None and not found.unread
    assert {role: names for role, names in found.roles.items()} == roles
    assert [leader["name"] for leader in found.leaders] == leaders


def test_a_row_with_more_unit_cells_keeps_its_deadline_in_its_column() -> None:
    # real: sichuan-dazhu-2016-minsheng-cell-lines.txt (竹府办〔2016〕20号), one cell a line:
    # row 1 has three units, row 2 one, so the cells are not counted into the columns
    source = CORPUS / "sichuan-dazhu-2016-minsheng-cell-lines.txt"
    tasks = {t["id"]: t for t in import_file(source, ImportOrg(), "p", None).tasks}
    assert tasks["01"]["roles"] == {"responsible": ["县水务局", "县住建局", "县护城河指挥部"]}
    assert [d["date"] for d in tasks["01"]["due"]] == [dt.date(2016, 12, 31)]
    assert [d["date"] for d in tasks["02"]["due"]] == [dt.date(2016, 9, 30)]  # 9月投入使用
    assert tasks["03"]["roles"] == {"responsible": ["县文体广新局", "县代建中心"]}


def test_a_short_row_keeps_its_deadline_out_of_the_units_column() -> None:
    # made up: a | row that left its unit cell out (a merged or empty cell)
    text = (
        "序号 | 工作任务 | 责任单位 | 完成时限 |\n"
        "1 | 新建养老服务站5个。 | 县民政局 | 2024年12月底前 |\n"
        "2 | 完成老旧小区改造。 | 2024年10月底前 |\n"
        "3 | 建成污水处理厂。 | 县住建局 | 2024年6月底前 |\n"
    )
    read = bar_rows(text)
    assert read is not None
    assert "2.完成老旧小区改造。（完成时限：2024年10月底前）" in read[0].splitlines()
