"""The visible text of a web page saved as HTML, one block element a line.

Script, style and head are dropped; a table is read whole and handed to ``as_rows`` (by default
:func:`.table_lines.table_lines`, a 任务分工表 to numbered items), unless it only lays the page
out (a table of tables, or one column of paragraphs): then its text keeps its lines;
``<ol>``/``<ul>`` items get the numbers a browser draws; a bold heading inside running text is
a line of its own. No character of a paragraph is changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from duban.plan_import.bold_headings import (
    BOLD_TAGS,
    HEADING_CLOSE,
    HEADING_OPEN,
    heading_lines,
    is_bold_heading,
)
from duban.plan_import.list_numbers import CLOSE, OPEN, html_mark, html_marks, marked
from duban.plan_import.table_header import Merged, RowSpans, columns_spanned
from duban.plan_import.table_lines import table_lines

BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "blockquote", "pre", "ul", "ol", "dd", "dt", "title", "header", "footer",
}  # fmt: skip
SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


class _Table:
    """A table being read: its rows of raw cell texts (line breaks kept), the cell open."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.spans = RowSpans()
        self.cell: list[str] | None = None
        self.span = self.down = 1
        self.nested = False  # a table inside one of its cells

    def lines(self, as_rows: Callable[[list[list[str]]], list[str]]) -> list[str]:
        """A layout table's cells as the text they hold, line by line; any other table's rows,
        each cell one line of text, handed to ``as_rows``."""
        if self.rows:
            self.spans.fill(self.rows[-1], to_end=True)
        if self.is_layout():
            return [cell for row in self.rows for cell in row if cell.strip()]
        return as_rows([[_spaced(cell) for cell in row] for row in self.rows])

    def is_layout(self) -> bool:
        """A table that places a page's parts rather than listing rows: it holds another table
        (old government sites put the whole page in nested tables), or it has one column (a
        cell of several paragraphs, or a paragraph a row: h18bc, a one-column table lists no
        task with its units, and its rows written as ``| cell |`` glued the bar to the names).
        Its text keeps its lines (h18av: read as rows, a whole notice became one line)."""
        if self.nested:
            return True
        return all(sum(1 for cell in row if cell.strip()) <= 1 for row in self.rows)


def _spaced(cell: str) -> str:
    """A cell's text on one line; a merged cell's continuation kept as it is (its words above)."""
    return cell if isinstance(cell, Merged) else re.sub(r"\s+", " ", cell).strip()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False
        self.tables: list[_Table] = []  # the tables open, the innermost last
        self.stats: dict[str, int] | None = None
        self.as_rows: Callable[[list[list[str]]], list[str]] | None = None
        self.lists: list[tuple[str, int]] = []  # h18ab: the <ol>/<ul> open: [type, the last number]
        # h18au: where the open <b>/<strong>'s text starts (the list it is written into)
        self.bold_at: tuple[list[str], int] | None = None

    def _target(self) -> list[str]:
        """Where text goes: the open cell of the innermost table that has one, else the page."""
        for table in reversed(self.tables):
            if table.cell is not None:
                return table.cell
        return self.parts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        table = self.tables[-1] if self.tables else None
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BOLD_TAGS and self.bold_at is None:
            target = self._target()
            self.bold_at = (target, len(target))
        elif tag == "table":
            if table is not None:
                table.nested = True
            self.tables.append(_Table())
        elif tag == "tr" and table is not None:
            if table.rows:
                table.spans.fill(table.rows[-1], to_end=True)
            table.rows.append([])
        elif tag in ("td", "th") and table is not None:
            if not table.rows:
                table.rows.append([])
            table.spans.fill(table.rows[-1])  # h18z: the cells merged down from above
            named = dict(attrs)
            table.span = columns_spanned(named.get("colspan"))
            table.down = columns_spanned(named.get("rowspan"))
            table.cell = []
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
        table = self.tables[-1] if self.tables else None
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BOLD_TAGS and self.bold_at is not None:
            target, at = self.bold_at
            if target is self._target() and is_bold_heading("".join(target[at:])):
                target[at:at] = [HEADING_OPEN]  # a line of its own, unless a stop follows
                target.append(HEADING_CLOSE)
            self.bold_at = None
        elif tag == "table" and table is not None:
            self.end_table()
        elif tag in ("td", "th") and table is not None:
            self._close_cell(table)
        elif tag in BLOCK_TAGS:
            self._text("\n")
            if tag in ("ol", "ul") and self.lists:
                self.lists.pop()

    def end_table(self) -> None:
        table = self.tables.pop()
        self._close_cell(table)
        as_rows = self.as_rows or (lambda rows: table_lines(rows, self.stats))
        self._text("\n" + "\n".join(table.lines(as_rows)) + "\n")

    def _close_cell(self, table: _Table) -> None:
        if table.cell is None or not table.rows:
            return
        words = heading_lines("".join(table.cell))
        table.spans.note(len(table.rows[-1]), table.span, table.down, words.strip())
        table.rows[-1].append(words)
        table.rows[-1].extend([""] * (table.span - 1))  # h18z: a cell over several columns
        table.cell = None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._text("\n")

    def _text(self, text: str) -> None:
        self._target().append(text)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.skip:  # the page's own text never holds the parser's marks (list, heading)
            marks = f"{HEADING_OPEN}{HEADING_CLOSE}{OPEN}{CLOSE}"
            self._text(re.sub(rf"[\r\n\t{marks}]+", "", data))


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
    while parser.tables:  # a page cut off inside a table: what it read is still text
        parser.end_table()
    text = marked(heading_lines("".join(parser.parts))).replace("\xa0", " ")
    # h18bc: the spaces before a paragraph's first word (　　, &nbsp; runs) are the page's indent,
    # a style the editor typed, not text: a plain text's readers take a line's start as written
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip())
