"""Forms the eighth batch showed the importer still missed (issue 18, eleventh round, branch h18r),
each read by general means. Texts marked "real" are quoted (shortened where "…" says so) from the
published pages of tests/fixtures/import/corpus/ (SOURCES.md gives each file's address); texts
marked "made up" are variants written for this test (another numbering, another label) that the
same reading must also take: the guard against a fix that fits one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import import_whole, tasks_by_id

pytestmark = pytest.mark.usefixtures("chinese")


# --- 数据提供单位: the unit giving the figures a target is assessed by -----------------------

# Real: sichuan-chengdu-2019-leader-data-provider-inline.txt.
CHENGDU = (
    "2019年《政府工作报告》确定的主要目标任务责任分解方案\n"
    "一、 经济社会发展主要预期目标\n"
    "(一) 地区生产总值增长7.5%左右。(牵头领导:谢瑞武,牵头单位:市发改委,数据提供单位:市统计局)\n"
    "(二) 全社会固定资产投资增长10%。(牵头领导:谢瑞武,牵头单位:市发改委,"
    "责任单位:市农业农村局、市经信局,数据提供单位:市统计局)\n"
)
# Made up: another numbering, the label as a line of its own, 数据提供部门.
PROVIDER_LINES = (
    "某县2022年重点指标分解\n"
    "1.城镇新增就业3000人。\n"
    "牵头单位：县人社局\n"
    "数据提供部门：县统计局\n"
    "2.粮食播种面积稳定在50万亩。\n"
    "牵头单位：县农业农村局\n"
    "数据提供单位：县统计局、县农调队\n"
)


def test_a_data_provider_is_read_as_the_assessing_unit(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, CHENGDU, 2019))
    assert tasks["1-1"]["roles"] == {"lead": ["市发改委"], "assess": ["市统计局"]}
    assert tasks["1-2"]["roles"]["assess"] == ["市统计局"]
    assert tasks["1-2"]["roles"]["responsible"] == ["市农业农村局", "市经信局"]


def test_a_data_provider_label_on_its_own_line(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, PROVIDER_LINES, 2022))
    assert tasks["01"]["roles"] == {"lead": ["县人社局"], "assess": ["县统计局"]}
    assert tasks["02"]["roles"]["assess"] == ["县统计局", "县农调队"]


# --- 列第一位的为牵头部门: the rule written with 部门 (State Council style), traditional too ----

# Real: jilin-province-2014-trad-first-listed-fuze.txt (traditional characters, 文号 with 號).
JILIN = (
    "吉林省人民政府關于國務院近期支持東北振興若干重大政策舉措的落實意見\n"
    "(吉政發〔2014〕37號)\n"
    "一、著力激發市場活力\n"
    "(一)進一步簡政放權。\n"
    "1.進一步加快推進簡政放權。(省發展改革委、省編辦、省水利廳等負責,列第一位的為牽頭部門,下同)\n"
    "2.鼓勵我省重點裝備制造企業享受境外并購外匯管理改革試點政策。"
    "(人民銀行長春中心支行、省財政廳、省工業信息化廳負責)\n"
)
# Made up: simplified, 列第一位者为牵头部门 as the State Council writes it, another numbering.
FIRST_DEPARTMENT = (
    "某省落实方案\n"
    "（一）加快推进政务服务一网通办。（省政务服务局、省发展改革委、省财政厅按职责分工负责，"
    "列第一位者为牵头部门）\n"
    "（二）深化工程建设项目审批制度改革。（省住房城乡建设厅、省自然资源厅负责）\n"
)


def test_first_listed_is_the_lead_department_in_traditional(tmp_path: Path) -> None:
    result = import_whole(tmp_path, JILIN)  # no --year: the 文号 written with 號 gives it
    assert not result.year_missing
    assert result.plan["period"]["start"].year == 2014
    tasks = tasks_by_id(result)
    assert tasks["1-1"]["roles"] == {
        "lead": ["省發展改革委"],
        "responsible": ["省編辦", "省水利廳"],
    }
    assert tasks["1-2"]["roles"] == {  # 下同: the rule holds for the next clauses too
        "lead": ["人民銀行長春中心支行"],
        "responsible": ["省財政廳", "省工業信息化廳"],
    }


def test_first_listed_is_the_lead_department_state_council_style(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, FIRST_DEPARTMENT, 2020))
    (first, second) = tasks.values()
    assert first["roles"] == {"lead": ["省政务服务局"], "responsible": ["省发展改革委", "省财政厅"]}
    assert second["roles"] == {"lead": ["省住房城乡建设厅"], "responsible": ["省自然资源厅"]}


# --- 各开发区、镇(街道): a bare level of place after a 各 group is that group's ----------------

# Real: liaoning-haicheng-2023-leader-name-lines.txt.
HAICHENG = (
    "一、经济社会发展主要目标\n"
    "1.地区生产总值增长6.5%以上。\n"
    "牵头领导:刘兴达\n"
    "牵头单位:市发展和改革局\n"
    "责任单位:各有关部门,各开发区、镇(街道)\n"
)
# Made up: a bracketed clause, 各县区、乡镇 and 各街道、社区 after a named unit.
TOWN_GROUPS = (
    "某市2021年工作要点\n"
    "（一）推进农村人居环境整治。（牵头单位：市农业农村局；责任单位：市住建局，各县区、乡镇）\n"
    "（二）开展城市社区治理试点。（牵头单位：市民政局；责任单位：各街道、社区）\n"
)


def test_a_bare_town_level_after_a_group_stays_in_the_group(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, HAICHENG, 2023))
    assert tasks["1-1"]["roles"]["responsible"] == ["各有关部门", "各开发区、镇(街道)"]
    (first, second) = tasks_by_id(import_whole(tmp_path, TOWN_GROUPS, 2021)).values()
    assert first["roles"]["responsible"] == ["市住建局", "各县区、乡镇"]
    assert second["roles"]["responsible"] == ["各街道、社区"]


# --- 1。 : the item's dot turned into a full stop by a converter -----------------------------

# Real: tianjin-2020-ideographic-stop-number-fenbie.txt (shortened).
TIANJIN = (
    "关于落实国务院《政府工作报告》重点工作的任务分工\n"
    "  总体要求和主要预期目标\n"
    "  1。在以习近平同志为核心的党中央坚强领导下，……实现“十三五”规划圆满收官。"
    "(市政府各部门分别负责,年内持续推进)\n"
)
# Made up: two items, a 2。 after a chapter heading, labels in the brackets.
STOPS = (
    "某区2022年重点工作任务分解\n"
    "一、稳增长\n"
    "1。推动重大项目开工建设。（牵头单位：区发改局；完成时限：2022年6月底前）\n"
    "2。加快推进老旧小区改造。（牵头单位：区住建局）\n"
)


def test_a_number_written_with_a_full_stop_is_an_item(tmp_path: Path) -> None:
    (task,) = tasks_by_id(import_whole(tmp_path, TIANJIN, 2020)).values()  # before: refused
    assert task["number"] == 1
    assert task["roles"] == {"responsible": ["市政府各部门"]}
    tasks = tasks_by_id(import_whole(tmp_path, STOPS, 2022))
    assert list(tasks) == ["1-1", "1-2"]
    assert tasks["1-2"]["roles"] == {"lead": ["区住建局"]}
    assert "6月" in str(tasks["1-1"]["due"])


# --- （一）X牵头的工作: an item headed by the unit leading it -----------------------------------

# Real: shanxi-province-2008-leader-lead-group-headings.txt (shortened).
SHANXI = (
    "山西省人民政府关于印发2008年省人民政府工作目标责任分解的通知\n"
    "一、孟学农省长负责的工作\n"
    "全面负责省人民政府工作任务的落实。\n"
    "(一)省监察厅牵头的工作\n"
    "加强行政监察工作,全面落实政府系统党风廉政建设责任制。\n"
    "(二)省审计厅牵头的工作\n"
    "全面加强审计工作。\n"
    "协同单位:省直各部门和各市人民政府。\n"
    "二、薛延忠常务副省长负责的工作\n"
    "(一)省人民政府办公厅牵头的工作\n"
    "1.加强政府自身建设,切实优化政务环境。\n"
    "协同单位:省直有关部门和各市人民政府。\n"
    "2.认真执行省人大及其常委会的各项决议、决定,自觉接受监督。\n"
    "协同单位:省直有关部门和各市人民政府。\n"
)
# Made up: 由…牵头的重点任务 in full-width brackets, two units, items with labelled clauses.
LED_GROUPS = (
    "某市2022年重点工作责任分解\n"
    "一、经济发展\n"
    "（一）由市发改委、市财政局牵头的重点任务\n"
    "1.推进重大项目建设。（配合单位：各区政府）\n"
    "2.扩大有效投资。（配合单位：市自然资源局）\n"
    "（二）市商务局牵头的工作\n"
    "促进消费回补。\n"
)


def test_an_item_headed_by_its_lead_unit(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, SHANXI, 2008))
    assert list(tasks) == ["1-1", "1-2", "2-1"]  # before: 1-1 a provision, 2-1's steps tasks
    assert tasks["1-1"]["roles"] == {"lead": ["省监察厅"]}
    assert tasks["1-2"]["roles"]["lead"] == ["省审计厅"]
    assert tasks["2-1"]["roles"] == {"lead": ["省人民政府办公厅"]}
    assert [item["roles"]["cooperate"] for item in tasks["2-1"]["items"]] == [
        ["省直有关部门", "各市人民政府"]
    ] * 2
    tasks = tasks_by_id(import_whole(tmp_path, LED_GROUPS, 2022))
    assert list(tasks) == ["1-1", "1-2"]
    assert tasks["1-1"]["roles"] == {"lead": ["市发改委", "市财政局"]}
    assert len(tasks["1-1"]["items"]) == 2
    assert tasks["1-2"]["roles"] == {"lead": ["市商务局"]}


# --- ? at a line's start with text after it: a bullet a converter garbled, not a number ------

# Real: ningxia-yinchuan-2019-trad-bullets-lead-cooperate.txt (shortened, traditional).
YINCHUAN = (
    "銀川都市圈建設2019年工作計劃\n"
    "一、基礎設施互聯互通\n"
    "(一)道路暢通工程。加快建設都市圈快速通道。\n"
    "全面規劃都市圈快速通道路網,\n"
    "?2019年建成典農河至沙湖旅游公路等項目;\n"
    "?加快建設銀川東線公路(永寧縣望洪鎮—興慶區掌政鎮)等項目;\n"
    "進一步規范道路限高、限寬等交通設施。(自治區交通運輸廳牽頭,自治區發展改革委、寧東管委會配合)\n"
)
# Made up: simplified, ？ (full width) bullets under a 1. item with a labelled clause; and the
# garbled number ?。ǘ┩ (a real converter's （二）) still read as a number.
BULLETS = (
    "某市2020年工作要点\n"
    "一、优化营商环境\n"
    "1.深化“放管服”改革。\n"
    "？推进一网通办；\n"
    "？推行证明事项告知承诺制。（牵头单位：市政务服务局）\n"
    "2.加强信用体系建设。（牵头单位：市发改委）\n"
)


def test_a_garbled_bullet_is_no_number(tmp_path: Path) -> None:
    (task,) = tasks_by_id(import_whole(tmp_path, YINCHUAN, 2019)).values()  # before: 4 provisions
    assert task["id"] == "1-1"
    assert task["roles"]["lead"] == ["自治區交通運輸廳"]
    assert "典農河" in task["text"] and "items" not in task
    tasks = tasks_by_id(import_whole(tmp_path, BULLETS, 2020))
    assert list(tasks) == ["1-1", "1-2"]
    assert tasks["1-1"]["roles"] == {"lead": ["市政务服务局"]}


# Made up: the last item goes on over a second paragraph that ends with its clause: that
# paragraph is the item's, not the plan's closing words (a real closing has no clause).
LAST_PARAGRAPH = (
    "某县2021年重点工作\n"
    "一、乡村振兴\n"
    "1.推进高标准农田建设。\n"
    "2.实施农村供水保障工程。新建集中供水工程5处。\n"
    "完善运行管护机制，确保长效运行。（责任单位：县水利局、各乡镇人民政府）\n"
)
CLOSING = LAST_PARAGRAPH.replace(
    "（责任单位：县水利局、各乡镇人民政府）", "各乡镇、各部门要高度重视，抓好落实。"
)


def test_the_last_paragraph_with_a_clause_is_the_last_items(tmp_path: Path) -> None:
    result = import_whole(tmp_path, LAST_PARAGRAPH, 2021)
    task = tasks_by_id(result)["1-2"]
    assert task["roles"] == {"responsible": ["县水利局", "各乡镇人民政府"]}
    assert "长效运行" in task["text"] and "closing" not in result.plan
    result = import_whole(tmp_path, CLOSING, 2021)  # no clause: still the plan's closing words
    assert "抓好落实" in result.plan.get("closing", "")


# --- 人: a 责任人 line that lost its 责任 is no part of the units before it ---------------------

# Real: qinghai-haidong-2020-achievement-lost-label.txt.
HAIDONG = (
    "一、重点规划衔接融合方面\n"
    "1. 做好“十四五”规划、国土空间规划等重大规划的有效衔接。\n"
    "责任单位:海东市、兰州市、临夏州发展改革部门\n"
    "人:三市州发展改革部门主要负责同志\n"
)
# Made up: full-width colons, a lead label, the person's name.
LOST_LABEL = (
    "1.推进城乡供水一体化。\n牵头单位：县水务局\n人：王明\n"
    "2.实施道路提升工程。\n牵头单位：县交通运输局\n人：李华\n"
)


def test_a_person_line_that_lost_its_label_is_not_a_unit(tmp_path: Path) -> None:
    result = import_whole(tmp_path, HAIDONG, 2020)
    (task,) = tasks_by_id(result).values()
    assert task["roles"] == {"responsible": ["海东市", "兰州市", "临夏州发展改革部门"]}
    assert any("人:三市州" in finding.text for finding in result.unread)  # said, not dropped
    tasks = tasks_by_id(import_whole(tmp_path, LOST_LABEL, 2021))
    assert [t["roles"] for t in tasks.values()] == [
        {"lead": ["县水务局"]},
        {"lead": ["县交通运输局"]},
    ]


# --- a table whose cells run together with no separator --------------------------------------

# Real: beijing-xicheng-2020-run-together-progress.txt (shortened).
XICHENG = (
    "2020年西城区政府工作报告重点工作全年完成情况\n"
    "发布时间:2021-03-08\n"
    "类别序号重点督办内容牵头单位全年完成情况\n"
    "经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值增速由年初设定的"
    "6%左右调整为正增长。2020年度地区生产总值初步核算数50610595万元,增幅-1.1%。\n"
    "经济社会发展主要预期目标2区级一般公共预算收入增长2%左右。区财政局截至12月31日,全年一般公共预算"
    "收入完成413.84亿元,完成调整后方案目标。\n"
    "经济社会发展主要预期目标3居民人均可支配收入增长与经济增长基本同步。区人力社保局西城区居民人均可支配"
    "收入90286元,同比增长2.3%。\n"
)
# Made up: no column before 序号, 责任单位 and a 完成时限 column, a row wrapped onto a second line.
GLUED_DEADLINES = (
    "某县2022年民生实事任务分解表\n"
    "序号工作任务责任单位完成时限\n"
    "1新建城区停车位2000个。县住建局2022年10月底前\n"
    "2改造农村公路50公里。县交通运输局\n"
    "2022年12月底前\n"
)


def test_a_table_with_its_cells_run_together(tmp_path: Path) -> None:
    result = import_whole(tmp_path, XICHENG)  # before: refused (no numbered items)
    tasks = tasks_by_id(result)
    assert [t["roles"] for t in tasks.values()] == [
        {"lead": ["区发展改革委"]},
        {"lead": ["区财政局"]},
        {"lead": ["区人力社保局"]},
    ]
    assert tasks["01"]["title"] == "地区生产总值增长6%左右"
    assert result.plan["title"] == "2020年西城区政府工作报告重点工作全年完成情况"
    assert result.plan["period"]["start"].year == 2020  # the title's year, not the page's
    assert all(d.get("kind") == "ongoing" for t in tasks.values() for d in t["due"])  # 12月31日
    tasks = tasks_by_id(import_whole(tmp_path, GLUED_DEADLINES))
    assert [t["roles"] for t in tasks.values()] == [
        {"responsible": ["县住建局"]},
        {"responsible": ["县交通运输局"]},
    ]
    assert [str(t["due"][0].get("date")) for t in tasks.values()] == ["2022-10-31", "2022-12-31"]


# --- a flattened table's 序号 with one chapter row: the rows keep the table's numbers ---------

# Real: liaoning-liaozhong-2024-cells-leader-column-gap.txt (shortened; one cell a line, the
# first row's 责任领导 cell empty, so the next row's number follows its 配合单位 at once).
LIAOZHONG = (
    "2024年政府工作报告主要工作任务分解表\n\n序号\n\n主要工作举措\n\n牵头单位\n\n配合单位\n\n"
    "责任领导\n\n一、做大做强主导产业\n\n1\n\n加快构建具有辽中特色的现代化产业体系。\n\n区农业农村局\n\n"
    "区发展改革局、区工业和信息化局\n\n2\n\n加快在建项目的建设进度。\n\n沈阳近海经济区管委会\n\n"
    "自然资源分局、生态环境分局\n\n冯冬昌\n\n3\n\n推动一批项目的签约落地。\n\n沈阳近海经济区管委会\n\n"
    "自然资源分局\n\n冯冬昌\n"
)
# Made up: other column names, a deadline column, no leader column.
CELL_TABLE = (
    "某区2023年重点工作任务清单\n序号\n重点任务\n责任单位\n完成时限\n一、城市建设\n"
    "1\n完成老旧小区改造12个。\n区住建局\n2023年11月底前\n"
    "2\n新建口袋公园5个。\n区城管局\n2023年9月底前\n"
)


def test_a_flattened_tables_rows_keep_its_numbers(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, LIAOZHONG, 2024))
    assert list(tasks) == ["01", "02", "03"]  # before: 1-1, 1-2, 1-3
    assert "leaders" not in tasks["01"]
    assert [leader["name"] for leader in tasks["02"]["leaders"]] == ["冯冬昌"]
    assert tasks["01"]["roles"] == {
        "lead": ["区农业农村局"],
        "cooperate": ["区发展改革局", "区工业和信息化局"],
    }
    tasks = tasks_by_id(import_whole(tmp_path, CELL_TABLE, 2023))
    assert list(tasks) == ["01", "02"]
    assert tasks["02"]["roles"] == {"responsible": ["区城管局"]}


@pytest.mark.parametrize(
    "rule",
    [
        "列第一位的为牵头部门",
        "排名第一的单位为牵头单位",
        "第一个部门为牵头部门",
        "列在首位的部门为牵头部门",
    ],
)
def test_the_first_listed_rule_in_its_wordings(tmp_path: Path, rule: str) -> None:
    text = (
        "某市2021年重点工作分工\n"
        f"1.推进数字政府建设。（市大数据局、市发改委、市财政局负责，{rule}）\n"
        "2.优化营商环境。（市营商办、市市场监管局负责）\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2021))
    assert tasks["01"]["roles"] == {"lead": ["市大数据局"], "responsible": ["市发改委", "市财政局"]}
    assert tasks["02"]["roles"]["lead"] == ["市营商办"]
