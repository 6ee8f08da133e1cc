"""Round 23 (branch h18ai, issue 18): the general forms behind the differences of the sixteenth
batch, opened on this branch. Each with a few lines of the real text (file named) and a variant
written here that the same code must also read (other units, other numbers, other order)."""

from __future__ import annotations

from pathlib import Path

from duban.plan_import.agreement import due_signature
from duban.plan_import.chrome import set_aside
from duban.plan_import.row_cells import parted_names, role_parts
from duban.plan_import.units import ImportOrg
from duban.plan_import.wenku_pages import page_lines
from helpers import ROOT, import_whole, tasks_by_id

CORPUS = ROOT / "tests" / "fixtures" / "import" / "corpus"

# --- a table row whose merged cells the page left out: its cells under their columns ----------

# guangdong-province-2021-weijian-zwgk-taizhang-pipe-huiban.txt (第十六批 oracle: 02 疾控处
# responsible, ongoing; 03 宣传处 lead, 办公室 cooperate, 2021-08-31; 04 规划信息处(爱卫办)).
GUANGDONG = (
    "2021 年政务公开工作重点任务台账 |\n"
    "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
    "1 | 做好常态化疫情防控信息发布 | "
    "重点围绕散发疫情、隔离管控、流调溯源、精准防控等发布权威信息 | "
    "应急处、监督处、医政医管处、疾控处、基层处等按职责分工落实 | 长期推进 |\n"
    "|\n"
    "2 | 扎实做好疫苗接种信息公开和舆论引导工作 | 疾控处 | 长期推进 |\n"
    "|\n"
    "3 | 提高新冠肺炎疫情信息发布规范化水平,强化政府内部信息整合 | "
    "宣传处会办公室 | 2021年8月前 |\n"
    "|\n"
    "4 | 做好爱国卫生运动、健康中国行动、健康广东行动的信息发布工作 | "
    "规划信息处(爱卫办) | 长期推进 |\n"
    "|\n"
)


def test_a_short_row_puts_its_unit_and_time_under_their_columns(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, GUANGDONG, 2021))
    assert tasks["02"]["roles"] == {"responsible": ["疾控处"]}
    assert [d["kind"] for d in tasks["02"]["due"]] == ["ongoing"]
    assert tasks["03"]["roles"] == {"lead": ["宣传处"], "cooperate": ["办公室"]}
    assert [str(d["date"]) for d in tasks["03"]["due"]] == ["2021-08-31"]
    assert tasks["04"]["roles"] == {"responsible": ["规划信息处(爱卫办)"]}
    assert tasks["01"]["roles"]["responsible"][0] == "应急处"  # a full row stays as it was


