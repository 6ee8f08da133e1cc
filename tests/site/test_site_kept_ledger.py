"""The 台账's rows kept by holder in the page cache's folder (h24q, duban/site/kept_ledger.py):
the workbook from kept pieces is the full build's, byte for byte, and only the rows of the
holders whose occurrences changed are made again; a kept piece is plain data, refused unless it
is one the writer makes."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from duban.outputs import ledger as ledger_module
from duban.outputs import urls
from duban.outputs.sheet_rows import Piece, good_piece
from duban.outputs.spreadsheet import Column, new_workbook, table_styles, write_table
from duban.plugin.source_memo import SourceMemo
from duban.site import kept_ledger
from sitekit import DEMO_AS_OF, ci_province_files

AS_OF = dt.date.fromisoformat(DEMO_AS_OF)


class Rows(list[str]):
    """The holders whose 台账 rows were made from their cells (not taken from the memo)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__()
        make = ledger_module.item_row

        def counted(model: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
            self.append(item.holder_id)
            return make(model, item, *args, **kwargs)

        monkeypatch.setattr(ledger_module, "item_row", counted)


def _ledger(data: Path, memo: SourceMemo | None) -> bytes:
    """The demo as a province (group pages: no CSV), rendered in one process."""
    files = ci_province_files(data, memo, AS_OF)
    assert urls.LEDGER_CSV not in files  # a province's
    data_bytes = files[urls.LEDGER_XLSX]
    assert isinstance(data_bytes, bytes)
    return data_bytes


def _edit_latest(data: Path, unit: str, words: str) -> None:
    """The latest update's text (the 台账's 工作进展 shows it)."""
    status = data / "status" / f"{unit}.yaml"
    text = status.read_text("utf-8")
    last = list(re.finditer(r"\n\s+text: \"?", text))[-1]
    status.write_text(text[: last.end()] + words + text[last.end() :], "utf-8")


def _texts(workbook: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    return "\n".join(str(c) for s in book.worksheets for row in s.values for c in row if c)


def test_the_ledger_from_kept_rows_is_the_full_builds(province_data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    full = _ledger(province_data, None)
    rows = Rows(monkeypatch)
    assert _ledger(province_data, SourceMemo(cache, keep=False)) == full  # the memo filled
    every = len(rows)
    assert every > 40 and len(set(rows)) > 5
    # the same data, a new memo reading the folder as the next build would: no row made
    rows.clear()
    assert _ledger(province_data, SourceMemo(cache, keep=False)) == full
    assert rows == []
    # one unit's latest update changed: its rows (and those of holders sharing a duty with it)
    # made again, a few of them; the workbook is a full build's and shows the edit
    _edit_latest(province_data, "baqiao", "台账改动：")
    rows.clear()
    after = _ledger(province_data, SourceMemo(cache, keep=False))
    assert "baqiao" in rows and 0 < len(rows) < every / 3
    rows.clear()
    assert after == _ledger(province_data, None) != full
    assert "台账改动：" in _texts(after)
    # and again: nothing made, the same bytes
    rows.clear()
    assert _ledger(province_data, SourceMemo(cache, keep=False)) == after
    assert rows == []


def _entries(cache: Path) -> list[Path]:
    return [
        p
        for p in sorted((cache / "src").glob("*/*.duban-src.json"))
        if f'"{kept_ledger.PIECES}"' in p.read_text("utf-8")
    ]


def _forge(path: Path, change: Any) -> None:
    """The entry's pieces changed by ``change`` (given them as data), its digest made to match."""
    stored = json.loads(path.read_text("utf-8"))
    pages = stored["pages"]
    kept = json.loads(pages[kept_ledger.PIECES])
    change(kept)
    pages[kept_ledger.PIECES] = json.dumps(kept, ensure_ascii=False)
    pages[kept_ledger.CHECK] = kept_ledger.parts_digest(stored["key"], pages[kept_ledger.PIECES])
    path.write_text(json.dumps(stored, ensure_ascii=False), "utf-8")


def _markup(kept: dict[str, Any]) -> None:
    first = kept[kept_ledger.TEMPLATES][0]
    kept[kept_ledger.TEMPLATES][0] = first.replace(
        "</row>", '<c r="Z{0}"><f>HYPERLINK("x")</f></c></row>'
    )


def _out_of_range(kept: dict[str, Any]) -> None:
    kept[kept_ledger.PLAN][0][2][0] = len(kept[kept_ledger.TEXTS])  # a text that is not there


def _negative(kept: dict[str, Any]) -> None:
    kept[kept_ledger.PLAN][0][2][0] = -1  # Python would take the last text


def _fewer_texts(kept: dict[str, Any]) -> None:
    kept[kept_ledger.PLAN][0][2].pop()  # a field without its text


def _fewer_rows(kept: dict[str, Any]) -> None:
    kept[kept_ledger.PLAN].pop()  # cut short, still JSON


def test_a_forged_cut_or_misplaced_entry_is_made_again(province_data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    full = _ledger(province_data, SourceMemo(cache, keep=False))
    kept = _entries(cache)
    assert len(kept) > 7
    changes = (_markup, _out_of_range, _negative, _fewer_texts, _fewer_rows)
    for path, change in zip(kept[:5], changes, strict=True):
        _forge(path, change)
    kept[5].write_text(kept[5].read_text("utf-8")[:-9], "utf-8")  # half-written
    stored = json.loads(kept[6].read_text("utf-8"))
    stored["pages"][kept_ledger.PIECES] = "{}"  # not its digest
    kept[6].write_text(json.dumps(stored, ensure_ascii=False), "utf-8")
    rows = Rows(monkeypatch)
    assert _ledger(province_data, SourceMemo(cache, keep=False)) == full
    assert len(set(rows)) == 7  # those seven holders' rows made again, no others'


def _pieces(rows: list[list[Any]], numbered: bool = True) -> list[Piece]:
    book = new_workbook(io.BytesIO(), "表", dt.datetime(2024, 1, 1))
    columns = [Column("序号", 5, "number"), Column("事项", 20), Column("日期", 12, "date")]
    return write_table(
        book, "表", columns, rows, table_styles(book, bordered=True), numbered=numbered
    )


def test_the_pieces_the_writer_makes_are_good_and_others_are_refused():
    rows = [[1, "甲 & <b>{0}", AS_OF], [2, "", None], [3, "乙\n丙", dt.date(1900, 1, 1)]]
    pieces = _pieces(rows)
    assert [good_piece(json.loads(json.dumps(list(p)))) for p in pieces] == pieces
    assert pieces[0].texts == ("甲 & <b>{0}",)  # the text is a shared string, not in the XML
    assert "<b>" not in pieces[0].template and "{1}" in pieces[0].template
    template = pieces[0].template
    for bad in (
        [pieces[0].pixels, template.replace("</row>", "<x/></row>"), ["甲"]],
        [pieces[0].pixels, template, []],  # a field without its text
        [pieces[0].pixels, template, ["甲", "乙"]],
        [pieces[0].pixels, template.replace("{2}", "{3}"), ["甲"]],
        [str(pieces[0].pixels), template, ["甲"]],
        [pieces[0].pixels, template, [1]],
        "not a piece",
    ):
        assert good_piece(bad) is None
    with pytest.raises(ValueError, match="row 2 is numbered 5"):
        _pieces([[1, "a", None], [5, "b", None]])
