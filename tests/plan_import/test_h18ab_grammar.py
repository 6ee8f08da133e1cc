"""The grammar from the clerk's side (branch h18ab, issue 18): the ways an office numbers or
marks a list of tasks in Word or on a web page, each in a short made-up plan, and what the
importer must do with it. A document that visibly holds a list is never refused: a list the
numbering's reader does not read is read by its marks (marked_lines.py) and, when nothing else
found a task, every item of it is a task (last_resort.py)."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from duban.plan_import import Imported, ImportError_, import_file, run_import
from duban.plan_import.list_numbers import formatted
from duban.plan_import.marked_lines import marked_kind, marked_lines
from duban.plan_import.page_text import html_text
from duban.plan_import.trailing_cells import trailing_cells
from duban.plan_import.units import ImportOrg
from helpers import import_whole, tasks_by_id

HEAD = "某县2023年优化营商环境工作任务分工方案\n\n为做好今年工作，现将任务分工如下。\n\n"
TASKS = (
    "加强政务服务，推进一网通办，实现群众办事少跑腿。",
    "优化审批流程，压减审批时限，提高审批效率。",
    "强化监管执法，开展双随机抽查，规范执法行为。",
)
LABELS = (
    "牵头单位：县政务服务中心\n完成时限：2023年6月底前",
    "牵头单位：县发展改革局\n完成时限：2023年9月底前",
    "牵头单位：县市场监管局\n完成时限：2023年底前",
)
LEADS = ["县政务服务中心", "县发展改革局", "县市场监管局"]
MARKS = {
    "一是": ("一是", "二是", "三是"),
    "第一，": ("第一，", "第二，", "第三，"),
    "首先": ("首先，", "其次，", "最后，"),
    "Ⅰ": ("Ⅰ.", "Ⅱ.", "Ⅲ."),
    "I.": ("I.", "II.", "III."),
    "A.": ("A.", "B.", "C."),
    "a)": ("a)", "b)", "c)"),
    "一)": ("一)", "二)", "三)"),
    "●": ("●", "●", "●"),
    "■": ("■ ", "■ ", "■ "),
    "-": ("- ", "- ", "- "),
    "·": ("·", "·", "·"),
    "第一项": ("第一项 ", "第二项 ", "第三项 "),
    "【任务一】": ("【任务一】", "【任务二】", "【任务三】"),
    "1-1": ("1-1 ", "1-2 ", "1-3 "),
    "bare 1": ("1 ", "2 ", "3 "),
    "❶": ("❶", "❷", "❸"),
    # ⒈ ⒉ ⒊: read by segment.py as 1. 2. 3. since h18ak (test_h18ak_kinds)
    "㈠": ("㈠", "㈡", "㈢"),
    "1：": ("1：", "2：", "3："),
    "1，": ("1，", "2，", "3，"),
    "一：": ("一：", "二：", "三："),
    "No.1": ("No.1 ", "No.2 ", "No.3 "),
}
"""Marks the numbering's reader (segment.py) does not read as item numbers."""


def _marked(result: Imported) -> bool:
    """The review says the list was read by its marks (in either language)."""
    said = " ".join(f.what for f in result.assumptions)
    return "同一种标记开头" in said or "marked alike" in said


def _labelled(marks: tuple[str, ...]) -> str:
    return HEAD + "".join(f"{m}{t}\n{r}\n" for m, t, r in zip(marks, TASKS, LABELS, strict=True))


def _bare(marks: tuple[str, ...]) -> str:
    return HEAD + "".join(f"{m}{t}\n" for m, t in zip(marks, TASKS, strict=True))


@pytest.mark.parametrize("name", list(MARKS))
def test_a_list_marked_otherwise_is_read_with_the_roles_of_its_labels(tmp_path, name) -> None:
    """Each task's mark is one the reader does not number by, its labels on the lines below:
    was refused (no numbered items) for every one of these marks."""
    result = import_whole(tmp_path, _labelled(MARKS[name]))
    assert [task["roles"].get("lead") for task in result.tasks] == [[lead] for lead in LEADS]
    assert [
        str(task["due"][0].get("date") or task["due"][0].get("period")) for task in result.tasks
    ] == [
        "2023-06-30",
        "2023-09-30",
        "2023",
    ]
    assert result.tasks[0]["text"].startswith(MARKS[name][0].strip())  # the mark kept in the text
    assert _marked(result)


