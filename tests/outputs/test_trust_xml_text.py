"""Text XML 1.0 cannot hold, and document properties longer than 255 characters, never stop an
XML output (the 通报's .docx, the workbooks, the Atom feed): one rule, ``outputs.xml_text``."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from lxml import etree

from duban.cli.main import main
from duban.outputs.spreadsheet import Column, clean, workbook
from duban.outputs.xml_text import ILLEGAL_XML, PROPERTY_MAX, xml_property, xml_text
from duban.site.downloads import _x
from helpers import BASE

# every character XML 1.0 cannot hold, a lone surrogate as argv makes of a byte that is not UTF-8
ILLEGAL = [*map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]), "\ud800", "\udcff"]
ILLEGAL += ["\udfff", "\ufffe", "\uffff"]
KEPT = ["\t", "\n", "\r", " ", "\ufffd", "\ue000", "\U00010000", "\U0010fffd", "中"]


@pytest.mark.parametrize("char", ILLEGAL, ids=lambda c: f"U+{ord(c):04X}")
def test_characters_xml_cannot_hold_are_dropped_everywhere(char):
    text = f"a{char}b"
    assert xml_text(text) == clean(text) == "ab"
    assert _x(text) == "ab"  # the Atom feed
    etree.fromstring(f"<t>{xml_text(text)}</t>".encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("char", KEPT, ids=lambda c: f"U+{ord(c):04X}")
def test_characters_xml_holds_are_kept(char):
    assert xml_text(f"a{char}b") == f"a{char}b"
    assert not ILLEGAL_XML.search(char)


def test_a_property_is_cut_at_255_characters():
    assert PROPERTY_MAX == 255
    assert xml_property("标" * 600) == "标" * 255
    assert xml_property("\uffff" + "x" * 255) == "x" * 255


def test_a_workbook_with_every_illegal_character_opens():
    text = "前" + "".join(ILLEGAL) + "后"
    data = workbook([Column(text, 10)], [[text]], title=text * 100)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.cell(1, 1).value == sheet.cell(2, 1).value == "前后"
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")
    title = etree.fromstring(core).find("{http://purl.org/dc/elements/1.1/}title")
    assert title is not None and title.text == ("前后" * 100)[:255]


def _data(tmp_path: Path, title: str) -> Path:
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    plan = root / "data" / "plans" / "test-plan" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("测试实施方案", title), "utf-8")
    return root / "data"


def _bulletin(data: Path, out: Path, *extra: str) -> int:
    return main(["bulletin", "--data", str(data), "--as-of", "2011-01-01", "-o", str(out), *extra])


def test_a_plan_title_and_issuer_of_500_characters_make_a_bulletin(tmp_path):
    """The schema allows 500 characters; python-docx's properties hold 255."""
    title = "方" * 500
    data = _data(tmp_path, title)
    assert main(["validate", "--data", str(data)]) == 0
    out = tmp_path / "b.docx"
    assert _bulletin(data, out, "--issuer", "办" * 500) == 0
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert f"关于《{title}》落实情况的督办通报" in texts  # the body holds it whole
    assert "办" * 500 in texts
    props = document.core_properties
    assert props.title == f"关于《{title}》落实情况的督办通报"[:255]
    assert props.author == props.last_modified_by == "办" * 255


@pytest.mark.parametrize("char", ["\uffff", "\ufffe", "\udcff", "\x0b"], ids=ascii)
def test_a_title_from_the_command_line_with_characters_xml_cannot_hold(tmp_path, char):
    data = _data(tmp_path, "测试实施方案")
    out = tmp_path / "b.docx"
    assert _bulletin(data, out, "--title", f"督办{char}通报", "--issuer", f"市{char}局") == 0
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "督办通报" in texts and "市局" in texts
    assert document.core_properties.title == "督办通报"


def test_a_long_title_from_the_command_line(tmp_path):
    data = _data(tmp_path, "测试实施方案")
    out = tmp_path / "b.docx"
    assert _bulletin(data, out, "--title", "题" * 300) == 0
    document = Document(str(out))
    assert "题" * 300 in [p.text for p in document.paragraphs]
    assert document.core_properties.title == "题" * 255
