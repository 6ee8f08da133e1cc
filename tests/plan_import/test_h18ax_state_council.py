"""Round h18ax (issue 18): the forms of a local blind batch of State Council pages, read generally.

The four gov.cn pages of the batch come from a fetched snapshot whose text may not be committed,
so every test here is made up in the same form: other units, other subjects, other numbers.
"""

from __future__ import annotations

from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.clauses import find_clause
from duban.plan_import.quoted_titles import unwrapped_title
from duban.plan_import.units import ImportOrg
from helpers import read_roles, tasks_by_id


def _import(tmp_path: Path, text: str, suffix: str = ".txt"):
    source = tmp_path / f"plan{suffix}"
    source.write_text(text, encoding="utf-8")
    return import_file(source, ImportOrg(), "p", None)


# --- 1. a (一) heading sentence, then paragraphs whose sentences each close with a bracket ---

HEADED_PARAGRAPHS = """某省人民政府办公厅关于印发“清洁河湖”建设试点方案的通知
各市人民政府，省政府各部门：
《“清洁河湖”建设试点方案》已经省政府同意，现印发给你们，请认真贯彻执行。
某省人民政府办公厅
2031年4月2日
“清洁河湖”建设试点方案
一、主要任务
（一）健全河湖管护制度，压实属地责任。建立河湖健康评价体系。2031年9月底前，制定评价办法。（省水利厅牵头，省生态环境厅、省统计局参与）
完善巡河制度，明确各级职责。建立巡河台账，推行问题清单。（省水利厅指导，试点县政府负责落实。以下均需试点县政府落实，不再列出）
推进岸线整治，清理违规占用。开展岸线利用调查。（省自然资源厅、省水利厅指导）
（二）加强入河排污管控，削减污染负荷。排查入河排污口。到2032年，完成整治。（省生态环境厅指导）
推广生态养殖，减少养殖尾水排放。（省农业农村厅指导）建设尾水处理设施。（省农业农村厅、省财政厅指导）
二、保障措施
（一）加强组织领导。各试点县要明确责任分工。
"""


def test_a_heading_sentence_over_paragraphs_of_bracketed_sentences_has_sub_items(
    tmp_path: Path,
) -> None:
    tasks = tasks_by_id(_import(tmp_path, HEADED_PARAGRAPHS))
    first = tasks["1-1"]
    assert "roles" not in first or not any(first["roles"].values())
    items = first["items"]
    assert [item["id"] for item in items] == ["1", "2", "3"]
    assert items[0]["roles"] == {"lead": ["省水利厅"], "cooperate": ["省生态环境厅", "省统计局"]}
    assert items[0]["due"][0]["date"].isoformat() == "2031-09-30"
    # the standing rule (以下均需…落实) is said in the second bracket: from it on, not before it
    assert items[1]["roles"] == {"responsible": ["试点县政府"], "supervise": ["省水利厅"]}
    assert items[2]["roles"] == {
        "responsible": ["试点县政府"],
        "supervise": ["省自然资源厅", "省水利厅"],
    }
    assert "due" not in items[1] or items[1]["due"][0]["kind"] != "date"  # item 1's date alone
    second = tasks["1-2"]["items"]
    assert [item["id"] for item in second] == ["1", "2", "3"]  # two brackets in one paragraph
    assert second[0]["due"][0]["period"] == "2032"
    assert second[2]["roles"]["supervise"] == ["省农业农村厅", "省财政厅"]


ONE_PARAGRAPH = """某市人民政府关于印发节水行动方案的通知
一、重点任务
（一）推进节水改造，提高用水效率。改造老旧管网。（市水务局牵头）推广节水器具。（市住建局牵头）
（二）加强计划用水管理。核定用水计划。（市水务局指导）
"""


def test_one_paragraph_of_bracketed_sentences_under_a_heading_sentence_stays_one_task(
    tmp_path: Path,
) -> None:
    tasks = tasks_by_id(_import(tmp_path, ONE_PARAGRAPH))
    assert "items" not in tasks["1-1"]  # the fifteenth batch: its brackets are the item's
    assert tasks["1-1"]["roles"]["lead"]
    assert read_roles(tasks["1-2"]) == {"supervise": ["市水务局"]}  # and a guiding bracket


# --- 2. (A、B指导): the units guide the work ---