@pytest.mark.parametrize("name", ["●", "一是", "bare 1", "A."])
def test_a_list_with_nothing_assigned_is_read_as_tasks_not_refused(tmp_path, name) -> None:
    """The last resort: a list with no roles and no deadlines, each item a task (held by the
    group of units still to be named), the review saying how it was read."""
    source = tmp_path / "plan.txt"
    source.write_text(_bare(MARKS[name]), encoding="utf-8")
    written = run_import(source, tmp_path / "out", None, "p", None)
    assert len(written.result.tasks) == 3
    assert [t["text"] for t in written.result.tasks][1].endswith(TASKS[1])
    review = written.review.read_text(encoding="utf-8")
    assert "清单的每一项都读作任务" in review or "every item of the list read as a task" in review
    assert "采用的读法：最后的办法" in review or "reading taken: the last resort" in review


def test_a_numbered_list_with_nothing_assigned_keeps_its_reading(tmp_path) -> None:
    """1. 2. 3. with no assignment were never refused (read as parts of the plan with no task,
    the text kept): the last resort does not change them (test_h18s_batch9 asks for no task)."""
    result = import_whole(tmp_path, _bare(("1.", "2.", "3.")))
    assert result.tasks == [] and len(result.plan["sections"]) == 3


def test_a_document_with_no_list_is_still_refused(tmp_path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(HEAD + "请各单位认真抓好落实。\n", encoding="utf-8")
    with pytest.raises(ImportError_, match=r"没有写入任何文件|nothing written"):
        run_import(source, tmp_path / "out", None, "p", None)


def test_a_list_not_written_in_chinese_is_no_plan(tmp_path) -> None:
    """A README's bullets (commands, English sentences) are no plan's list: still refused (the
    last resort read ``- pip install …`` lines as three tasks)."""
    source = tmp_path / "README.md"
    source.write_text(
        "# duban 督办\n\n"
        "- **duban** tracks a government implementation plan (实施方案) in git.\n"
        "- pip-compile --upgrade -o requirements.lock pyproject.toml\n"
        "- pip-compile --upgrade --extra test -c requirements.lock\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportError_, match=r"没有写入任何文件|nothing written"):
        run_import(source, tmp_path / "out", None, "p", None)


def test_chinese_items_with_latin_words_are_still_a_list(tmp_path) -> None:
    """Items of a plan may hold numbers and Latin words (5G, App): still a Chinese list."""
    text = HEAD + "".join(
        f"● {task}\n"
        for task in ("推进5G基站建设，完成年度建站任务。", "上线政务服务App，推行掌上办理。")
    )
    assert len(import_whole(tmp_path, text).tasks) == 2


def test_a_plan_in_chapters_with_nothing_numbered_below_is_not_refused(tmp_path) -> None:
    """第一章 … 第二章 …: numbered, if only by chapters (was refused): each chapter an item."""
    text = HEAD + "第一章 政务服务\n推进一网通办。\n第二章 审批改革\n压减审批时限。\n"
    result = import_whole(tmp_path, text)
    assert [task["text"].split("\n")[0] for task in result.tasks] == [
        "第一章 政务服务",
        "第二章 审批改革",
    ]


def test_one_marker_alone_is_no_list(tmp_path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(HEAD + "● 请各单位认真抓好落实。\n", encoding="utf-8")
    with pytest.raises(ImportError_):
        run_import(source, tmp_path / "out", None, "p", None)


def test_the_deepest_level_of_an_outline_holds_the_items() -> None:
    text = "1 总体任务\n1.1 政务服务\n1.1.1 推进一网通办。\n1.1.2 压减审批时限。\n1.2 监管\n"
    assert marked_kind(text) == "outline2"
    found = marked_lines(text)
    assert found is not None and found[1] == 2
    assert "1. 1.1.1 推进一网通办。" in found[0] and "2. 1.1.2 压减审批时限。" in found[0]


def test_marks_inside_prose_are_no_list() -> None:
    """A bullet or a number only counts at a line's start, and two lines alike make a list."""
    assert marked_lines("今年要做好三件事：一是加强服务，二是优化流程。\n● 注：略。\n") is None


@pytest.mark.parametrize(
    "marks",
    [("1.", "2.", "3."), ("●", "●", "●"), ("一是", "二是", "三是")],
    ids=["1.", "●", "一是"],
)
def test_roles_given_once_after_the_list_reach_every_item(tmp_path, marks) -> None:
    """以上任务由X牵头，Y按职责分工负责，时限。 after a chapter's list: each item's (was: only the
    last item a task, the others non-task provisions)."""
    text = (
        HEAD
        + "一、重点任务\n"
        + "".join(f"{m}{t}\n" for m, t in zip(marks, TASKS, strict=True))
        + "以上任务由县发展改革局牵头，各部门按职责分工负责，2023年底前完成。\n"
    )
    result = import_whole(tmp_path, text)
    assert len(result.tasks) == 3
    for task in result.tasks:
        assert task["roles"]["lead"] == ["县发展改革局"]
        assert task["due"][0]["period"] == "2023"


def test_labelled_marks_keep_their_reading_when_the_numbering_reads_them(tmp_path) -> None:
    """(1) / 1) / ① at the top with labels below were read before: unchanged."""
    for marks in (("(1)", "(2)", "(3)"), ("1)", "2)", "3)"), ("①", "②", "③")):
        result = import_whole(tmp_path, _labelled(marks))
        assert sorted(tasks_by_id(result)) == ["01", "02", "03"]
        assert not _marked(result)


# --- numbers drawn by Word or a browser, not in the text (list_numbers.py) ----------------------

ITEMS = [(t, r) for t, r in zip(TASKS, LABELS, strict=True)]


def _word(path, style: str, labels: bool = True) -> None:
    document = docx.Document()
    document.add_paragraph("某县2023年优化营商环境工作任务分工方案")
    document.add_paragraph("为做好今年工作，现将任务分工如下。")
    for task, label in ITEMS:
        document.add_paragraph(task, style=style)
        if labels:
            for line in label.split("\n"):
                document.add_paragraph(line)
    document.save(path)


def test_words_automatic_numbers_are_read_as_the_clerk_sees_them(tmp_path) -> None:
    """A Word list (style List Number: the numbers are drawn, not typed) with each task's labels
    in paragraphs of their own: was refused (no numbered item in the text)."""
    source = tmp_path / "plan.docx"
    _word(source, "List Number")
    result = import_file(source, ImportOrg(), "p")
    assert [task["id"] for task in result.tasks] == ["01", "02", "03"]
    assert [task["roles"]["lead"] for task in result.tasks] == [[lead] for lead in LEADS]
    assert result.tasks[0]["text"].startswith(TASKS[0])  # the drawn 1. is the item's number


def test_a_word_bulleted_list_with_nothing_assigned_is_not_refused(tmp_path) -> None:
    source = tmp_path / "plan.docx"
    _word(source, "List Bullet", labels=False)
    result = import_file(source, ImportOrg(), "p")
    assert [task["text"] for task in result.tasks] == [f"●{task}" for task in TASKS]


def test_a_web_pages_ordered_list_is_numbered_as_the_browser_draws_it() -> None:
    page = (
        "<html><body><ul><li>首页</li><li>政务公开</li></ul><p>方案</p><ol start='2'>"
        + "".join(f"<li>{task}</li><p>{label}</p>" for task, label in ITEMS[:2])
        + "<li>3.已经写了编号的条目不再加编号。</li></ol>"
        + "<ol type='a'><li>加强组织领导，压实工作责任。</li></ol></body></html>"
    )
    lines = html_text(page).split("\n")
    assert lines[:3] == ["首页", "政务公开", "方案"]  # a menu's short links get no bullet
    assert f"2.{TASKS[0]}" in lines and f"3.{TASKS[1]}" in lines
    assert "3.已经写了编号的条目不再加编号。" in lines
    assert lines[-1] == "a.加强组织领导，压实工作责任。"


def test_an_ordered_list_with_labels_below_its_items_is_read(tmp_path) -> None:
    page = (
        "<html><body><p>某县2023年优化营商环境工作任务分工方案</p><ol>"
        + "".join(
            f"<li>{task}</li><p>{label.replace(chr(10), '</p><p>')}</p>" for task, label in ITEMS
        )
        + "</ol></body></html>"
    )
    source = tmp_path / "plan.html"
    source.write_text(page, encoding="utf-8")
    result = import_file(source, ImportOrg(), "p")
    assert [task["roles"]["lead"] for task in result.tasks] == [[lead] for lead in LEADS]


@pytest.mark.parametrize(
    ("value", "kind", "written"),
    [
        (3, "decimal", "3"),
        (3, "chineseCounting", "三"),
        (12, "chineseCountingThousand", "十二"),
        (2, "decimalEnclosedCircle", "②"),
        (2, "decimalEnclosedParen", "⑵"),
        (4, "upperRoman", "IV"),
        (2, "lowerLetter", "b"),
        (7, "decimalFullWidth", "７"),
    ],
)
def test_word_number_formats(value, kind, written) -> None:
    assert formatted(value, kind) == written


# --- roles written where a clerk puts them -------------------------------------------------------


def test_a_list_by_unit_with_no_numbers_is_read(tmp_path) -> None:
    """县司法局：负责…… paragraphs, one a unit (was refused: a line led by a name and a colon was
    taken for a label of the text around it)."""
    text = HEAD + "".join(f"{lead}：负责{task}\n" for lead, task in zip(LEADS, TASKS, strict=True))
    result = import_whole(tmp_path, text)
    assert [task["roles"]["responsible"] for task in result.tasks] == [[lead] for lead in LEADS]


def test_a_label_line_is_still_no_paragraph_of_its_own(tmp_path) -> None:
    """牵头单位：X on its own line labels the numbered text above it (unchanged)."""
    result = import_whole(tmp_path, _labelled(("1.", "2.", "3.")))
    assert [task["roles"]["lead"] for task in result.tasks] == [[lead] for lead in LEADS]


def test_units_and_times_lined_up_after_numbered_tasks_with_no_header(tmp_path) -> None:
    """1.推进一网通办  县政务服务中心  2023年6月底前 (columns with no header row): was read as
    three parts of the plan with no task."""
    text = HEAD + "".join(
        f"{n}.{task}  {lead}  {due}\n"
        for n, task, lead, due in zip(
            (1, 2, 3), TASKS, LEADS, ("2023年6月底前", "年底前", "每季度"), strict=True
        )
    )
    result = import_whole(tmp_path, text)
    assert [task["roles"]["responsible"] for task in result.tasks] == [[lead] for lead in LEADS]
    assert [task["due"][0]["kind"] for task in result.tasks] == ["date", "period", "recurring"]


def test_a_last_sentence_saying_the_work_goes_on_is_the_deadline(tmp_path) -> None:
    text = (
        HEAD
        + "1.推进一网通办。县政务服务中心负责。长期坚持。\n2.持续推进告知承诺制。县司法局负责。\n"
    )
    result = import_whole(tmp_path, text)
    assert result.tasks[0]["due"] == [{"kind": "ongoing", "as_written": "长期坚持"}]
    assert result.tasks[1]["due"][0].get("id") == "unwritten"  # 持续推进 as a verb is no deadline


def _numbered(document, text: str, level: int | None = None) -> None:
    """A paragraph in the multilevel list numId 99 at ``level`` (Word's w:numPr)."""
    paragraph = document.add_paragraph(text)
    if level is not None:
        numbers = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", str(level)), ("w:numId", "99")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            numbers.append(element)
        paragraph._p.get_or_add_pPr().append(numbers)


def test_a_word_multilevel_list_reads_as_chapters_and_items(tmp_path) -> None:
    """一、 (chineseCounting, %1、) over 1. (decimal, %2.), drawn by Word: chapters and tasks."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "99")
    for level, kind, text in ((0, "chineseCounting", "%1、"), (1, "decimal", "%2.")):
        element = OxmlElement("w:lvl")
        element.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", kind), ("w:lvlText", text)):
            part = OxmlElement(tag)
            part.set(qn("w:val"), value)
            element.append(part)
        abstract.append(element)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "99")
    reference = OxmlElement("w:abstractNumId")
    reference.set(qn("w:val"), "99")
    num.append(reference)
    numbering.append(num)
    _numbered(document, "某县2023年优化营商环境工作任务分工方案")
    for chapter, pairs in (("政务服务", ITEMS[:2]), ("监管执法", ITEMS[2:])):
        _numbered(document, chapter, 0)
        for task, label in pairs:
            _numbered(document, task, 1)
            _numbered(document, label.split("\n")[0])
    source = tmp_path / "plan.docx"
    document.save(source)
    result = import_file(source, ImportOrg(), "p")
    assert [task["id"] for task in result.tasks] == ["1-1", "1-2", "2-1"]
    assert [task["roles"]["lead"] for task in result.tasks] == [[lead] for lead in LEADS]
    assert [s["title"] for s in result.plan["sections"]] == ["政务服务", "监管执法"]


@pytest.mark.parametrize("between", ["/", "／", " ", " / "])
def test_a_bracket_of_a_unit_and_a_deadline_parted_by_a_slash_or_a_space(tmp_path, between) -> None:
    """（县政务服务中心/2023年6月底前）: was read as no assignment (a comma only parted them)."""
    text = HEAD + "".join(
        f"{n}.{task}（{lead}{between}{due}）\n"
        for n, task, lead, due in zip(
            (1, 2), TASKS, LEADS, ("2023年6月底前", "年底前"), strict=False
        )
    )
    result = import_whole(tmp_path, text)
    assert [task["roles"]["responsible"] for task in result.tasks] == [[lead] for lead in LEADS[:2]]
    assert [task["due"][0]["as_written"] for task in result.tasks] == ["2023年6月底前", "年底前"]


def test_a_web_pages_menu_and_metadata_bullets_are_no_list() -> None:
    """Bullets before a page's menu and metadata (real lines of the opened corpus: 湖北夏路 2023,
    浙江苍南 2022) are no plan's list: the last resort does not read them as tasks."""
    page = (
        "某县方案\n• 设为首页\n  • 加入收藏\n  • 发布日期:2022-12-14\n  • 浏览次数:\n- 政务公开\n"
    )
    assert marked_lines(page) is None


def test_labels_parted_by_spaces_are_no_trailing_cells() -> None:
    """[牵头单位:A  责任单位:B] after a task (湖北夏路 2020 with two spaces between its labels) is
    the item's own assignment, not cells of a table with no header."""
    line = (
        "1、切实提高政治站位。[牵头单位:区卫健局  责任单位:区疫情防控指挥部成员单位、各街办(新区)]"
    )
    assert trailing_cells(f"{line}\n{line.replace('1、', '2、')}\n") is None


def test_x_together_with_y_names_two_units(tmp_path) -> None:
    """由X会同Y负责: two units, X leading (was one name, 县政务服务中心会同县司法局)."""
    text = (
        HEAD
        + "1.推进一网通办。由县政务服务中心会同县司法局负责。\n2.推行告知承诺制。由县司法局负责。\n"
    )
    result = import_whole(tmp_path, text)
    assert result.tasks[0]["roles"]["lead"] == ["县政务服务中心"]
    assert result.tasks[0]["roles"]["cooperate"] == ["县司法局"]


def test_a_label_after_a_dash(tmp_path) -> None:
    """……。——责任单位：X (a dash before the label; was read as no assignment)."""
    text = HEAD + "".join(
        f"{n}.{task}——责任单位：{lead}\n"
        for n, task, lead in zip((1, 2), TASKS, LEADS, strict=False)
    )
    result = import_whole(tmp_path, text)
    assert [task["roles"]["responsible"] for task in result.tasks] == [[lead] for lead in LEADS[:2]]