def test_a_made_up_short_row_with_other_columns(tmp_path: Path) -> None:
    """Made up: a unit column before the time, a 备注 last, rows of four and three cells."""
    text = (
        "序号 | 重点工作 | 具体措施 | 牵头部门 | 完成时间 | 备注 |\n"
        "1 | 推进一网通办 | 梳理事项清单 | 县数据局 | 2023年6月底前 | |\n"
        "2 | 完善便民服务网点布局 | 县民政局 | 2023年12月底前 |\n"
        "3 | 开展营商环境评价 | 县发改局 | 持续推进 |\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    assert tasks["02"]["roles"] == {"lead": ["县民政局"]}
    assert [str(d["date"]) for d in tasks["02"]["due"]] == ["2023-12-31"]
    assert tasks["03"]["roles"] == {"lead": ["县发改局"]}
    assert [d["kind"] for d in tasks["03"]["due"]] == ["ongoing"]


def test_x_with_y_in_a_cell_of_units_leads_and_cooperates() -> None:
    assert role_parts("responsible", "宣传处会办公室") == ["牵头单位：宣传处", "配合单位：办公室"]
    assert role_parts("responsible", "市发改委会同市财政局、市统计局") == [
        "牵头单位：市发改委",
        "配合单位：市财政局、市统计局",
    ]
    assert role_parts("responsible", "規劃處會辦財務處") == ["牵头单位：規劃處", "配合单位：財務處"]
    # a name that ends in 会 is no verb: 管委会, 总工会 stay names of the column
    assert role_parts("responsible", "集聚区管委会,市科技局") == ["责任单位：集聚区管委会,市科技局"]
    assert role_parts("responsible", "市总工会、团市委") == ["责任单位：市总工会、团市委"]
    assert role_parts("lead", "宣传处会办公室") == ["牵头单位：宣传处会办公室"]


# --- a page's metadata table with letter-spaced labels: chrome, its 名称 the title -------------

# guangdong-province-2021-weijian-zwgk-taizhang-pipe-huiban.txt (the title was 「索 引 号:」).
GUANGDONG_HEAD = (
    "索 引 号:\n"
    "发布机构: 广东省卫生健康委员会\n"
    "名 称: 广东省卫生健康委2021年政务公开工作重点任务台账\n"
    "分 类: 其他;通知;卫生、体育\n"
    "发文日期: 2021年03月16日\n"
    "文 号:\n"
)


def test_letter_spaced_page_labels_are_chrome_and_the_name_is_the_title(tmp_path: Path) -> None:
    result = import_whole(tmp_path, GUANGDONG_HEAD + GUANGDONG, None)
    assert result.plan["title"] == "广东省卫生健康委2021年政务公开工作重点任务台账"
    assert result.plan["sections"][0]["title"] == result.plan["title"]  # no 索 引 号 heading
    assert result.plan["period"]["start"].year == 2021  # the 发文日期 set aside still dates it


def test_a_made_up_head_with_ideographic_spaces(tmp_path: Path) -> None:
    """Made up: other labels, ideographic spaces, a 文号 with a number kept in the text."""
    head = (
        "索\u3000引\u3000号: 11330100/2022-00031\n"
        "主题分类: 民政\n"
        "标　题: 某县民政局2022年重点工作任务台账\n"
        "分\u3000类: 工作计划\n"
        "文 号:\n"
    )
    table = (
        "序号 | 工作任务 | 责任科室 | 完成时限 |\n"
        "1 | 完善养老服务体系 | 养老服务科 | 2022年12月底前 |\n"
        "2 | 推进社会救助改革 | 社会救助科 | 2022年10月底前 |\n"
    )
    result = import_whole(tmp_path, head + table, None)
    assert result.plan["title"] == "某县民政局2022年重点工作任务台账"
    assert [t["roles"] for t in result.tasks] == [
        {"responsible": ["养老服务科"]},
        {"responsible": ["社会救助科"]},
    ]


# --- a glued table reprinted page by page (1、… 2、…), a page break inside a unit's name --------

CHENGDU_FILE = "sichuan-chengdu-2021-lajifenlei-wenku-cells-run-together-page-split.txt"
"""第十六批 oracle: four rows, each unit responsible, 2021-02-28; 市\\n2、住建局 is 市住建局."""


def test_the_pages_of_a_glued_table_are_joined_and_read_as_rows(tmp_path: Path) -> None:
    text = (CORPUS / CHENGDU_FILE).read_text(encoding="utf-8")
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert sorted(tasks) == ["01", "02", "03", "04"]
    assert tasks["02"]["roles"]["responsible"][:2] == ["市商务局", "市住建局"]
    assert "市妇联" in tasks["01"]["roles"]["responsible"]
    assert {str(d["date"]) for t in tasks.values() for d in t["due"]} == {"2021-02-28"}


def test_a_made_up_reprint_of_three_pages_with_other_columns(tmp_path: Path) -> None:
    """Made up: other title and columns (主要内容, 牵头单位), three pages, a break in a name."""
    pages = [
        "2022年城乡环境整治任务分工表序号主要内容全年目标任务牵头单位备注1开展农村生活污水治理,"
        "完善管网设施建设,推进污水处理设施提标改造,建立长效运维机制。年内完成30个行政村生活污水治理,"
        "治理率达到85%以上。县生态环境局,县住建局、县农业农村局,各镇人民政府2推进城乡垃圾分类处理,"
        "健全收运体系,",
        "建立覆盖城乡的生活垃圾收集、转运和处置体系,推动垃圾分类和资源化利用,完善再生资源回收网络,"
        "开展垃圾分类示范村创建活动,加强宣传引导和督促检查,提高居民参与率。2022年9月底前,"
        "建成分类收运站5个,示范村达到20个以上,城区生活垃圾回收利用率达到35%以上。县城管局,县",
        "商务局、县供销社,各镇人民政府3整治城乡结合部环境秩序,清理违章搭建和占道经营,规范广告牌匾设置。"
        "全年拆除违法建筑2万平方米。县综合行政执法局,县市场监管局,各镇人民政府",
    ]
    text = "\n".join(f"{n}、{page}" for n, page in enumerate(pages, start=1)) + "\n"
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["01"]["roles"]["lead"][0] == "县生态环境局"
    assert tasks["02"]["roles"]["lead"][:2] == ["县城管局", "县商务局"]
    assert tasks["03"]["roles"]["lead"][-1] == "各镇人民政府"


def test_numbered_paragraphs_are_no_pages() -> None:
    """Long items numbered 1、 2、 with no glued header are a list, not a site's pages."""
    item = "推进政务服务标准化规范化便利化," * 12
    assert page_lines(f"1、{item}\n2、{item}\n") is None


# --- a converter's pinyin inside the page's furniture: still furniture ---------------------------


def test_furniture_with_pinyin_notes_is_set_aside() -> None:
    # national-jiaotongbu-2021-trad-pinyin-zwgk-qiantou-fenbie-fuze.txt, line 5
    assert set_aside("交通運輸部辦公廳\n(此件公開發(fā)布)\n")[1] == ["(此件公開發(fā)布)"]
    # made up: another furniture line and other notes (此件不公开, 打印本页)
    assert set_aside("（此件不公(gōng)開）\n打印(dǎ)本頁\n正文")[1] == [
        "（此件不公(gōng)開）",
        "打印(dǎ)本頁",
    ]


# --- two names run together in a table's cell, the second named alone in another row ----------

# henan-dengfeng-xuzhuang-2017-town-anquan-month-rows-space-units.txt (第十三批 oracle: 08 文化站,
# 派出所, 工商质监所; 工商质监所 stands alone in row 7).
DENGFENG = (
    "一、专项整治安排表\n"
    "专项整治行业名称 | 时间安排 | 责任单位 |\n"
    "养老机构 | 4月份 | 民政所 |\n"
    "特种设备 | 7月份 | 工商质监所 安监站 |\n"
    "网吧、KTV | 8月份 | 文化站 派出所工商质监所 |\n"
)


def test_a_name_run_into_another_named_elsewhere_is_parted(tmp_path: Path) -> None:
    tasks = import_whole(tmp_path, DENGFENG, 2017).tasks
    assert tasks[-1]["roles"] == {"responsible": ["文化站", "派出所", "工商质监所"]}


def test_a_made_up_table_with_names_run_together_and_one_unit_that_stays_whole() -> None:
    """Made up: 、-separated cells, the glued pair first; a long name whose tail is named
    nowhere alone stays one unit."""
    rows = [
        ["序号", "工作任务", "责任单位"],
        ["1", "整治占道经营", "县公安局县城管局、县住建局城建监察大队"],
        ["2", "规范停车秩序", "县城管局"],
    ]
    kinds = {0: "number", 2: "responsible"}
    parted = parted_names(rows, kinds)
    assert parted[1][2] == "县公安局、县城管局、县住建局城建监察大队"
    assert parted[2] == rows[2]


# --- the unit a case is handed on to for enforcement carries the task too -----------------------

# shaanxi-pingli-undated-zhenggai-yaoqiu-supervise.txt (第九批 oracle: 05 “报县住建局城建监察大队
# 采取措施执法” is responsible, after the five units in charge). Shortened.
PINGLI = (
    "5、陈家坝药妇沟口至西大桥入口沿线商户出店占道经营问题较为突出。\n"
    "整改要求:按照先劝阻、再强制,先教育、再处罚的要求,由陈家坝沿线包片单位县职教中心、县消防大队"
    "负责对各自片区出店商户开展经常性劝阻教育,在本月底以前将屡教不改的门店报县住建局城建监察大队"
    "采取措施执法规范城乡接合部占道经营问题。县双创办对上述工作开展实效进行抽查。\n"
)


def test_the_unit_enforcing_a_referred_case_is_responsible(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, PINGLI, 2018))
    assert tasks["05"]["roles"] == {
        "responsible": ["县职教中心", "县消防大队", "县住建局城建监察大队"],
        "supervise": ["县双创办"],
    }


