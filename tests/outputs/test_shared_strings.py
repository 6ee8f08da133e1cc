"""The shared strings written in one pass (duban/outputs/shared_strings.py, h24af): the bytes of
XlsxWriter's own writer, for plain texts and for every kind it escapes or marks."""

from __future__ import annotations

import io

import pytest
import xlsxwriter
from xlsxwriter.sharedstrings import SharedStrings

from duban.outputs.shared_strings import SheetsWorkbook

PLAIN = ["甲", "a & b <c> \"d\" 'e'", "第一行\n第二行", "", "x" * 5000, "😀{0}"]
WHITESPACE = [" 前", "后 ", "后\n", "\t中", "全角\u3000", "\u00a0不换行", "中 间"]


def _book(kind: type[xlsxwriter.Workbook], texts: list[str]) -> bytes:
    buffer = io.BytesIO()
    book = kind(buffer, {"in_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("表")
    for n, text in enumerate(texts):
        sheet.write_string(n, 0, text)
        sheet.write_string(n, 1, texts[0])  # repeated: one shared string
    book.close()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("texts", "one_pass"),
    [
        (PLAIN, True),
        (PLAIN + WHITESPACE, True),
        ([*PLAIN, "控制\x01字符"], False),  # escaped as _x0001_: XlsxWriter's writer
        ([*PLAIN, "_x0041_ 像转义"], False),
        ([*PLAIN, "回车\r"], False),
        ([*PLAIN, "<r><t>富文本</t></r>"], False),
        ([*PLAIN, "非字符\ufffe"], False),
        ([*PLAIN, "合并用的\ue000字符"], False),
    ],
)
def test_the_shared_strings_are_xlsxwriters(texts, one_pass, monkeypatch):
    theirs = []  # XlsxWriter's writer called by ours
    write = SharedStrings._write_sst_strings

    def counted(self: SharedStrings) -> None:
        theirs.append(self)
        write(self)

    monkeypatch.setattr(SharedStrings, "_write_sst_strings", counted)
    ours = _book(SheetsWorkbook, texts)
    monkeypatch.undo()
    assert ours == _book(xlsxwriter.Workbook, texts)
    assert (theirs == []) is one_pass
