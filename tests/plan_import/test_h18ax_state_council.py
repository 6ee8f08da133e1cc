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
from helpers import tasks_by_id


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
    assert tasks["1-2"]["roles"] == {"supervise": ["市水务局"]}  # and a guiding bracket


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
