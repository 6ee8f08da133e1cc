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
import re
from collections.abc import Callable, Sequence
from itertools import chain
from typing import NamedTuple

from xlsxwriter.format import Format
from xlsxwriter.utility import _utf16_len, _utf16_truncate, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from duban.outputs.row_store import RowStore

Cell = str | int | float | dt.date | None
STRING_MAX = 32767  # XlsxWriter's ``xls_strmax``, in UTF-16 units

# placeholders for the formats' numbers, known only when the workbook is saved
_TEXT, _DATE, _NUMBER = "\x01t\x01", "\x01d\x01", "\x01n\x01"
_STYLE_OF = {_TEXT: "text", _DATE: "date", _NUMBER: "number"}  # each placeholder's style


class Piece(NamedTuple):
    """A body row as plain data, ready to be placed at any row (h24q): its XML with ``{0}`` for
    the row's number, ``{1}`` for its ordinal in the body (a numbered table's first cell),
    ``{2}``... for its texts' shared-string indices, then (h24af) fields for its dates' and
    numbers' values; its texts and its values, in the order of their cells (its height is in
    its XML). h24af: held as numbers in a :class:`RowStore`; with the values out of the XML a
    台账 has a few dozen templates, not one for every holder's dates."""

    template: str
    texts: tuple[str, ...]
    values: tuple[str, ...] = ()


# h24q: the only XML a piece may hold (a kept piece is checked against it when read): the
# writer's own row, cells and fields, nothing from the data (texts are shared strings, values
# fields: VALUE)
_CELL = r'<c r="[A-Z]{1,3}\{0\}" s="\x01[tdn]\x01"(?:/>|(?: t="s")?><v>\{\d+\}</v></c>)'
PIECE_XML = re.compile(
    rf'<row r="\{{0\}}" spans="1:\d+" ht="[0-9.]+" customHeight="1">(?:{_CELL})*</row>'
)
VALUE = re.compile(r"[0-9A-Z.+-]+")
"""A date's or a number's value as the writer puts it in a cell (``{:.16G}``)."""
_FIELD = re.compile(r'( t="s")?><v>\{(\d+)\}')


def template_fields(
    template: object, known: dict[str, tuple[int, int]] | None = None
) -> tuple[int, int] | None:
    """How many text fields and value fields a piece's template has, if it is one the writer
    makes (else None): its texts' fields ``{2}``, ``{3}``... in the order of its cells, then its
    values' in that order; ``known``: the templates found good before, with their fields."""
    if not isinstance(template, str):
        return None
    found = known.get(template) if known is not None else None
    if found is not None:
        return found
    if not PIECE_XML.fullmatch(template):
        return None
    fields = _FIELD.findall(template)
    texts = [int(n) for shared, n in fields if shared]
    values = [int(n) for shared, n in fields if not shared and n != "1"]
    if texts + values != list(range(2, 2 + len(texts) + len(values))):
        return None
    if known is not None:
        known[template] = (len(texts), len(values))
    return len(texts), len(values)


