"""Round 27 (branch h18ap, issue 18): the same document read the same way whatever blank lines,
wraps, numbering marks, label punctuation or script it comes in. Each test is a made-up text (no
corpus file), written in a form the variants harness (corpus_variants.py) showed broken."""

from __future__ import annotations

from pathlib import Path

from duban.plan_import.wrapped_lines import single_spaced
from helpers import import_whole, tasks_by_id

# --- blank lines: a page's paragraph spacing ---------------------------------------------------

LEADER_FIRST = (
    "责任领导 | 序号 | 重点工作 | 牵头单位 | 配合单位 |\n"
    "\n"
    "张明 | 3 | 建成区级养老服务指导中心 | 区民政局 | 区卫健委 |\n"
    "\n"
    "李华 | 4 | 新增城市书房三处 | 区文旅局 | 各街道 |\n"
)
CATEGORY_FIRST = (
    "序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 |\n"
    "\n"
    "1 | 养老 | 建成区级养老服务指导中心 | 区民政局 | 区卫健委 |\n"
    "\n"
    "2 | 阅读 | 新增城市书房三处 | 区文旅局 | 各街道 |\n"
)


def test_pipe_rows_with_a_blank_line_between_them_are_one_table(tmp_path: Path) -> None:
    """Made up: short tables of | rows copied from a page with a blank line after each row (too
    few lines to be taken for a double-spaced text): read as the rows written together are."""
    tasks = tasks_by_id(import_whole(tmp_path, LEADER_FIRST, 2024))
    assert sorted(tasks) == ["03", "04"]  # it was refused: no numbered item
    assert tasks["04"]["roles"] == {"lead": ["区文旅局"], "cooperate": ["各街道"]}
    assert [leader["name"] for leader in tasks["04"]["leaders"]] == ["李华"]
    (tmp_path / "2").mkdir()
    tasks = tasks_by_id(import_whole(tmp_path / "2", CATEGORY_FIRST, 2024))
    assert sorted(tasks) == ["01", "02"]
    assert "leaders" not in tasks["01"]  # the category 养老 was read as a leader's name
    assert tasks["02"]["roles"] == {"lead": ["区文旅局"], "cooperate": ["各街道"]}


CELLS = (
    "序号\n\n工作任务\n\n牵头单位\n\n配合单位\n\n\n"
    "1\n\n完成老旧小区改造12个\n\n县住建局\n\n县财政局\n\n\n"
    "2\n\n开通城乡公交线路3条\n\n县交通局\n\n各乡镇\n\n\n"
    "3\n\n建设村级电商服务站20个\n\n县商务局\n\n县供销社\n"
)


def doubled(text: str) -> str:
    return "\n\n".join(text.split("\n"))


def test_a_double_spaced_copy_reads_as_the_text_it_copies() -> None:
    """Made up: cells a line with one blank line between them and two between rows; the same
    page copied again with a blank line after every line is single-spaced to the same text."""
    assert single_spaced(doubled(CELLS)) == single_spaced(CELLS)
    assert single_spaced(doubled(doubled(CELLS))) == single_spaced(CELLS)


def test_a_double_spaced_cell_table_keeps_its_rows(tmp_path: Path) -> None:
    once = tasks_by_id(import_whole(tmp_path, CELLS, 2024))
    (tmp_path / "2").mkdir()
    twice = tasks_by_id(import_whole(tmp_path / "2", doubled(CELLS), 2024))
    assert sorted(once) == sorted(twice) == ["01", "02", "03"]
    assert [t["roles"] for t in once.values()] == [t["roles"] for t in twice.values()]
    assert twice["03"]["roles"] == {"lead": ["县商务局"], "cooperate": ["县供销社"]}


# --- label punctuation: a label cell or a label without its colon -----------------------------

VERTICAL = (
    "重点任务 | 7.建设智慧停车管理平台,新增公共泊位800个。 |\n"
    "责任单位 | 区城管局、区交警大队 |\n"
    "完成时限: | 2024年10月底前 |\n"
)


def test_a_vertical_label_table_reads_label_cells_without_colons(tmp_path: Path) -> None:
    """Made up: a vertical table (label | value |) whose labels mostly lost their colons."""
    tasks = tasks_by_id(import_whole(tmp_path, VERTICAL, 2024))
    assert sorted(tasks) == ["07"]
    task = next(iter(tasks.values()))
    assert task["roles"] == {"responsible": ["区城管局", "区交警大队"]}
    assert [str(d["date"]) for d in task["due"]] == ["2024-10-31"]


