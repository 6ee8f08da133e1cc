"""Reading a plan's document: plain text (UTF-8 or GB18030/GBK), HTML saved from a website, .docx.

Each reader returns the document as text with one paragraph a line, never changing a character
of the paragraphs themselves (the plan's text is kept verbatim).

The document comes from outside, so it is bounded before it is read (:mod:`duban.load.untrusted`):
at most ``MAX_FILE_BYTES``; a .docx's parts inflate to at most ``DOCX_LIMITS`` and hold no DTD.
Whatever else is wrong with the file is one ``ReadError`` line naming it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from duban.i18n.messages import say
from duban.i18n.os_errors import os_reason
from duban.load.files import read_regular
from duban.load.untrusted import Untrusted, ZipLimits, check_length, check_size, check_zip
from duban.model.problems import printable
from duban.plan_import.bold_headings import BOLD_TAGS, is_bold_heading
from duban.plan_import.category_cells import category_column, category_rows
from duban.plan_import.cell_rows import TABLE_COLUMNS
from duban.plan_import.chinese import ASCII_DIGITS
from duban.plan_import.label_colons import colons_restored
from duban.plan_import.leader_names import PINYIN_NOTE
from duban.plan_import.list_numbers import (
    CLOSE,
    OPEN,
    WordNumbering,
    html_mark,
    html_marks,
    marked,
    with_mark,
)
from duban.plan_import.merged_rows import merge_continuations
from duban.plan_import.numbering import separator
from duban.plan_import.pdf_doc import ConversionError, doc_to_docx, pdf_text
from duban.plan_import.person_columns import without_working_person
from duban.plan_import.prose_deadlines import PROGRESS_COLUMN
from duban.plan_import.row_cells import lead_not_repeated, parted_names, realigned, role_parts
from duban.plan_import.split_header import joined_header, joined_header_reading
from duban.plan_import.table_header import (
    RowSpans,
    columns_spanned,
    header_index,
    pipe_lines,
    spanned,
)
from duban.plan_import.table_numbers import cell_number, fold_group_rows
from duban.plan_import.text_tables import flatten_tables
from duban.plan_import.wrapped_lines import rejoin_wrapped, single_spaced

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement


class ReadError(Exception):
    """The file cannot be read as a plan: one line."""


MAX_FILE_BYTES = 50_000_000
"""A plan's document larger than this is refused unread (a plan with its photos is a few MB)."""
MAX_TEXT_BYTES = 20_000_000
"""A text or HTML document (a plan's text is well under 1 MB)."""
DOCX_LIMITS = ZipLimits(file_bytes=MAX_FILE_BYTES, total_bytes=150_000_000, xml_bytes=30_000_000)


