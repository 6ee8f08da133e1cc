"""The 台账's rows kept by holder in the page cache's folder (h24q, duban/site/kept_ledger.py;
h24af: every holder's in one entry): the workbook from kept rows is the full build's, byte for
byte, and only the rows of the holders whose occurrences changed are made again; the kept rows
are plain data, refused unless they are what the writer makes (then every row is made again)."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from duban.load.cache import parts_digest
from duban.outputs import ledger as ledger_module
from duban.outputs import urls
from duban.outputs.row_store import RowStore
from duban.outputs.sheet_rows import PIECE_XML, template_fields
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


def _entry(cache: Path, field: str = kept_ledger.PIECES) -> Path:
    """The one entry holding every holder's rows (or, h24ai, the workbook: ``WORKBOOK``)."""
    found = [
        p
        for p in sorted((cache / "src").glob("*/*.duban-src.json"))
        if f'"{field}"' in p.read_text("utf-8")
    ]
    assert len(found) == 1
    return found[0]


def _forge(path: Path, change: Any) -> None:
    """The entry's rows changed by ``change`` (given them as data), its digest made to match."""
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


def _a_row(kept: dict[str, Any]) -> list[int]:
    """The first row that has texts."""
    return next(r for r in kept[kept_ledger.ROW_TEXTS] if r)


def _out_of_range(kept: dict[str, Any]) -> None:
    _a_row(kept)[0] = len(kept[kept_ledger.TEXTS])  # a text that is not there


def _negative(kept: dict[str, Any]) -> None:
    _a_row(kept)[0] = -1  # Python would take the last text


def _a_bool(kept: dict[str, Any]) -> None:
    _a_row(kept)[0] = True  # JSON's true, not a number


def _fewer_texts(kept: dict[str, Any]) -> None:
    _a_row(kept).pop()  # a field without its text


def _no_template(kept: dict[str, Any]) -> None:
    kept[kept_ledger.ROW_TEMPLATES][0] = len(kept[kept_ledger.TEMPLATES])


def _fewer_rows(kept: dict[str, Any]) -> None:
    kept[kept_ledger.ROW_TEMPLATES].pop()  # cut short, still JSON
    kept[kept_ledger.ROW_TEXTS].pop()


def _rows_moved(kept: dict[str, Any]) -> None:
    kept[kept_ledger.HOLDERS][0][2] += 1  # a holder's rows that are the next one's


def _a_value(kept: dict[str, Any]) -> list[str]:
    return next(r for r in kept[kept_ledger.ROW_VALUES] if r)


def _value_markup(kept: dict[str, Any]) -> None:
    _a_value(kept)[0] += "</v><f>1+1</f><v>"


def _two_values_in_one(kept: dict[str, Any]) -> None:
    values = _a_value(kept)
    values[0] += " 1"  # a space in a value: as two values when joined


def _value_number(kept: dict[str, Any]) -> None:
    _a_value(kept)[0] = 45000  # JSON's number, not the cell's text


def _fewer_values(kept: dict[str, Any]) -> None:
    _a_value(kept).pop()


def _a_number_text(kept: dict[str, Any]) -> None:
    kept[kept_ledger.TEXTS][0] = 1


def _older(kept: dict[str, Any]) -> None:
    kept.pop(kept_ledger.HOLDERS)  # as h24q kept a holder's: templates, texts, rows
    kept["plan"] = []