# --- script: traditional characters in a table whose cells ran together -------------------------

GLUED_TRADITIONAL = (
    "序號重點工作工作推進情況牽頭單位責任單位\n"
    "1推進城區供水管網改造。全年完成改造管網42公里,超過年度目標。市水務局東湖區、西湖區人民政府\n"
    "2擴大職業技能培訓規模。累計培訓8600人次,完成全年任務的95%。市教育局市人社局、市總工會\n"
)


def test_a_glued_table_in_traditional_characters_is_cut_as_in_simplified(tmp_path: Path) -> None:
    """Made up: a run-together progress table (header words, units last) reposted in
    traditional characters: 牽頭單位 cuts the header and 市水務局東湖區 the units, as in
    simplified characters."""
    tasks = tasks_by_id(import_whole(tmp_path, GLUED_TRADITIONAL, 2023))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["roles"] == {
        "lead": ["市水務局"],
        "responsible": ["東湖區", "西湖區人民政府"],
    }
    assert tasks["02"]["roles"] == {"lead": ["市教育局"], "responsible": ["市人社局", "市總工會"]}


# --- hard wraps: a line cut inside a decimal ----------------------------------------------------


def test_a_wrapped_line_that_starts_inside_a_decimal_is_joined() -> None:
    """Made up: a paragraph cut at a fixed width where a line starts 47.5万吨 (a decimal cut in
    two, not an item 47.): joined to the line before."""
    from duban.plan_import.wrapped_lines import rejoin_wrapped

    wrapped = (
        "1.加快建设垃圾焚烧发电项目，新增处理能力日均2\n"
        "47.5万吨，力争提前完成省下达的年度目标任务要求\n"
        "并及时报送进展情况，确保各项指标稳定达到国家\n"
        "规定的排放标准，接受社会各界的监督和检查评估。\n"
        "2.完善生活垃圾分类收运体系，实现城乡收运全覆盖\n"
        "，推动再生资源回收网点与垃圾分类网点两网融合。\n"
    )
    joined = rejoin_wrapped(wrapped).split("\n")
    assert joined[0].startswith("1.加快建设垃圾焚烧发电项目，新增处理能力日均247.5万吨，力争")
    assert joined[1].startswith("2.完善")


def test_a_wrapped_page_with_a_converters_readings_is_joined() -> None:
    """Made up: a reposted page whose converter wrote readings after characters (區(qū)) and that
    was then cut at a fixed width: a line ending 市發(fā) ends no sentence, and short items the
    readings lengthen are no evidence that the page was not wrapped."""
    from duban.plan_import.wrapped_lines import rejoin_wrapped

    wrapped = (
        "  一、關(guān)于目標(biāo)責(zé)任的分解落實(shí)\n"
        "  今年的目標(biāo)任務(wù)按照職責(zé)分工逐項(xiàng)\n"
        "分解到責(zé)任單位,各單位要制定推進(jìn)計(jì)劃,明確時(sh\n"
        "í)間節(jié)點(diǎn),確保按期完成。\n"
        "  1.糧食總產(chǎn)量穩(wěn)定在30萬噸以上;\n"
        "  2.新增高標(biāo)準(zhǔn)農(nóng)田2萬畝;\n"
        "  3.農(nóng)村居民人均可支配收入增長8%;\n"
        "  以上3項(xiàng)目標(biāo)的責(zé)任單位均為市發(fā)\n"
        "展改革委和市農(nóng)業(yè)農(nóng)村局。\n"
        "  4.城鎮(zhèn)新增就業(yè)人數(shù)達(dá)到1.2萬人\n"
        ",城鎮(zhèn)調(diào)查失業(yè)率控制在5.5%以內(nèi)。\n"
    )
    joined = rejoin_wrapped(wrapped).split("\n")
    units = "市發(fā)展改革委和市農(nóng)業(yè)農(nóng)村局"
    assert f"  以上3項(xiàng)目標(biāo)的責(zé)任單位均為{units}。" in joined


NO_COLONS = (
    "一、交通项目\n"
    "1.建成城区至高铁站快速通道。\n"
    "牵头单位市交通运输局\n"
    "实施单位市城投集团\n"
    "2.开展背街小巷环境整治。(责任单位东风街、城管局)\n"
    "3.扩大普惠金融覆盖面。(牵头单位人民银行城关支行)\n"
    "4.完成滨江路提升改造。责任单位区建设局,责任人:王强\n"
)