class TableSheet(Worksheet):
    """A worksheet whose body rows are written whole (module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.body_first = 0
        self.body_styles: dict[str, Format] = {}
        self.store = RowStore()
        self.row_ids: list[int] = []
        """h24q: every body row by its number in :attr:`store` (h24af), in order."""
        self._shared: list[int] = []  # every body text's shared-string index, in order

    def take_rows(
        self,
        first: int,
        rows: Sequence[Sequence[Cell] | int],
        kinds: Sequence[str],
        styles: dict[str, Format],
        text_of: Callable[[str], str],
        heights: Callable[[list[tuple[int, str]]], float],
        numbered: bool = False,
        store: RowStore | None = None,
    ) -> None:
        """The body: ``rows`` from row ``first`` on, each cell as ``write_table`` would write it
        (``kinds``: each column's kind, the style of its empty cells; ``text_of``: a text
        cell's content; ``heights``: a row's height in points from its texts). A row may be
        (h24q, h24af) the number of a row kept in ``store`` (the rows made here are put there
        too, each as a :class:`Piece`). ``numbered``: the first cell of every row is its
        ordinal in the body (1, 2, ...), left out of the pieces."""
        self.body_first = first
        self.body_styles = styles
        self.store = store = store if store is not None else RowStore()
        make = _PieceMaker(self, kinds, text_of, heights, numbered)
        ids = self.row_ids
        for r, row in enumerate(rows, first):
            if isinstance(row, int):
                ids.append(row)
                continue
            ids.append(store.add(*make(row, r - first + 1)))
        # h24af: the texts numbered as write_string numbers them, in the order of the rows and
        # their cells, each new one the next index: the same as text by text, done once for
        # each distinct text (a text's first place decides its index)
        texts = list(map(store.texts_of.__getitem__, ids))
        every = list(chain.from_iterable(texts))
        table = self.str_table
        strings, words = table.string_table, store.texts
        index_of: dict[int, int] = {}
        for number in dict.fromkeys(every):
            index = strings.get(words[number])
            if index is None:
                index = strings[words[number]] = table.unique_count
                table.unique_count += 1
            index_of[number] = index
        self._shared = list(map(index_of.__getitem__, every))
        table.count += len(every)
        if ids:
            # h24q: the body's rows are written at the close, their heights in their XML:
            # XlsxWriter needs only the sheet's extent (its dimension), not each row's set_row
            self._check_dimensions(first + len(ids) - 1, 0)

    def _write_rows(self) -> None:
        if not self.row_ids:
            super()._write_rows()
            return
        last = self.dim_rowmax  # type: ignore[has-type]
        self.dim_rowmax = self.body_first - 1  # the title and header rows, as XlsxWriter would
        try:
            super()._write_rows()
        finally:
            self.dim_rowmax = last
        templates = self._templates()
        store, shared, first, ids = self.store, self._shared, self.body_first, self.row_ids
        lengths = map(len, map(store.texts_of.__getitem__, ids))
        values = map(store.values_of.__getitem__, ids)
        rows, at = [], 0
        for r, (template, count, numbers) in enumerate(
            zip(map(store.templates_of.__getitem__, ids), lengths, values, strict=True),
            first + 1,
        ):
            xml = templates[template]
            rows.append(xml.format(r, r - first, *shared[at : at + count], *numbers))
            at += count
        self.fh.write("".join(rows))

    def _templates(self) -> dict[int, str]:
        """The templates the body uses, with their formats' numbers in place. A format gets its
        number when a cell first uses it, so in the order the formats first come in the body:
        in the first template (in the order of the rows) that holds each (h24af: found in the
        few hundred templates, not in the body's megabytes)."""
        store = self.store
        used = dict.fromkeys(map(store.templates_of.__getitem__, self.row_ids))
        marks = dict(_STYLE_OF)  # those not found yet
        found: list[tuple[int, int, str]] = []
        for n, number in enumerate(used):
            xml = store.templates[number]
            for mark in [m for m in marks if m in xml]:
                found.append((n, xml.find(mark), mark))
                del marks[mark]
            if not marks:
                break
        indices = {}
        for _, _, mark in sorted(found):
            indices[mark] = str(self.body_styles[_STYLE_OF[mark]]._get_xf_index())
        result = {}
        for number in used:
            xml = store.templates[number]
            for mark, index in indices.items():
                xml = xml.replace(mark, index)
            result[number] = xml
        return result


class _PieceMaker:
    """A body row's cells made into a :class:`Piece` (the texts and dates worked out once a
    sheet: a 台账 repeats its names, states and dates on thousands of rows, h24o)."""

    def __init__(
        self,
        sheet: TableSheet,
        kinds: Sequence[str],
        text_of: Callable[[str], str],
        heights: Callable[[list[tuple[int, str]]], float],
        numbered: bool,
    ) -> None:
        mark = {"text": _TEXT, "date": _DATE, "number": _NUMBER}
        self.blanks = [mark[k] for k in kinds]
        self.letters = [xl_col_to_name(c) for c in range(len(kinds))]
        self.sheet, self.text_of, self.heights, self.numbered = sheet, text_of, heights, numbered
        self.width = len(kinds)
        self.texts_seen: dict[tuple[int, str], tuple[str, str]] = {}
        self.dates_seen: dict[dt.date, str] = {}

    def __call__(self, row: Sequence[Cell], ordinal: int) -> Piece:
        width, letters, blanks = self.width, self.letters, self.blanks
        if len(row) != width:
            raise ValueError(f"row {ordinal} has {len(row)} cells for {width} columns")
        cells = []
        texts: list[tuple[int, str]] = []
        stored_texts: list[str] = []
        values: list[str] = []
        for c, value in enumerate(row):
            ref = f"{letters[c]}{{0}}"
            if c == 0 and self.numbered:
                if value != ordinal or isinstance(value, bool):
                    raise ValueError(f"row {ordinal} is numbered {value!r}")
                cells.append(f'<c r="{ref}" s="{_NUMBER}"><v>{{1}}</v></c>')
            elif value is None or value == "":
                cells.append(f'<c r="{ref}" s="{blanks[c]}"/>')
            elif isinstance(value, dt.date):
                serial = self.dates_seen.get(value)
                if serial is None:
                    number = self.sheet._convert_date_time(dt.datetime.combine(value, dt.time()))
                    serial = self.dates_seen[value] = f"{number:.16G}"
                values.append(serial)
                cells.append(f'<c r="{ref}" s="{_DATE}"><v>{{\x02}}</v></c>')
            elif isinstance(value, int | float) and not isinstance(value, bool):
                values.append(f"{value:.16G}")
                cells.append(f'<c r="{ref}" s="{_NUMBER}"><v>{{\x02}}</v></c>')
            else:
                raw = str(value)
                seen = self.texts_seen.get((c, raw))
                if seen is None:
                    text = self.text_of(raw)
                    stored = text
                    if len(stored) > STRING_MAX // 2 and _utf16_len(stored) > STRING_MAX:
                        stored = _utf16_truncate(stored, STRING_MAX)
                    seen = self.texts_seen[(c, raw)] = (text, stored)
                texts.append((c, seen[0]))
                stored_texts.append(seen[1])
                field = 2 + len(stored_texts) - 1
                cells.append(f'<c r="{ref}" s="{_TEXT}" t="s"><v>{{{field}}}</v></c>')
        points = self.heights(texts)
        # set_row's own arithmetic: points to pixels, pixels to the XML's points
        pixels = int(points * 4.0 / 3.0 + 0.5)
        # the row's height is its pixels (never 0: a row has one line at least)
        head = f'<row r="{{0}}" spans="1:{width}" ht="{pixels * 0.75:.16g}" customHeight="1">'
        xml = head + "".join(cells) + "</row>"
        if values:  # h24af: the values' fields after the texts', in the order of the cells
            parts = xml.split("\x02")
            first = 2 + len(stored_texts)
            numbers = map(str, range(first, first + len(values)))
            xml = "".join(chain.from_iterable(zip(parts, numbers, strict=False))) + parts[-1]
        return Piece(xml, tuple(stored_texts), tuple(values))