def test_a_guiding_bracket_is_a_role_and_guiding_in_a_sentence_is_not() -> None:
    clause = find_clause("推广绿色包装。（省商务厅、省邮政管理局指导）")
    assert clause is not None
    assert clause.roles == {"supervise": ["省商务厅", "省邮政管理局"]}
    mixed = find_clause("建设回收网点。（省商务厅指导，省供销社参与）")
    assert mixed is not None
    assert mixed.roles == {"supervise": ["省商务厅"], "cooperate": ["省供销社"]}
    labelled = find_clause("编制规划。（指导单位：省发展改革委；责任单位：各市政府）")
    assert labelled is not None and labelled.roles["supervise"] == ["省发展改革委"]
    assert find_clause("以新发展理念为指导，推动高质量发展。") is None
    assert find_clause("省农业农村厅要加强对各地工作的指导。") is None


# --- 6. the open list's tail 等有关部门和单位 ---


def test_the_tail_of_an_open_list_of_departments_and_units_is_no_unit() -> None:
    alone = find_clause("扩大补贴范围。（省人力资源社会保障厅等有关部门和单位负责）")
    assert alone is not None and alone.roles == {"responsible": ["省人力资源社会保障厅"]}
    assert alone.open_list == ["省人力资源社会保障厅等有关部门和单位"]
    several = find_clause("落实救助政策。（省财政厅、省民政厅等有关部门和单位按职责分工负责）")
    assert several is not None and several.roles == {"responsible": ["省财政厅", "省民政厅"]}


def test_under_the_first_listed_rule_the_open_list_keeps_its_named_units(tmp_path: Path) -> None:
    text = """某省人民政府关于做好稳就业工作的意见
各市人民政府，省政府各部门：
一、支持企业稳岗
（一）加大稳岗支持。返还失业保险费。（省人力资源社会保障厅、省财政厅负责，列第一位者为牵头单位，下同）
（二）扩大见习范围。组织失业青年参加见习。（省人力资源社会保障厅等有关部门和单位负责）
（三）开展职业培训。支持职业院校承担培训。（省人力资源社会保障厅、省财政厅、省教育厅等有关部门和单位负责）
"""
    tasks = tasks_by_id(_import(tmp_path, text))
    assert tasks["1-2"]["roles"] == {"responsible": ["省人力资源社会保障厅"]}
    assert tasks["1-3"]["roles"] == {
        "lead": ["省人力资源社会保障厅"],
        "responsible": ["省财政厅", "省教育厅"],
    }


# --- 7. a title that opens with a quoted name keeps its quote ---


def test_a_title_opening_with_a_quoted_name_keeps_its_quote() -> None:
    assert unwrapped_title("“清洁河湖”建设试点方案") == "“清洁河湖”建设试点方案"
    assert unwrapped_title("《清洁河湖建设试点方案》") == "清洁河湖建设试点方案"
    assert unwrapped_title("“清洁河湖建设试点方案”") == "清洁河湖建设试点方案"
    assert unwrapped_title("《“清洁河湖”建设试点方案》") == "“清洁河湖”建设试点方案"
    assert unwrapped_title("《清洁河湖建设试点方案") == "清洁河湖建设试点方案"  # never closed
    assert unwrapped_title("《河长制规定》实施细则") == "《河长制规定》实施细则"


def test_a_page_whose_plan_title_opens_with_a_quote_leaves_nothing_unread(tmp_path: Path) -> None:
    page = """<html><body><div id="content">
<p style="text-align: center;">某省人民政府办公厅关于印发“清洁河湖”建设试点方案的通知</p>
<p>各市人民政府，省政府各部门：</p>
<p>《“清洁河湖”建设试点方案》已经省政府同意，现印发给你们，请认真贯彻执行。</p>
<p style="text-align: right;">某省人民政府办公厅</p>
<p style="text-align: right;">2031年4月2日</p>
<p style="text-align: center;"><span style="font-weight: bold;">“清洁河湖”建设试点方案</span></p>
<p>为改善河湖面貌，制定本方案。</p>
<p><span style="font-weight: bold;">一、主要任务</span></p>
<p>（一）健全管护制度。建立河湖健康评价体系。（省水利厅牵头，省统计局参与）</p>
<p>（二）加强排污管控。排查入河排污口。（省生态环境厅负责）</p>
</div></body></html>"""
    result = _import(tmp_path, page, ".html")
    assert result.plan["title"] == "“清洁河湖”建设试点方案"
    assert result.accounting is not None
    assert "“" not in [left.text.strip() for left in result.accounting.leftovers]