def test_role_labels_without_colons_in_the_words_offices_use(tmp_path: Path) -> None:
    """Made up: 实施单位 as a label, a street office (东风街), a bank and a person's label after
    the units, each with its colon dropped."""
    tasks = tasks_by_id(import_whole(tmp_path, NO_COLONS, 2024))
    assert tasks["1-1"]["roles"] == {"lead": ["市交通运输局"], "responsible": ["市城投集团"]}
    assert tasks["1-2"]["roles"] == {"responsible": ["东风街", "城管局"]}
    assert tasks["1-3"]["roles"] == {"lead": ["人民银行城关支行"]}
    assert tasks["1-4"]["roles"] == {"responsible": ["区建设局"]}


# --- numbering marks: a document site's page numbers written 1. or 1． -------------------------

PAGED = (
    "{1}推进城乡供水一体化重点任务分工表序号工作内容目标任务责任单位备注"
    "1实施农村供水管网延伸工程,推进城乡供水同源同网同质。2023年底前,农村自来水普及率达到98%以上。"
    "县水利局,县发改局、县财政局,各乡镇人民政府"
    "2加强水源地保护,开展饮用水水源地环境问题排查整治。2023年6月底前,完成水源地规范化建设。"
    "县生态环境局,县水\n"
    "{2}利局,各乡镇人民政府3完善供水应急保障体系,建立应急备用水源。2023年9月底前,编制供水应急预案。"
    "县住建局,县水利局\n"
)


def test_a_paged_glued_table_whatever_mark_numbers_its_pages(tmp_path: Path) -> None:
    """Made up: a glued table reprinted page by page, the pages numbered 1、 or 1. or １． (the
    page break inside 县水 / 利局): the same three rows each time."""
    for at, (one, two) in enumerate(
        (("1、", "2、"), ("1.", "2."), ("１．", "２．"), ("1. ", "2. "))
    ):
        (tmp_path / str(at)).mkdir()
        text = PAGED.replace("{1}", one).replace("{2}", two)
        tasks = tasks_by_id(import_whole(tmp_path / str(at), text, 2023))
        assert sorted(tasks) == ["01", "02", "03"], one
        assert tasks["02"]["roles"]["responsible"] == ["县生态环境局", "县水利局", "各乡镇人民政府"]


CATEGORY_TABLE = (
    "类别 | 实事名称 | 年度目标 | 责任单位 | 分管领导 | 备注 |\n"
    "二、卫生健康 | 7{stop}建设社区卫生服务站 | 新建社区卫生服务站4处。 | 卫健局 | 张三 | |\n"
    "8{stop}推进家庭医生签约 | 重点人群签约率达到80%。 | 卫健局 | 张三 | |\n"
    "9{stop}开展适龄妇女两癌筛查 | 完成筛查1.2万人。 | 妇联 | 张三 | |\n"
)


def test_a_category_table_rows_numbered_in_any_arabic_form(tmp_path: Path) -> None:
    """Made up: a table whose 类别 cell the page left out of the rows below the first, the rows'
    own numbers written 8. / 8﹒ / ８． / 8. with a space: the same three tasks 7, 8, 9."""
    for at, stop in enumerate((".", "﹒", "．", ". ")):
        text = CATEGORY_TABLE.replace("{stop}", stop)
        if stop == "．":
            text = text.replace("8．", "８．").replace("9．", "９．")
        (tmp_path / str(at)).mkdir()
        tasks = tasks_by_id(import_whole(tmp_path / str(at), text, 2022))
        assert sorted(tasks) == ["07", "08", "09"], stop
        assert tasks["09"]["roles"] == {"responsible": ["妇联"]}
        assert [leader["name"] for leader in tasks["08"]["leaders"]] == ["张三"]


MERGED_WIDE = (
    "项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
    "１．城乡供水保障项目 | 新建加压泵站2座; | 6月 | 水务局 |\n"
    "改造老旧供水管网30公里。 | 2022.10 | 水投集团 | |\n"
    "２．全民健身设施项目 | 新建百姓健身房5处; | 9月底 | 体育局 |\n"
    "新建多功能运动场8个。 | 2022年11月 | 各镇街 | |\n"
)


def test_merged_project_rows_numbered_in_full_width_digits(tmp_path: Path) -> None:
    """Made up: a project's merged rows under it, its number １． in full-width digits: the rows
    below join it and the number is not written twice (1.１．…)."""
    tasks = tasks_by_id(import_whole(tmp_path, MERGED_WIDE, 2022))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["roles"] == {"lead": ["水务局", "水投集团"]}
    assert tasks["02"]["title"].startswith("全民健身设施项目")