def read_document(path: Path, untabled: list[str] | None = None) -> tuple[str, str]:
    """The document's text and a short description of how it was read (for the review).
    ``untabled`` (h18f) receives a plain text's lines as written when the table reading
    changed them (another reading the importer compares)."""
    name = printable(str(path))
    try:
        check_size(path, MAX_FILE_BYTES)
        # a regular file only (never a pipe or device), and no more than the limit even if it grew
        data = read_regular(path, MAX_FILE_BYTES + 1, follow=True)
        check_length(len(data), MAX_FILE_BYTES)
    except OSError as error:
        raise ReadError(
            say(f"cannot read {name}: {error.strerror}", f"无法读取 {name}：{os_reason(error)}")
        ) from None
    except Untrusted as error:
        raise ReadError(f"{name}: {error}") from None
    stats: dict[str, int] = {}
    strays: list[str] = []
    suffix = path.suffix.lower()
    try:
        if data[:5] == b"%PDF-" or suffix == ".pdf":
            text = flatten_tables(pdf_text(data, name), lambda rows: table_lines(rows, stats))
            check_length(len(text.encode("utf-8")), MAX_TEXT_BYTES)
            how = say("PDF (its text layer, lines rejoined)", "PDF（文字层，按版面拼回段落）")
            return text, how + (
                ("；" + TABLE_ROWS.format(stats["rows"])) if stats.get("rows") else ""
            )
        if data[:4] == b"\xd0\xcf\x11\xe0" or suffix == ".doc":
            data, suffix = doc_to_docx(data, name), ".docx"
    except ConversionError as error:
        raise ReadError(str(error)) from None
    except Untrusted as error:
        raise ReadError(f"{name}: {error}") from None
    if data[:4] == b"PK\x03\x04" or suffix == ".docx":
        try:
            check_zip(data, DOCX_LIMITS)
            text, how = docx_text(data, stats), "docx"
            if untabled is not None:  # h18z: its tables as | rows, as a text page gives them
                untabled.append(docx_text(data, None, pipe_lines))
        except (Untrusted, ReadError) as error:
            raise ReadError(f"{name}: {error}") from None
    else:
        try:
            check_length(len(data), MAX_TEXT_BYTES)
        except Untrusted as error:
            raise ReadError(f"{name}: {error}") from None
        text, how = decode(data)
        if path.suffix.lower() in (".html", ".htm") or re.match(
            r"\s*<(!doctype|html|head|body)", text, re.I
        ):
            if untabled is not None:  # h18z: its tables as | rows, as a text page gives them
                untabled.append(html_text(text, None, pipe_lines))
            text, how = html_text(text, stats), f"HTML ({how})"
        else:
            raw = rejoin_wrapped(single_spaced(normalize_newlines(text)))  # h18x: cut lines
            if raw != single_spaced(normalize_newlines(text)):
                how += say("; lines cut at a fixed width joined", "；按固定宽度断开的行已拼回段落")
            if (restored := colons_restored(raw)) != raw:  # h18x: 牵头单位市发改委
                raw, how = restored, how + say("; colons added after labels", "；标签后补了冒号")
            if joined := joined_header(raw):  # h18ak: 责任单位或 | 协助 over | 牵头单位 | 单位
                raw, how = joined[0], how + "；" + joined_header_reading(joined[1])
            text = flatten_tables(raw, lambda rows: table_lines(rows, stats), strays)
            if untabled is not None and text != raw:
                untabled.append(raw)
    if stats.get("rows"):
        how += "；" + TABLE_ROWS.format(stats["rows"])
        if strays:  # h18a
            quoted = "、".join(f"“{cell[:20]}”" for cell in strays[:10])
            how += (
                f"；表格中有 {len(strays)} 个单元格归不进任何一列（页面残留？），"
                f"已放在所在行的文字之后：{quoted}"
            )
    return text, how


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    head = data[:2048].decode("ascii", errors="ignore")
    declared = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    if declared and declared.group(1).lower() in ("gbk", "gb2312", "gb18030"):
        return data.decode("gb18030", errors="replace"), "GB18030"
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace"), "GB18030 (含无法解码的字节)"


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").lstrip("\ufeff")


BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "blockquote", "pre", "ul", "ol", "dd", "dt", "title", "header", "footer",
}  # fmt: skip
SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False
        self.rows: list[list[str]] | None = None  # the table being read (outermost only)
        self.cell: list[str] | None = None
        self.span = self.down = 1
        self.spans = RowSpans()
        self.depth = 0
        self.stats: dict[str, int] | None = None
        self.as_rows: Callable[[list[list[str]]], list[str]] | None = None
        self.lists: list[tuple[str, int]] = []  # h18ab: the <ol>/<ul> open: [type, the last number]
        self.bold_at: int | None = None  # h18au: where the open <b>/<strong>'s text starts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BOLD_TAGS and self.cell is None and self.bold_at is None:
            self.bold_at = len(self.parts)
        elif tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.rows, self.spans = [], RowSpans()
        elif tag == "tr" and self.depth == 1 and self.rows is not None:
            if self.rows:
                self.spans.fill(self.rows[-1], to_end=True)
            self.rows.append([])
        elif tag in ("td", "th") and self.depth == 1 and self.rows is not None:
            if not self.rows:
                self.rows.append([])
            self.spans.fill(self.rows[-1])  # h18z: the cells merged down from above
            named = dict(attrs)
            self.span = columns_spanned(named.get("colspan"))
            self.down = columns_spanned(named.get("rowspan"))
            self.cell = []
        elif tag in BLOCK_TAGS:
            self._text("\n")
            if tag in ("ol", "ul"):  # h18ab: the numbers a browser draws (list_numbers.py)
                self.lists.append(html_marks(tag, attrs))
            elif tag == "li" and self.lists:
                kind, value = self.lists[-1]
                self.lists[-1] = (kind, value + 1)
                mark = html_mark(kind, value + 1, len(self.lists))
                self._text(f"{OPEN}{mark}{CLOSE}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BOLD_TAGS and self.bold_at is not None:
            if self.cell is None and is_bold_heading("".join(self.parts[self.bold_at :])):
                self.parts[self.bold_at : self.bold_at] = ["\n"]  # a line of its own
                self.parts.append("\n")
            self.bold_at = None
        elif tag == "table":
            self.depth = max(0, self.depth - 1)
            if self.depth == 0 and self.rows is not None:
                if self.rows:
                    self.spans.fill(self.rows[-1], to_end=True)
                rows = self.rows
                lines = self.as_rows(rows) if self.as_rows else table_lines(rows, self.stats)
                self.parts.append("\n" + "\n".join(lines) + "\n")
                self.rows = None
        elif tag in ("td", "th") and self.cell is not None and self.rows is not None:
            self.spans.note(len(self.rows[-1]), self.span, self.down)
            self.rows[-1].append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.rows[-1].extend([""] * (self.span - 1))  # h18z: a cell over several columns
            self.cell = None
        elif tag in BLOCK_TAGS:
            self._text("\n")
            if tag in ("ol", "ul") and self.lists:
                self.lists.pop()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._text("\n")

    def _text(self, text: str) -> None:
        (self.cell if self.cell is not None else self.parts).append(text)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.skip:
            self._text(re.sub(r"[\r\n\t]+", "", data))


def html_text(
    html: str,
    stats: dict[str, int] | None = None,
    as_rows: Callable[[list[list[str]]], list[str]] | None = None,
) -> str:
    """The visible text of a web page, one block element a line (script, style, head dropped);
    its tables read by ``as_rows`` (else as 任务分工表 rows)."""
    parser = _TextParser()
    parser.stats, parser.as_rows = stats, as_rows
    parser.feed(html)
    parser.close()
    text = marked("".join(parser.parts)).replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip())


def docx_text(
    data: bytes,
    stats: dict[str, int] | None = None,
    as_rows: Callable[[list[list[str]]], list[str]] | None = None,
) -> str:
    """The paragraphs of a .docx (body and table cells), one a line."""
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ReadError(
            say("python-docx is needed for .docx", "读取 .docx 需要 python-docx")
        ) from None
    try:
        return _docx_lines(docx.Document(BytesIO(data)), stats, as_rows)
    except Exception as error:  # a missing part, XML cut short or not well-formed, U+FFFE …
        reason = printable(str(error).strip() or type(error).__name__)
        raise ReadError(
            say(
                f"not a valid .docx file ({reason}): save it again from Word or WPS as .docx",
                f"不是有效的 .docx 文件（{reason}）：请用 Word 或 WPS 重新另存为 .docx 后再试",
            )
        ) from None


def _docx_lines(
    document: Document,
    stats: dict[str, int] | None,
    as_rows: Callable[[list[list[str]]], list[str]] | None = None,
) -> str:
    lines: list[str] = []
    body = document.element.body
    numbers = WordNumbering(document)  # h18ab: Word's automatic numbering
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(with_mark(numbers.mark(child), _runs(child)))
        elif tag == "tbl":
            rows = [
                [
                    text
                    for cell in row
                    if cell.tag.endswith("}tc")
                    for text in spanned(_runs(cell), cell)  # h18z: a cell over two columns
                ]
                for row in child
                if row.tag.endswith("}tr")
            ]
            lines.extend(as_rows(rows) if as_rows else table_lines(rows, stats))
    return "\n".join(lines)


def _runs(element: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))


TABLE_ROWS = "任务分工表的 {} 行转为条目（分工括注由表头和单元格组成，不是原文）"