def test_a_forged_cut_or_older_entry_is_made_again(province_data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    full = _ledger(province_data, SourceMemo(cache, keep=False))
    entry = _entry(cache)
    good = entry.read_bytes()
    rows = Rows(monkeypatch)
    assert _ledger(province_data, SourceMemo(cache, keep=False)) == full
    assert rows == []
    changes = (
        _markup,
        _out_of_range,
        _negative,
        _a_bool,
        _fewer_texts,
        _no_template,
        _fewer_rows,
        _rows_moved,
        _a_number_text,
        _value_markup,
        _two_values_in_one,
        _value_number,
        _fewer_values,
        _older,
    )
    spoilt = [lambda path, change=change: _forge(path, change) for change in changes]
    spoilt.append(lambda path: path.write_bytes(good[:-9]))  # half-written
    texts = b'\\"texts\\":['  # a text put in, the digest not made again
    spoilt.append(lambda path: path.write_bytes(good.replace(texts, texts + b'\\"x\\",')))
    for spoil in spoilt:
        entry.write_bytes(good)
        spoil(entry)
        _entry(cache, kept_ledger.WORKBOOK).unlink()  # h24ai: else the rows are not read
        rows.clear()
        assert _ledger(province_data, SourceMemo(cache, keep=False)) == full
        assert len(rows) > 40  # every row made again
        assert _entry(cache).read_bytes() == good  # and kept again as it was
        rows.clear()
        assert _ledger(province_data, SourceMemo(cache, keep=False)) == full
        assert rows == []


def _pieces(rows: list[list[Any]], numbered: bool = True) -> tuple[RowStore, list[int]]:
    book = new_workbook(io.BytesIO(), "表", dt.datetime(2024, 1, 1))
    columns = [Column("序号", 5, "number"), Column("事项", 20), Column("日期", 12, "date")]
    store = RowStore()
    styles = table_styles(book, bordered=True)
    return store, write_table(book, "表", columns, rows, styles, numbered=numbered, store=store)


def test_the_templates_the_writer_makes_are_good_and_others_are_refused():
    rows = [[1, "甲 & <b>{0}", AS_OF], [2, "", None], [3, "乙\n丙", dt.date(1900, 1, 1)]]
    store, ids = _pieces(rows)
    assert ids == [0, 1, 2]
    templates = [store.templates[store.templates_of[i]] for i in ids]
    assert [template_fields(t) for t in templates] == [(1, 1), (0, 0), (1, 1)]
    assert store.texts_of_row(0) == ("甲 & <b>{0}",)  # a shared string, not in the XML
    assert store.values_of[1:] == [(), ("0",)]  # 1900-01-01 (its serial), a field, not XML
    assert "{3}" in templates[0] and "<v>0</v>" not in templates[2]
    assert "<b>" not in templates[0] and "{1}" in templates[0]
    assert all(PIECE_XML.fullmatch(t) for t in templates)
    template = templates[0]
    for bad in (
        template.replace("</row>", "<x/></row>"),
        template.replace("{2}", "{3}"),  # a field out of order
        template.replace('t="s"><v>{2}', "><v>{2}"),  # a text's field as a number
        template.replace('s="\x01t\x01"', 's="7"'),
        template.replace("<v>{3}</v>", "<v>45000</v>"),  # a value in the XML (h24q's form)
        template.replace("{2}", "{x}").replace("{3}", "{2}").replace("{x}", "{3}"),
        1,
    ):
        assert template_fields(bad) is None
    with pytest.raises(ValueError, match="row 2 is numbered 5"):
        _pieces([[1, "a", None], [5, "b", None]])


class Written(list[int]):
    """The workbooks written (not taken whole from the memo), by their rows' count."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__()
        write = kept_ledger.ledger_xlsx_pieces

        def counted(book: Any, *args: Any, **kwargs: Any) -> Any:
            self.append(len(book.overdue))
            return write(book, *args, **kwargs)

        monkeypatch.setattr(kept_ledger, "ledger_xlsx_pieces", counted)


def test_with_nothing_changed_the_kept_workbook_is_used_whole(province_data, tmp_path, monkeypatch):
    # h24ai: every holder's key as when the workbook was kept: that workbook, not written again
    cache = tmp_path / "cache"
    full = _ledger(province_data, None)
    written, rows = Written(monkeypatch), Rows(monkeypatch)
    assert _ledger(province_data, SourceMemo(cache, keep=False)) == full
    assert len(written) == 1
    rows_entry = _entry(cache).read_bytes()
    written.clear()
    rows.clear()
    assert _ledger(province_data, SourceMemo(cache, keep=False)) == full
    assert written == [] and rows == []
    assert _entry(cache).read_bytes() == rows_entry  # kept (held), not swept, not rewritten
    # spoilt (cut, another workbook's bytes under its digest, not base64): written again
    kept = _entry(cache, kept_ledger.WORKBOOK)
    good = kept.read_bytes()
    stored = json.loads(good)
    key = stored["key"]
    other = base64.b64encode(full[:-1] + b"x").decode()
    for spoil in (
        lambda: kept.write_bytes(good[:-9]),
        lambda: _put(kept, stored, key, other, digest=False),
        lambda: _put(kept, stored, key, "not base64!", digest=True),
    ):
        spoil()
        written.clear()
        assert _ledger(province_data, SourceMemo(cache, keep=False)) == full
        assert len(written) == 1 and rows == []  # from the kept rows
        assert _entry(cache, kept_ledger.WORKBOOK).read_bytes() == good
    # one unit's update changed: the workbook written again (the old one let go), then kept
    _edit_latest(province_data, "baqiao", "台账改动：")
    edited = _ledger(province_data, None)
    written.clear()
    assert _ledger(province_data, SourceMemo(cache, keep=False)) == edited != full
    assert len(written) == 1
    assert _entry(cache, kept_ledger.WORKBOOK).read_bytes() != good
    written.clear()
    assert _ledger(province_data, SourceMemo(cache, keep=False)) == edited
    assert written == []


def _put(path: Path, stored: dict[str, Any], key: str, text: str, digest: bool) -> None:
    """The workbook's entry holding ``text``, its digest made to match or left as it was."""
    pages = dict(stored["pages"])
    pages[kept_ledger.WORKBOOK] = text
    if digest:
        pages[kept_ledger.WORKBOOK_CHECK] = parts_digest(key, text)
    path.write_text(json.dumps({**stored, "pages": pages}, ensure_ascii=False), "utf-8")