INNER_ROWS = (
    "建设任务 | 工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |\n"
    "一、队伍建设 |\n"
    "(一)基层力量充实 | 1.人员配备 | {1}镇(街道)配备专职安全员2名以上。 | 1.落实人员编制; | "
    "组织办 应急办 | 3月 |\n"
    "{2}村(社区)明确一名安全信息员。 | 1.建立信息员名册; | 应急办 | 4月 |\n"
    "{3}企业明确安全生产管理人员。 | 1.开展企业摸排; | 安监站 | 5月 |\n"
)


def test_rows_numbered_inside_a_table_with_circled_or_parenthesized_marks(tmp_path: Path) -> None:
    """Made up: a | table whose rows are numbered after merged category cells, the marks
    written (1) (2) (3), ① ② ③ or ⑴ ⑵ ⑶: the same three items each time."""
    for at, marks in enumerate((("(1)", "(2)", "(3)"), "①②③", "⑴⑵⑶")):
        text = INNER_ROWS
        for index, mark in enumerate(marks, 1):
            text = text.replace(f"{{{index}}}", mark)
        (tmp_path / str(at)).mkdir()
        tasks = import_whole(tmp_path / str(at), text, 2023).tasks
        assert len(tasks) == 3, marks
        assert [t["roles"] for t in tasks][1:] == [
            {"responsible": ["应急办"]},
            {"responsible": ["安监站"]},
        ], marks


NOTICE_TRADITIONAL = (
    "縣人民政府辦公室關於印發2024年重點工作責任分解方案的通知\n\n"
    "各鄉鎮人民政府,縣政府各部門:\n\n"
    "《2024年重點工作責任分解方案》已經縣政府同意,現印發給你們,並就有關事項通知如下:\n\n"
    "一、各責任單位要制定工作方案,明確時間節點。\n\n"
    "二、縣督查室要加強跟蹤督辦。\n\n"
    "縣人民政府辦公室\n2024年2月1日\n\n"
    "2024年重點工作責任分解方案\n\n"
    "一、主要經濟指標\n"
    "1.地區生產總值增長6%。\n責任單位:縣發展改革局\n"
    "2.一般公共預算收入增長5%。\n責任單位:縣財政局\n"
)


def test_a_notice_in_traditional_characters_wraps_its_plan(tmp_path: Path) -> None:
    """Made up: a notice reposted in traditional characters that numbers its own requirements
    一、二、 above the plan's title: the plan starts after its title, its tasks 1-1 and 1-2."""
    tasks = tasks_by_id(import_whole(tmp_path, NOTICE_TRADITIONAL, 2024))
    assert sorted(tasks) == ["1-1", "1-2"]
    assert tasks["1-2"]["roles"] == {"responsible": ["縣財政局"]}


LETTER_TRADITIONAL = (
    "社區工作年度目標責任書\n"
    "為推進社區各項工作,街道黨工委與各社區簽訂年度目標管理責任書,具體內容如下:\n"
    "1、黨建工作20分,由街道組織辦負責考核。\n"
    "2、平安建設15分,由街道綜治辦負責考核。\n"
)


def test_a_responsibility_letter_in_traditional_characters_names_who_answers(
    tmp_path: Path,
) -> None:
    """Made up: a letter signed with 各社區 (與各社區簽訂…責任書), in traditional characters:
    each item is theirs, as in simplified characters."""
    tasks = tasks_by_id(import_whole(tmp_path, LETTER_TRADITIONAL, 2024))
    assert [t["roles"].get("responsible") for t in tasks.values()] == [["各社區"], ["各社區"]]


# --- containers: a table one cell a line under a 工作计划's header -----------------------------

PLAN_CELLS = (
    "一、督查安排表\n"
    "督查事项名称\n时间安排\n责任单位\n"
    "校园周边交通秩序\n3月份\n交警中队\n"
    "农贸市场食品安全\n4月份\n市场监管所 卫生院\n"
    "汛前水库安全检查\n5月份\n水利站\n"
)