def test_a_made_up_referral_and_a_report_that_is_no_referral(tmp_path: Path) -> None:
    """Made up: 移交…依法查处 is a referral; 报…备案 (a report filed) names nobody new."""
    text = (
        "1.河道两岸存在私搭乱建。\n"
        "整改要求:由城东街道负责日常巡查,发现违法建设的移交区综合执法局依法查处。\n"
        "2.小区消防通道被占用。\n"
        "整改要求:由各物业公司负责清理,清理结果报区住建局备案。\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2022))
    assert tasks["01"]["roles"] == {"responsible": ["城东街道", "区综合执法局"]}
    assert tasks["02"]["roles"] == {"responsible": ["各物业公司"]}


# --- a notice whose title line the page left out: addressees, text, issuer under a seal ---------

# national-jiaotongbu-2021-trad-pinyin-zwgk-qiantou-fenbie-fuze.txt (pinyin notes kept), head.
JIAOTONG = (
    "部屬各單位、部內(nèi)各司局:\n"
    "現(xiàn)將《交通運輸部2021年政務公開工作要點》及工作臺賬印發(fā)給你們,請結(jié)合實際認真貫徹落實。\n"
    "交通運輸部辦公廳\n"
    "2021年4月27日\n"
    "(此件公開發(fā)布)\n"
    "交通運輸部2021年政務公開工作要點\n"
    "一、緊扣“十四五”開好局起好步深化政務公開\n"
    "1.加強綜合交通運輸發(fā)展規(guī)劃公開和解讀。(綜合規(guī)劃司牽頭,各有關(guān)司局按職責分工負責)\n"
)


def test_a_notice_without_its_title_line_is_read_as_the_notice(tmp_path: Path) -> None:
    result = import_whole(tmp_path, JIAOTONG)
    plan = result.plan
    assert plan["addressees"] == "部屬各單位、部內(nèi)各司局"
    assert plan["notice_text"].startswith("現(xiàn)將《交通運輸部2021年政務公開工作要點》")
    assert plan["issuer"] == "交通運輸部辦公廳"
    assert plan["title"] == "交通運輸部2021年政務公開工作要點"
    assert not [f for f in result.unread if "現" in f.text or "部屬" in f.text]


def test_a_made_up_untitled_notice_over_two_lines_of_addressees_sealed_by_another(
    tmp_path: Path,
) -> None:
    """Made up (the seal as 知识产权 2021 writes it): addressees over two lines, 转发, the issuer
    above another office's seal (代章)."""
    text = (
        "各县(市、区)农业农村局,\n"
        "局机关各处室:\n"
        "经厅领导同意,现将《全省农村人居环境整治重点任务分工》转发给你们,请认真贯彻执行。\n"
        "特此通知。\n"
        "省农村人居环境整治工作领导小组办公室\n"
        "（省农业农村厅代章）\n"
        "2022年3月8日\n"
        "全省农村人居环境整治重点任务分工\n"
        "一、推进农村厕所革命\n"
        "1.完成农村户厕改造2万户。(省农业农村厅牵头,省卫生健康委配合)\n"
    )
    result = import_whole(tmp_path, text)
    plan = result.plan
    assert plan["addressees"] == "各县(市、区)农业农村局,局机关各处室"
    assert plan["issuer"] == "省农村人居环境整治工作领导小组办公室"
    assert "特此通知" in plan["notice_text"]
    assert str(plan["signed"]) == "2022-03-08"


# --- the comparer: a time with no year to date it is no computable deadline, as in the review ---


def test_an_undated_marker_is_no_deadline_for_the_comparer() -> None:
    org = ImportOrg()
    undated = [{"kind": "ongoing", "id": "undated", "label": "4月（未写年份）"}]
    assert due_signature(org, undated) == due_signature(org, []) == []
    ongoing = [{"kind": "ongoing", "as_written": "长期推进"}]  # a real ongoing deadline counts
    assert due_signature(org, ongoing) != []


# --- one chapter whose (一)(二)(三) each number from 1: the groups are the sections -------------

# hainan-sanya-tianya-undated-chuangwen-meipian-good-points.html (第十一批 oracle: 3-1, 3-2 in
# section 3; the points found good under (一)(二) are no tasks). As the page's text, shortened.
SANYA = (
    "为高质量完成全国文明城市创建工作目标,10月25日,市创文巩卫办督查组对天涯区城市社区进行专项检查,"
    "突出问题如下:\n"
    "一、儋州村社区\n"
    "(一)社区居委会\n"
    "该点位文明创建工作整体良好。\n"
    "1.显著位置设置社会主义核心价值观、关爱未成年人等公益宣传广告。\n"
    "2.显著位置设置15分钟便民生活圈、健身场所导视图。\n"
    "(二)新时代文明实践站\n"
    "该点位文明创建工作整体良好。\n"
    "1.显著位置展示新时代文明实践站导视图。\n"
    "2.各活动室开放时间正常对外开放。\n"
    "(三)背街小巷\n"
    "1.儋州南二巷美团优选可烁日用百货店门前三包责任落实不到位,门口杂物乱堆乱放。"
    "(责任单位:市综合行政执法局天涯分局)\n"
    "2.儋州南二巷车辆乱停放现象普遍。(责任单位:市综合行政执法局天涯分局)\n"
)


def test_groups_numbering_from_one_again_are_sections(tmp_path: Path) -> None:
    result = import_whole(tmp_path, SANYA, 2023)
    tasks = tasks_by_id(result)
    assert sorted(tasks) == ["3-1", "3-2"]  # 新时代文明实践站 over a sentence is no unit
    assert tasks["3-2"]["roles"] == {"responsible": ["市综合行政执法局天涯分局"]}
    assert [s["title"] for s in result.plan["sections"]] == [
        "社区居委会",
        "新时代文明实践站",
        "背街小巷",
    ]


def test_a_made_up_inspection_with_problems_in_two_groups_and_a_plan_numbering_on(
    tmp_path: Path,
) -> None:
    """Made up: other places, problems under (一) and (二); then a plan whose groups number on
    (1. 2. | 3.) keeps its chapter and numbers."""
    text = (
        "一、河东街道\n"
        "(一)农贸市场\n"
        "1.市场内生熟不分。(责任单位:区市场监管局)\n"
        "2.公厕保洁不到位。(责任单位:河东街道办事处)\n"
        "(二)公交站台\n"
        "1.站台广告破损。(责任单位:区交通运输局)\n"
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert sorted(tasks_by_id(import_whole(tmp_path / "a", text, 2023))) == ["1-1", "1-2", "2-1"]
    on = text.replace("1.站台广告破损", "3.站台广告破损")
    assert sorted(tasks_by_id(import_whole(tmp_path / "b", on, 2023))) == ["1-1", "1-2", "1-3"]
