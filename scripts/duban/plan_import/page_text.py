"""The visible text of a web page saved as HTML, one block element a line.

Script, style and head are dropped; a table is read whole (the outermost only) and handed to
``as_rows`` (by default :func:`.table_lines.table_lines`, a 任务分工表 to numbered items);
``<ol>``/``<ul>`` items get the numbers a browser draws; a bold heading inside running text is
a line of its own. No character of a paragraph is changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from duban.plan_import.bold_headings import BOLD_TAGS, is_bold_heading
from duban.plan_import.list_numbers import CLOSE, OPEN, html_mark, html_marks, marked
from duban.plan_import.table_header import RowSpans, columns_spanned
from duban.plan_import.table_lines import table_lines

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