def test_a_cell_a_line_table_whose_header_says_when_work_is_planned(tmp_path: Path) -> None:
    """Made up: a 工作计划's table with no 序号 (事项 / 时间安排 / 责任单位) copied one cell a line:
    时间安排 is a header word as 完成时间 is, and each row is a task."""
    tasks = import_whole(tmp_path, PLAN_CELLS, 2024).tasks
    assert [t["roles"] for t in tasks] == [
        {"responsible": ["交警中队"]},
        {"responsible": ["市场监管所", "卫生院"]},
        {"responsible": ["水利站"]},
    ]
    assert [str(t["due"][0]["date"]) for t in tasks] == ["2024-03-31", "2024-04-30", "2024-05-31"]


# --- line breaks: a role bracket a page put on the next line ------------------------------------

CHAPTER_NEXT_LINE = (
    "2023年十件民生实事完成情况\n"
    "一、新增城镇就业岗位1.2万个;开展职业技能培训5000人次。\n"
    "(责任单位:市人社局、市教育局,各区县政府)该件实事已全面完成\n"
    "1.新增城镇就业岗位1.2万个\n"
    "(责任单位:市人社局,各区县)\n"
    "此项工作已完成。全年新增城镇就业1.35万人。\n"
    "2.开展职业技能培训5000人次。\n"
    "(责任单位:市人社局、市教育局)\n"
    "此项工作已完成。全年培训5600人次。\n"
    "二、改造城镇老旧小区40个。\n"
    "(责任单位:市住建局,各区县政府)该件实事已全面完成\n"
    "此项工作已完成。\n"
)


def test_a_role_bracket_on_the_next_line_is_its_items(tmp_path: Path) -> None:
    """Made up: the brackets of 一、二、 and of 1. (cut before the bracket) on the next line:
    the chapters keep their own assignment and are the tasks, as when written on one line."""
    one_line = CHAPTER_NEXT_LINE.replace("\n(责任单位", "(责任单位")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    tasks = tasks_by_id(import_whole(tmp_path / "a", CHAPTER_NEXT_LINE, 2023))
    written = tasks_by_id(import_whole(tmp_path / "b", one_line, 2023))
    assert sorted(tasks) == sorted(written) == ["01", "02"]
    assert (
        tasks["02"]["roles"]
        == written["02"]["roles"]
        == {"responsible": ["市住建局", "各区县政府"]}
    )


GROUP_CLAUSE = (
    "一、应急管理体系建设\n"
    "1.完善应急预案体系\n"
    "(1)加强应急预案管理,规范预案编制和备案工作。\n"
    "(2)加强应急预案演练,强化针对性、实战性。\n"
    "(责任单位:市应急局、各县(市、区)人民政府)\n"
    "2.加强应急队伍建设\n"
    "(1)建设综合性救援队伍。\n"
    "(责任单位:市消防救援支队)\n"
)


def test_a_bracket_alone_under_finished_sub_items_stays_the_items(tmp_path: Path) -> None:
    """Made up: a bracket alone on its line after the item's last sub-item's full stop covers
    the item (its brackets inside, 各县(市、区), no end of it): not joined to (2)."""
    tasks = tasks_by_id(import_whole(tmp_path, GROUP_CLAUSE, 2023))
    assert tasks["1-1"]["roles"] == {"responsible": ["市应急局", "各县(市、区)人民政府"]}


SHARED_LABEL = (
    "三、体育中心\n"
    "(二)具体任务、完成时限及责任单位\n"
    "1.场馆土方及基础工程,4月30日前完成。\n"
    "{label}:市城投公司。\n"
    "2.主体结构施工,8月底前完成;\n"
    "3.幕墙及屋面工程,10月底前完成;\n"
    "4.室外配套工程,12月底前完工。\n"
    "{label}:市体育局、市住建局。\n"
)


def test_a_label_line_after_a_run_of_items_in_any_label_word(tmp_path: Path) -> None:
    """Made up: a label line under the last of a run of items ending ； names their units; the
    label written 责任单位, 责任, 承担单位 or 牵头部门 (offices' words for it) gives them to 2
    and 3."""
    for at, label in enumerate(("责任单位", "责任", "承担单位", "牵头部门")):
        (tmp_path / str(at)).mkdir()
        text = SHARED_LABEL.replace("{label}", label)
        tasks = tasks_by_id(import_whole(tmp_path / str(at), text, 2023))
        units = [list(tasks[f"3-{n}"]["roles"].values()) for n in (2, 3, 4)]
        assert units == [[["市体育局", "市住建局"]]] * 3, label


