"""Web pages laid out with tables (issue 18, session 38): old government sites put the whole page,
the notice and its info table in nested ``<table>``s. Read as a table of rows, every cell's
paragraphs were joined into one line and a plan of many paragraphs became a single line. A table
that holds another table, or one column of cells with several paragraphs, is layout: its text
keeps its lines; a 任务分工表 inside it is still read as one. All pages here are made up in the
shape of such a site (nested tables, spans for the fonts, a 楷体 heading span).
"""

from __future__ import annotations

from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.chrome import set_aside
from duban.plan_import.page_text import html_text
from duban.plan_import.units import ImportOrg
from helpers import tasks_by_id

INFO = """<table width="860" class="bd1"><tr><td><b>索 引 号：</b></td><td>000000001/2031-00009</td>
<td><b>主题分类：</b></td><td>农业</td></tr>
<tr><td><b>发文机关：</b></td><td>某省人民政府办公厅</td><td><b>成文日期：</b></td><td>2031年3月2日</td></tr>
</table>"""


def layout_page(body: str, closed: bool = True) -> str:
    """The notice's body inside a cell of a table inside a cell of the page's table."""
    page = (
        f'<div class="wrap"><table width="930"><tr><td>{INFO}</td></tr><tr><td>'
        f'<table width="650"><tr><td class="b12c" id="UCAP-CONTENT">{body}</td></tr></table>'
    )
    return page + ("</td></tr></table></div>" if closed else "")


PARAGRAPHS = """<p style="text-align: center;"><span>某省人民政府办公厅关于印发</span><br>
<span>秸秆利用行动方案的通知</span></p>
<p>各市人民政府，省政府各部门：</p>
<p><span style="font-weight: bold;">一、主要任务</span></p>
<p><span style="font-family: 楷体;">（一）推进秸秆还田。</span><span>扩大机械还田面积。\
（省农业农村厅牵头，省财政厅、省自然资源厅参与）</span></p>
<p><span style="font-family: 楷体;">（二）建设收储网点。</span><span>每个县建设收储中心。\
（省发展改革委牵头，省商务厅参与）</span></p>
<p><span style="font-weight: bold;">二、保障措施</span></p>
<p><span style="font-family: 楷体;">（一）加强资金保障。</span><span>统筹安排补助资金。\
（省财政厅负责）</span></p>"""


def test_a_page_in_nested_layout_tables_keeps_its_paragraphs() -> None:
    lines = html_text(layout_page(PARAGRAPHS)).split("\n")
    assert "一、主要任务" in lines
    assert "二、保障措施" in lines
    assert any(line.startswith("（一）推进秸秆还田。") for line in lines)
    assert any(line.startswith("（二）建设收储网点。") for line in lines)
    # the old reading: every paragraph of the notice on one line of the page's table
    assert not any("推进秸秆还田" in line and "建设收储网点" in line for line in lines)


def test_the_info_table_inside_the_layout_is_still_a_table_of_rows() -> None:
    lines = html_text(layout_page(PARAGRAPHS)).split("\n")
    assert "索 引 号： 000000001/2031-00009 主题分类： 农业" in lines


def test_a_page_cut_off_inside_its_layout_table_keeps_what_it_read() -> None:
    lines = html_text(layout_page(PARAGRAPHS, closed=False)).split("\n")
    assert any(line.startswith("（一）加强资金保障。") for line in lines)


def test_a_one_column_table_of_paragraphs_is_layout_and_a_grid_is_not() -> None:
    one_column = "<table><tr><td><p>第一段。</p><p>第二段。</p></td></tr></table>"
    assert html_text(one_column).split("\n") == ["第一段。", "第二段。"]
    # a table of several columns whose cells hold paragraphs stays a table: one line a row
    grid = "<table><tr><td><p>甲</p><p>乙</p></td><td>丙</td></tr></table>"
    assert html_text(grid).split("\n") == ["甲 乙 丙"]


def test_a_division_of_work_table_inside_a_layout_table_is_read_as_one() -> None:
    table = """<table border="1">
<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>修订补助办法。</td><td>省财政厅</td><td>2031年6月底前</td></tr></table>"""
    lines = html_text(layout_page("<p>附件：任务分工</p>" + table)).split("\n")
    assert "附件：任务分工" in lines
    assert any(line.startswith("1.修订补助办法。（") and "省财政厅" in line for line in lines)


def test_a_plan_in_layout_tables_imports_its_tasks(tmp_path: Path) -> None:
    source = tmp_path / "notice.html"
    source.write_text(layout_page(PARAGRAPHS), encoding="utf-8")
    result = import_file(source, ImportOrg(), "p", None)
    tasks = tasks_by_id(result)
    assert sorted(tasks) == ["1-1", "1-2", "2-1"]
    assert tasks["1-1"]["roles"] == {
        "lead": ["省农业农村厅"],
        "cooperate": ["省财政厅", "省自然资源厅"],
    }
    assert tasks["1-2"]["roles"] == {"lead": ["省发展改革委"], "cooperate": ["省商务厅"]}
    assert tasks["2-1"]["roles"] == {"responsible": ["省财政厅"]}
    # the review names each task's own line of the page (all three were on one line before)
    lines = {f.text: f.line for f in result.unread if f.text in ("推进秸秆还田", "加强资金保障")}
    assert len(lines) == 2 and len(set(lines.values())) == 2


def test_the_index_table_of_a_government_page_is_chrome() -> None:
    """The 信息索引 table above a notice (发文机关, 成文日期, 发文字号 …) says again what the notice
    says; its lines are the page's, set aside and accounted as chrome (its 标　　题： line is
    left to the head, which takes a 标题： line for the title)."""
    text = "\n".join(
        [
            "索 引 号： 000000001/2031-00009 主题分类： 农业",
            "发文机关： 某省人民政府办公厅 成文日期： 2031年03月02日",
            "标　　题： 某省人民政府办公厅关于印发秸秆利用行动方案的通知",
            "发文字号： 某政办发〔2031〕9号 发布日期： 2031年03月05日",
            "主 题 词：",
            "某省人民政府办公厅关于印发秸秆利用行动方案的通知",
        ]
    )
    kept, chrome = set_aside(text)
    assert len(chrome) == 4
    assert kept.split("\n")[2].startswith("标　　题：")
    assert kept.split("\n")[-1] == "某省人民政府办公厅关于印发秸秆利用行动方案的通知"
    # a label inside a sentence is the text's
    assert set_aside("各地要在标题中写明发文机关：不得省略。")[1] == []


def test_a_page_cannot_forge_the_parsers_heading_marks() -> None:
    """The bold headings and list items are marked in the parsed text with characters a page may
    hold itself (a hostile or broken file, a font's private-use glyph): the page's own are text."""
    page = "<p>甲\x01一、标题\x02乙</p><p><b>二、保障措施</b></p>"
    assert html_text(page).split("\n") == ["甲一、标题乙", "二、保障措施"]
    # nor the list items' marks (private-use characters a font may also use): the page's 九、 was
    # taken for a browser's number and dropped
    assert html_text("<p>\ue000九、\ue001一、甲</p><ol><li>乙</li></ol>").split("\n") == [
        "九、一、甲",
        "1.乙",
    ]