# --- 4. numbered steps whose actors are named in their sentences; 5. their dates ---

STEPS = """某省人民政府办公厅关于印发“美丽乡村”建设试点方案的通知
各市人民政府，省政府各部门：
某省人民政府办公厅
2031年4月2日
一、主要任务
（一）改善村容村貌，提升宜居水平。推进垃圾分类。（省住房城乡建设厅指导，试点县政府负责落实。以下均需试点县政府落实，不再列出）
整治村内道路，完善照明设施。（省交通运输厅指导）
二、实施步骤
（一）确定试点县。试点县由各设区市政府推荐，省农业农村厅会同省财政厅、省文化和旅游厅、省水利厅等部门筛选确定。
（二）制定实施方案。试点县负责编制实施方案。方案报送省农业农村厅，经省农业农村厅会同有关部门评审后实施。2032年上半年，试点县政府印发实施方案。
（三）组织开展试点。试点县政府是试点工作责任主体，要有序推进。省农业农村厅会同有关部门对试点工作进行指导和评估。
（四）开展评估总结。2033年3月底前，试点县政府对试点情况进行评估总结。省农业农村厅会同有关部门组织开展试点成效评估。
三、保障措施
（一）加强组织领导。省农业农村厅会同有关部门组建协调小组，共同推进试点。各试点县政府要高度重视，成立领导小组。
（二）严格监督检查。强化对试点县的督导检查。鼓励试点县制定相关规章。
"""


def test_numbered_steps_name_their_actors_in_their_sentences(tmp_path: Path) -> None:
    result = _import(tmp_path, STEPS)
    tasks = tasks_by_id(result)
    assert tasks["2-1"]["roles"] == {
        "lead": ["省农业农村厅"],
        "cooperate": ["省财政厅", "省文化和旅游厅", "省水利厅"],
        "responsible": ["各设区市政府"],  # not the standing rule's 试点县政府: no bracket here
    }
    # the office a plan is sent to and approved by is not recorded; the dated sentence's subject is
    assert tasks["2-2"]["roles"] == {"responsible": ["试点县政府"]}
    assert tasks["2-2"]["due"][0]["period"] == "2032-H1"  # its own year, not the plan's
    assert tasks["2-3"]["roles"] == {
        "cooperate": ["有关部门"],
        "responsible": ["试点县政府"],
        "supervise": ["省农业农村厅"],  # 对…进行指导: it guides
    }
    assert tasks["2-4"]["roles"]["assess"] == ["省农业农村厅"]  # 组织开展…评估: it evaluates
    assert tasks["2-4"]["due"][0]["date"].isoformat() == "2033-03-31"
    assert tasks["3-1"]["roles"] == {
        "lead": ["省农业农村厅"],
        "cooperate": ["有关部门"],
        "responsible": ["试点县政府"],  # 各试点县政府要高度重视 (the org matches 试点县政府)
    }
    assert "3-2" not in tasks  # a check with no actor and the objects of 鼓励: no step
    assert tasks["2-1"]["roles_as_written"].startswith("试点县由各设区市政府推荐……")
    # the bracketed chapter keeps its standing rule
    assert tasks["1-1"]["items"][1]["roles"]["responsible"] == ["试点县政府"]
    # a unit urged alone in a later sentence (局办公室要建立…) makes no step: an item a table
    # below may restate (county-bureau-zwgk-trad-pipe-table in the corpus); h18cc: in a plan
    # that names its units elsewhere (a plan that names nobody at all is read harder)
    urged = (
        "某局政务公开工作要点\n一、工作要点\n1.强化制度建设。局办公室要建立信息公开制度。\n"
        "2.规范信息发布。（责任单位：局宣传科）\n"
    )
    (tmp_path / "urged").mkdir()
    assert [task["numeral"] for task in _import(tmp_path / "urged", urged).tasks] == ["2"]


def test_sentence_sub_items_and_subject_clauses_pass_validation(tmp_path: Path) -> None:
    result = _import(tmp_path, HEADED_PARAGRAPHS)
    labels = [item["label"] for item in tasks_by_id(result)["1-1"]["items"]]
    assert all(labels) and len(set(labels)) == len(labels)  # the schema wants a label
    subject = _import(tmp_path, "某县整治方案\n一、工作任务\n（一）县财政局要按时足额拨付资金。\n")
    assert all(task.get("roles_as_written") for task in subject.tasks)  # never ''