RUN_ON_NO_COLONS = (
    "一、加强校园安全管理\n"
    "1.开展校园周边安全隐患排查整治。\n"
    "责任部门县教育局牵头,县公安局、县市场监管局配合。\n"
    "2.完善学校安全防范设施。责任单位县教育局、各乡镇人民政府责任人:李明\n"
)


def test_labels_without_colons_before_a_role_sentence_or_a_persons_label(tmp_path: Path) -> None:
    """Made up: 责任部门 before 县教育局牵头，…配合 (a sentence of roles) and 责任单位 before units
    run on into 责任人: (no separator), each label's colon dropped."""
    tasks = tasks_by_id(import_whole(tmp_path, RUN_ON_NO_COLONS, 2023))
    assert tasks["1-1"]["roles"] == {
        "lead": ["县教育局"],
        "cooperate": ["县公安局", "县市场监管局"],
    }
    (tmp_path / "colons").mkdir()
    colons = RUN_ON_NO_COLONS.replace("责任部门县", "责任部门:县").replace(
        "责任单位县", "责任单位:县"
    )
    written = tasks_by_id(import_whole(tmp_path / "colons", colons, 2023))
    assert tasks["1-2"]["roles"] == written["1-2"]["roles"]  # read as with its colon


WRAPPED_PAGES = (
    "1、推进城乡供水一体化重点任务分工表序号工作内容目标任务责任单位备注\n"
    "1实施农村供水管网延伸工程,推进城乡供水同源同网同质。2023年底前,\n"
    "农村自来水普及率达到98%以上。县水利局,县发改局、县财政局,各乡镇人\n"
    "民政府(管委会)\n"
    "2加强水源地保护,开展饮用水水源地环境问题排查整治。2023年6月底前,\n"
    "完成水源地规范化建设。县生态环境局,县水\n"
    "2、利局,各乡镇人民政府3完善供水应急保障体系,建立应急备用水源。2023\n"
    "年9月底前,编制供水应急预案。县住建局,县水利局\n"
)


def test_a_paged_glued_table_cut_at_a_fixed_width(tmp_path: Path) -> None:
    """Made up: a glued table reprinted page by page, its lines cut at a fixed width, one cut
    after 各乡镇人民政府(管委会) (a line that seems to end a sentence): the pages are joined whole
    again and their rows read."""
    tasks = tasks_by_id(import_whole(tmp_path, WRAPPED_PAGES, 2023))
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["02"]["roles"]["responsible"][:2] == ["县生态环境局", "县水利局"]
    assert tasks["03"]["roles"] == {"responsible": ["县住建局", "县水利局"]}


def test_a_wrapped_item_with_a_space_after_its_mark_is_joined() -> None:
    """Made up: items written (一) 地区… with a space after the mark, cut at a fixed width: the
    space parts no table cells, so the lines are joined as any wrapped paragraph's."""
    from duban.plan_import.wrapped_lines import rejoin_wrapped

    wrapped = (
        "一、 主要预期目标\n"
        "(一) 地区生产总值增长6%左右。(牵头领导:张华,牵头\n"
        "单位:县发改局,数据提供单位:县统计局)\n"
        "(二) 一般公共预算收入增长5%。(牵头领导:李强,牵头单位\n"
        ":县财政局,责任单位:县税务局、各乡镇人民政府)\n"
        "(三) 城镇新增就业3000人以上。(牵头领导:李强,牵头单位\n"
        ":县人社局,数据提供单位:县统计局)\n"
        "(四) 粮食播种面积稳定在50万亩以上。(牵头领导:王军,牵\n"
        "头单位:县农业农村局)\n"
    )
    joined = rejoin_wrapped(wrapped).split("\n")
    assert "(二) 一般公共预算收入增长5%。(牵头领导:李强,牵头单位:县财政局," in joined[2]
    assert joined[4] == "(四) 粮食播种面积稳定在50万亩以上。(牵头领导:王军,牵头单位:县农业农村局)"


SHORT_ITEMS_CUT = (
    "  一、确保年度目标\n"
    "  1. 地区生产总值增长6%左右。(县发展改革局负责)\n"
    "  2. 规模以上工业增加值增长7%。(县工信局负责)\n"
    "  3. 一般公共预算收入增长4%。(县财政局负责)\n"
    "  4. 城镇调查失业率、城镇登记失业率分别控制在5%和4%以内。(县人社局负\n"
    "责)\n"
    "  5. 居民消费价格涨幅3%左右。(县发展改革局负责)\n"
)


