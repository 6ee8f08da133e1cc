"""hnum: the numbering marks live in plan_import/numbering.py; the modules build their patterns
from its parts and keep their narrower contexts explicit."""

from __future__ import annotations

import re

import pytest

from duban.plan_import import (
    group_assignments,
    lead_in,
    numbering,
    pdf_doc,
    table_end,
    text_tables,
    unit_lines,
    unnumbered,
)
from duban.plan_import.segment import MARKER


def test_the_parts_read_the_marks_a_plan_numbers_with() -> None:
    number = re.compile(f"{numbering.arabic()}{numbering.separator(small=True)}")
    for mark in ("1.", "12、", "３．", "1﹒", "123."):
        assert number.fullmatch(mark), mark
    assert not number.fullmatch("1。")  # 。 only where a module asks for it
    assert not number.fullmatch("1234.")
    assert not re.fullmatch(numbering.arabic(wide=False), "３")
    assert re.fullmatch(numbering.separator(optional=True), "")
    assert re.fullmatch(numbering.CHAPTER, "十二、")
    assert not re.fullmatch(numbering.CHAPTER, "一百、")
    assert re.fullmatch(numbering.bracketed(numbering.CN), "(三）")
    assert re.fullmatch(numbering.bracketed(numbering.MIXED), "（12）")
    assert re.fullmatch(numbering.article(), "第十五条")
    assert re.match(f"{numbering.arabic(group=True)}", "42、").group(1) == "42"


@pytest.mark.parametrize(
    ("line", "segment", "lead_in_item", "group_item", "numbered_text", "pdf_start"),
    [
        ("1.完善制度", True, True, True, True, True),
        ("１．完善制度", True, True, True, True, False),  # pdf_doc: ASCII digits only
        ("1﹒完善制度", True, True, True, True, True),  # h18x: ﹒ is read wherever 1. is
        ("1。完善制度", True, False, False, False, False),  # 。: segment.py only (round eleven)
        # a decimal: NOT_DECIMAL where asked; h18ap: a wrapped line starting 1.5万人 opens no
        # paragraph (pdf_doc and wrapped_lines join it)
        ("1.5万人", False, False, False, True, False),
        ("（3）完善制度", True, False, True, True, True),
        ("（三）完善制度", True, False, True, True, True),
    ],
)
def test_each_module_keeps_its_own_context(
    line: str,
    segment: bool,
    lead_in_item: bool,
    group_item: bool,
    numbered_text: bool,
    pdf_start: bool,
) -> None:
    marker = MARKER.match(line)
    assert (marker is not None and marker.start() == 0) is segment
    assert bool(lead_in.ITEM.match(line)) is lead_in_item
    assert bool(group_assignments.ITEM.match(line)) is group_item
    assert bool(unit_lines.NUMBERED_TEXT.match(line)) is numbered_text
    assert bool(pdf_doc.STARTS_ITEM.match(line)) is pdf_start


def test_a_cell_that_is_only_a_number_and_a_chapter_row() -> None:
    for cell in ("7", "7.", "７、", "123"):
        assert unnumbered.ROW_NUMBER.match(cell) and text_tables.NUMBER.match(f" {cell} "), cell
    for cell in ("7。", "1234", "7.完善"):
        assert not unnumbered.ROW_NUMBER.match(cell), cell
    assert unnumbered.HEADING.match("一、总体要求") and table_end.HEADING_ROW.match("十一、其他")
    assert not unnumbered.HEADING.match("（一）总体要求")
