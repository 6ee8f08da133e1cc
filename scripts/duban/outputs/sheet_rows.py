"""A table sheet's rows written as XlsxWriter writes them, without its per-cell work (h24l).

A province's 台账 has some 1.7 million cells; XlsxWriter stores each one through its
``write_*`` methods (checks, a tuple per cell) and writes it back out as XML through several
calls more: a third of an incremental site build's time at 500 units went there. A
:class:`TableSheet` takes a table's rows whole (:meth:`TableSheet.take_rows`), notes each text
in the workbook's shared strings in the order ``write_string`` would (so the shared strings are
the same), and writes each row's XML in one piece when the workbook is saved, with the
formats' numbers known by then. The bytes are XlsxWriter's own for the same calls (the test
compares them with the rows written cell by cell): the title and header rows still go through
XlsxWriter, only the body's cells do not.

Every cell of a body row is written (an empty one as a styled blank), so each row spans every
column, as XlsxWriter's 16-row spans would say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from xlsxwriter.format import Format
from xlsxwriter.utility import _utf16_len, _utf16_truncate, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

Cell = str | int | float | dt.date | None
STRING_MAX = 32767  # XlsxWriter's ``xls_strmax``, in UTF-16 units

# placeholders for the formats' numbers, known only when the workbook is saved
_TEXT, _DATE, _NUMBER = "\x01t\x01", "\x01d\x01", "\x01n\x01"


class TableSheet(Worksheet):
    """A worksheet whose body rows are written whole (module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.body: list[str] = []
        self.body_first = 0
        self.body_styles: dict[str, Format] = {}

    def take_rows(
        self,
        first: int,
        rows: Sequence[Sequence[Cell]],
        kinds: Sequence[str],
        styles: dict[str, Format],
        text_of: Callable[[str], str],
        heights: Callable[[list[tuple[int, str]]], float],
    ) -> None:
        """The body: ``rows`` from row ``first`` on, each cell as ``write_table`` would write it
        (``kinds``: each column's kind, the style of its empty cells; ``text_of``: a text
        cell's content; ``heights``: a row's height in points from its texts)."""
        self.body_first = first
        self.body_styles = styles
        mark = {"text": _TEXT, "date": _DATE, "number": _NUMBER}
        blanks = [mark[k] for k in kinds]
        letters = [xl_col_to_name(c) for c in range(len(kinds))]
        table = self.str_table
        shared = table._get_shared_string_index
        date_number = self._convert_date_time
        width = len(kinds)
        # h24o: a text or date seen before in the body is not worked out again (a 台账 repeats
        # its names, states and dates on thousands of rows); a text's shared string is still
        # counted once per cell, as write_string counts it
        texts_seen: dict[tuple[int, str], tuple[str, str]] = {}
        dates_seen: dict[dt.date, str] = {}
        spans = f"1:{width}"
        for r, row in enumerate(rows, first):
            if len(row) != width:
                raise ValueError(f"row {r - first + 1} has {len(row)} cells for {width} columns")
            n = r + 1
            cells = []
            texts: list[tuple[int, str]] = []
            for c, value in enumerate(row):
                ref = f"{letters[c]}{n}"
                if value is None or value == "":
                    cells.append(f'<c r="{ref}" s="{blanks[c]}"/>')
                elif isinstance(value, dt.date):
                    serial = dates_seen.get(value)
                    if serial is None:
                        number = date_number(dt.datetime.combine(value, dt.time()))
                        serial = dates_seen[value] = f"{number:.16G}"
                    cells.append(f'<c r="{ref}" s="{_DATE}"><v>{serial}</v></c>')
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    cells.append(f'<c r="{ref}" s="{_NUMBER}"><v>{value:.16G}</v></c>')
                else:
                    raw = str(value)
                    seen = texts_seen.get((c, raw))
                    if seen is None:
                        text = text_of(raw)
                        stored = text
                        if len(stored) > STRING_MAX // 2 and _utf16_len(stored) > STRING_MAX:
                            stored = _utf16_truncate(stored, STRING_MAX)
                        seen = texts_seen[(c, raw)] = (text, str(shared(stored)))
                    else:
                        table.count += 1  # the string used once more, as shared() counts
                    text, index = seen
                    texts.append((c, text))
                    cells.append(f'<c r="{ref}" s="{_TEXT}" t="s"><v>{index}</v></c>')
            points = heights(texts)
            # set_row's own arithmetic: points to pixels, pixels to the XML's points
            self.set_row_pixels(r, int(points * 4.0 / 3.0 + 0.5))
            height = self.row_info[r].height
            head = f'<row r="{n}" spans="{spans}" ht="{height * 0.75:.16g}" customHeight="1">'
            self.body.append(head + "".join(cells) + "</row>")

    def _write_rows(self) -> None:
        if not self.body:
            super()._write_rows()
            return
        last = self.dim_rowmax  # type: ignore[has-type]
        self.dim_rowmax = self.body_first - 1  # the title and header rows, as XlsxWriter would
        try:
            super()._write_rows()
        finally:
            self.dim_rowmax = last
        body = "".join(self.body)
        # a format gets its number when a cell first uses it: in the order the cells come
        marks = {_TEXT: "text", _DATE: "date", _NUMBER: "number"}
        found = sorted((body.find(mark), mark) for mark in marks if mark in body)
        for _, mark in found:
            body = body.replace(mark, str(self.body_styles[marks[mark]]._get_xf_index()))
        self.fh.write(body)