def test_a_short_items_line_cut_inside_its_bracket_is_joined(tmp_path: Path) -> None:
    """Made up: a page of one-line items cut at its width only once, inside a bracket
    ((县人社局负 / 责)): too few cut lines to call the page wrapped, but the open bracket is."""
    tasks = tasks_by_id(import_whole(tmp_path, SHORT_ITEMS_CUT, 2024))
    assert tasks["1-4"]["roles"] == {"responsible": ["县人社局"]}
    assert sorted(tasks) == ["1-1", "1-2", "1-3", "1-4", "1-5"]


# --- web chrome after a table -------------------------------------------------------------------

GLUED_THEN_CHROME = (
    "某区2021年重点工作任务完成情况\n"
    "类别序号重点督办内容牵头单位全年完成情况\n"
    "民生保障1新增公办幼儿园学位1200个。区教育局全年新增学位1350个,超额完成。\n"
    "民生保障2完成老旧小区综合整治10个。区住建局已完成整治11个小区。\n"
    "民生保障3新建养老驿站8家。区民政局全年新建养老驿站8家,完成目标。\n"
    "\n"
    "【打印本页】 【关闭窗口】\n"
    "分享到：微信 微博\n"
)


def test_a_glued_tables_last_row_ends_before_the_pages_chrome(tmp_path: Path) -> None:
    """Made up: a run-together table closed by the page's 【打印本页】 【关闭窗口】: the chrome is
    no line of the last row's progress note (the row stays a task)."""
    tasks = tasks_by_id(import_whole(tmp_path, GLUED_THEN_CHROME, 2021))
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["03"]["roles"] == {"lead": ["区民政局"]}


LABELS_THEN_CHROME = (
    "整改情况表\n"
    "整改任务\n"
    "河道垃圾清理不及时,部分河段存在漂浮物。\n"
    "责任单位\n"
    "县水利局、城关镇人民政府\n"
    "\n"
    "【打印本页】 【关闭窗口】\n"
    "分享到：微信 微博\n"
)


def test_a_label_lines_tables_last_cell_ends_before_the_pages_chrome(tmp_path: Path) -> None:
    """Made up: a one-row table whose labels stand on their own lines, closed by the page's
    【打印本页】: the chrome is no unit of the last cell."""
    tasks = import_whole(tmp_path, LABELS_THEN_CHROME, 2023).tasks
    assert [t["roles"] for t in tasks] == [{"responsible": ["县水利局", "城关镇人民政府"]}]


MERGED_UNIT_CELLS = (
    "2023年县民生实事项目进展情况表\n"
    "序号\n项目内容\n进展情况\n责任单位\n"
    "1\n新建城市书房5家。\n已建成城市书房5家。\n县文广旅体局\n"
    "2\n新建公办幼儿园2所。\n城东幼儿园已完工。\n县教育局\n"
    "新增普惠性托位300个。\n新增托位320个。\n"
    "开展中小学生视力筛查3万人次。\n完成筛查31200人次。\n"
    "3\n改造农村公路60公里。\n完成改造45公里。\n县交通运输局\n"
)


def test_a_merged_unit_cell_over_lines_copied_a_cell_a_line(tmp_path: Path) -> None:
    """Made up: a progress table copied one cell a line, row 2's unit merged over two more lines
    of work and progress (their empty 序号 and unit cells left out): they are row 2's, not a
    heading row, and 县教育局 stays under the units."""
    tasks = tasks_by_id(import_whole(tmp_path, MERGED_UNIT_CELLS, 2023))
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["02"]["roles"] == {"responsible": ["县教育局"]}
    assert "视力筛查3万人次" in tasks["02"]["text"]
    assert tasks["03"]["roles"] == {"responsible": ["县交通运输局"]}


CATEGORY_CELLS = (
    "类别\n实事名称\n2023年度目标\n责任单位\n分管领导\n1-6月完成情况\n监督电话\n"
    "三、社会保障\n"
    "8.提高城乡居民基础养老金\n月人均提高20元。\n县人社局\n赵六\n已按时足额发放。\n"
    "监督电话0531-1234567\n"
    "9.扩大长期护理保险覆盖面\n参保人数达到10万人。\n县医保局\n赵六\n参保9.6万人。\n"
    "监督电话0531-7654321\n"
)