def table_lines(rows: list[list[str]], stats: dict[str, int] | None = None) -> list[str]:
    """A 任务分工表 (序号 | 任务 | 牵头单位 | 责任单位 | 完成时限) becomes numbered items with a
    clause each (``N.任务（牵头单位：…；完成时限：…）``); any other table, one line a row."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    if at := header_index(rows):  # h18z: a title or the page's metadata above the header
        above = [" ".join(cell for cell in row if cell) for row in rows[:at]]
        return above + table_lines(rows[at:], stats)
    header = rows[0]
    kinds: dict[int, str] = {}
    for index, cell in enumerate(header):
        cell = PINYIN_NOTE.sub("", cell)  # h18p: 工作進(jìn)度安排, a converter's pinyin
        for kind, (pattern, _) in TABLE_COLUMNS.items():
            if index not in kinds and re.search(pattern, cell):
                kinds[index] = kind
    for index, kind in list(kinds.items()):  # h18f: 主要责任单位 next to 协同配合单位 leads
        main = re.match(r"\s*主要(?:责任|責任)", header[index])
        others = set(kinds.values())
        if kind == "responsible" and main and "cooperate" in others and "lead" not in others:
            kinds[index] = "lead"
    kinds = without_working_person(header, kinds)  # h18u: 责任人 beside 责任领导
    if category_column(header, kinds):  # h18an: 类别 | 民生事项名称 | … (招远 2022)
        rows, kinds[0] = category_rows(rows, kinds), "category"
    roles = {"lead", "responsible", "deadline"}
    if len(header) < 2 or not roles & set(kinds.values()):
        return [" ".join(cell for cell in row if cell) for row in rows]
    rows = merge_continuations(rows, kinds)  # h18i: a numbered project's rows below it
    rows = parted_names(rows, kinds)  # h18ai: 派出所工商质监所, two names run together
    text_columns = [i for i in range(len(header)) if i not in kinds]
    # h18z: the task's column before a progress column, whatever their order (进展情况 | 内容)
    text_columns.sort(key=lambda i: PROGRESS_COLUMN.search(header[i]) is not None)
    number_column = next((i for i, k in kinds.items() if k == "number"), None)
    lines, counter = [], 0
    rows = fold_group_rows(rows, kinds, number_column)  # h18ae: 1 | 大力提振消费。 | | (芜湖)
    # h18j: a progress report's cells under their columns' names (进展情况：…): the dates and
    # the 1. 2. in them are no deadlines and no steps of the task
    progress = any(PROGRESS_COLUMN.search(header[i]) for i in text_columns)
    for row in rows[1:]:
        row = realigned(row, kinds)
        cells = lead_not_repeated({i: cell.strip() for i, cell in enumerate(row)}, kinds)
        filled = list(dict.fromkeys(c for c in cells.values() if c))
        if len(filled) == 1:
            lines.append(filled[0])  # a heading row spanning the table (一、…)
            continue
        counter += 1
        # h18ae: a 序号 in brackets, (8) ⑻ ⑧, is the row's number too (芜湖 2025)
        number = cell_number(cells.get(number_column, "")) if number_column is not None else None
        number = number or str(counter)
        text = "；".join(
            (f"{header[i]}：" if progress and i != text_columns[0] else "") + cells[i]
            for i in text_columns
            if cells.get(i)
        )
        parts = [
            part
            for i, kind in sorted(kinds.items(), key=lambda k: (k[1] == "deadline", k[0]))
            if kind not in ("number", "category") and cells.get(i)
            for part in role_parts(kind, cells[i])  # h18ai: X会同Y in a cell of units
        ]
        # the cell repeats the row's number (h18a), in full-width digits too (h18ap: １．)
        own = re.match(rf"{number}\s*{separator()}", text.translate(ASCII_DIGITS))
        clause = f"（{'；'.join(parts)}）" if parts else ""
        # h18j: a cell of steps 1.…2.… (临安 2022)
        steps = re.search(f"；(?=[1１]{separator()})", text)
        if steps and clause:  # the row's clause before them: the item's, not its last step's
            text = f"{text[: steps.start()]}{clause}{text[steps.start() :]}"
            clause = ""
        lines.append((text if own else f"{number}.{text}") + clause)
        if stats is not None:
            stats["rows"] = stats.get("rows", 0) + 1
    return lines