def test_a_cell_a_line_table_with_categories_merged_over_its_rows(tmp_path: Path) -> None:
    """Made up: a table copied one cell a line whose first column (类别) is merged over its rows,
    a year before one column's name (2023年度目标) and a 监督电话 column: each numbered row's
    cells start under the column after the category."""
    tasks = tasks_by_id(import_whole(tmp_path, CATEGORY_CELLS, 2023))
    assert sorted(tasks) == ["08", "09"]
    assert tasks["09"]["roles"] == {"responsible": ["县医保局"]}
    assert [leader["name"] for leader in tasks["08"]["leaders"]] == ["赵六"]


GLUED_CUT = (
    "类别序号重点督办内容牵头单位全年完成情况\n"
    "民生保障1新增公办幼儿园学位1200个。区教育局全年新增学位1350个,超额完成。\n"
    "民生保障2完成老旧小区综合整治10个。\n"
    "区住建局已完成整治11个小区。\n"
    "民生保障3新建养老驿站8家。区民政局全年新建养老驿站8家,完成目标。\n"
)


def test_a_glued_row_cut_after_its_tasks_full_stop(tmp_path: Path) -> None:
    """Made up: a run-together table whose second row the page cut right after the task's full
    stop (its unit and progress on the next line): the row is read whole, not taken for the
    first row's progress going on."""
    tasks = tasks_by_id(import_whole(tmp_path, GLUED_CUT, 2021))
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["02"]["roles"] == {"lead": ["区住建局"]}


GROUP_CELLS_MERGED_UNIT = (
    "工作任务\n具体要求\n责任部门\n"
    "一、做好预算信息公开。\n"
    "1.及时公开部门预算、决算。\n"
    "财务股牵头,各股室配合\n"
    "2.公开三公经费使用情况。\n"
    "二、做好网站信息更新。\n"
    "3.每月更新网站栏目信息。\n"
    "办公室\n"
)


def test_a_merged_unit_cell_copied_once_a_cell_a_line(tmp_path: Path) -> None:
    """Made up: a table with merged group cells (一、 二、) copied a cell a line; item 2's unit
    cell was merged with item 1's, so the page wrote it once: item 2 is a task sharing it, not a
    heading."""
    tasks = import_whole(tmp_path, GROUP_CELLS_MERGED_UNIT, 2023).tasks
    assert len(tasks) == 3
    assert tasks[1]["text"].startswith("公开三公经费")
    assert tasks[1]["roles"] == tasks[0]["roles"] == {"lead": ["财务股"], "cooperate": ["各股室"]}


CELLS_CUT_AT_A_COMMA = (
    "序号\n工作任务\n牵头单位\n配合单位\n"
    "1\n推进中小学校舍维修改造。\n区教育局\n区财政局\n"
    "2\n实施农村饮水安全巩固提升工程。\n区水利局\n"
    "区财政局、区农业农村局、区住建局、区自然资源局、区生态环境局、区卫健委、\n"
    "区市场监管局,各乡镇人民政府、街道办事处。\n"
    "3\n开展城乡环境整治行动。\n区住建局\n各乡镇人民政府\n"
)


def test_a_cell_cut_after_a_lists_separator_is_joined(tmp_path: Path) -> None:
    """Made up: a table a cell a line whose long cell of units the page cut after 区卫健委、 (a
    line that ends on a list's separator ends no paragraph): joined, the row's units whole."""
    tasks = tasks_by_id(import_whole(tmp_path, CELLS_CUT_AT_A_COMMA, 2025))
    assert tasks["02"]["roles"]["lead"] == ["区水利局"]  # the cut line was read as a lead cell
    assert {"区卫健委", "区市场监管局"} <= set(tasks["02"]["roles"]["cooperate"])


CELLS_CUT_IN_A_NAME = (
    "序号\n重点任务\n责任单位\n牵头单位\n"
    "1\n推进农村寄递物流体系建设。\n"
    "区农业农村局、区商务局、区市场监管局、区交通运输局、区供销社、城西邮\n"
    "政管理局、区财政局\n"
    "区发改局\n"
    "2\n开展全民健身赛事活动。\n各街道\n区文体局\n"
)


def test_a_list_of_units_cut_inside_its_last_name_is_one_cell(tmp_path: Path) -> None:
    """Made up: a cell a line, a cell of units the page cut inside a name (城西邮 / 政管理局):
    one cell, the name whole, not a cell of its own under the next column."""
    tasks = tasks_by_id(import_whole(tmp_path, CELLS_CUT_IN_A_NAME, 2023))
    assert "城西邮政管理局" in tasks["01"]["roles"]["responsible"]
    assert tasks["01"]["roles"]["lead"] == ["区发改局"]
