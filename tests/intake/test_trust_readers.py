"""``duban import`` reads a workbook or a CSV someone sent: a hostile file is refused in one line
that names the file (exit 1), never a traceback, an exit 70 or gigabytes of memory; cell text
echoed back to the terminal cannot act on it (docs/security.md)."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duban.cli import main as cli
from duban.intake.issue_form import parse_issue_form
from duban.intake.rows import RowProblem
from duban.intake.workbook_read import read_rows
from helpers import mutated

HEADINGS = ["单位标识", "方案", "任务", "子项", "时限标识", "期次", "任务编号", "任务内容", "状态"]

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="进展填报" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _column(index: int) -> str:
    name = ""
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def sheet_xml(rows: list[list[str]], dimension: str = "A1:I2", prolog: str = "") -> str:
    body = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{_column(c)}{r}" t="inlineStr"><is><t>{value}</t></is></c>'
            for c, value in enumerate(row, start=1)
        )
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN}">'
        f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>'
    )


def workbook(sheet: str | bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .xlsx built by hand: five small parts, the sheet as given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


VALID_ROW = ["alpha", "", "01", "", "main", "", "一（一）", "任务", "推进中"]
VALID = sheet_xml([HEADINGS, VALID_ROW])


def _import(project_dir: Path, name: str, data: bytes, capsys) -> tuple[int, str]:
    path = project_dir / name
    path.write_bytes(data)
    capsys.readouterr()
    code = cli.main(["import", str(path), "--dry-run"])
    captured = capsys.readouterr()
    return code, captured.err


def _refused(code: int, err: str, name: str) -> None:
    assert code in (1, 2), err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert name in lines[0]
    assert "internal error" not in err and "Traceback" not in err


@pytest.fixture(autouse=True, scope="module")
def _folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One folder for the files these tests write (hypothesis runs a test many times)."""
    global FOLDER
    FOLDER = tmp_path_factory.mktemp("trust")


FOLDER = Path()


def test_a_valid_hand_built_workbook_is_read():
    rows = read_rows(_write(workbook(VALID)))
    assert [r.cells["task"] for r in rows] == ["01"]


def _write(data: bytes, name: str = "book.xlsx") -> Path:
    path = FOLDER / name
    path.write_bytes(data)
    return path


HOSTILE_SHEETS: dict[str, str | bytes] = {
    "doctype": sheet_xml([HEADINGS, VALID_ROW], prolog='<!DOCTYPE worksheet [<!ENTITY x "y">]>'),
    "external-entity": sheet_xml(
        [HEADINGS, ["&xxe;", *VALID_ROW[1:]]],
        prolog='<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ),
    "truncated": VALID[: len(VALID) // 2],
    # a DTD spelled in UTF-7 is not the bytes <!DOCTYPE; lxml reads UTF-7
    "utf-7": sheet_xml([HEADINGS, VALID_ROW], prolog='<!DOCTYPE worksheet [<!ENTITY x "y">]>')
    .replace('encoding="UTF-8"', 'encoding="UTF-7"')
    .encode("utf-7")
    .replace(b"<!", b"+ADwAIQ-"),
    "ebcdic": sheet_xml([["unit"], ["alpha"]], prolog='<!DOCTYPE worksheet [<!ENTITY x "y">]>')
    .replace('encoding="UTF-8"', 'encoding="IBM500"')
    .encode("cp500"),
    "noncharacter": sheet_xml([HEADINGS, ["alpha\ufffe", *VALID_ROW[1:]]]),
    "not-xml": "hello",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_SHEETS))
def test_a_damaged_or_hostile_sheet_is_one_line(project_dir, capsys, kind):
    name = f"{kind}.xlsx"
    code, err = _import(project_dir, name, workbook(HOSTILE_SHEETS[kind]), capsys)
    _refused(code, err, name)
    if kind in ("utf-7", "ebcdic"):  # refused for what it is, before a parser tries it
        assert kind.upper() in err


def test_a_declared_dimension_of_the_whole_grid_is_not_believed():
    """A1:XFD1048576 with a row far down: each row was padded to 16,384 cells (137 GB for a
    row at 1048576); the reader takes at most 60 columns whatever the sheet declares."""
    sheet = sheet_xml([HEADINGS, VALID_ROW], dimension="A1:XFD1048576").replace(
        "</sheetData>", '<row r="2000"><c r="A2000"><v>1</v></c></row></sheetData>'
    )
    data = workbook(sheet)
    assert len(data) < 20_000
    tracemalloc.start()
    try:
        rows = read_rows(_write(data))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.cells["task"] for r in rows] == ["01"]
    assert peak < 40_000_000


def test_a_sheet_with_too_many_rows_is_refused(project_dir, capsys):
    far = sheet_xml([HEADINGS, VALID_ROW]).replace(
        "</sheetData>",
        '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )
    code, err = _import(project_dir, "far.xlsx", workbook(far), capsys)
    _refused(code, err, "far.xlsx")
    assert "20000" in err


def test_a_zip_bomb_is_refused_before_it_is_inflated(project_dir, capsys):
    huge = sheet_xml(
        [HEADINGS, ["alpha", "", "01", "", "main", "", "x" * 60_000_000, "t", "推进中"]]
    )
    data = workbook(huge)
    assert len(data) < 200_000
    code, err = _import(project_dir, "bomb.xlsx", data, capsys)
    _refused(code, err, "bomb.xlsx")


def test_a_csv_cell_of_200000_characters_is_one_line(project_dir, capsys):
    text = (
        ",".join(HEADINGS)
        + "\n"
        + ",".join(["alpha", "", "01", "", "main", "", "x" * 200_000, "t", "推进中"])
    )
    code, err = _import(project_dir, "long.csv", text.encode("utf-8"), capsys)
    _refused(code, err, "long.csv")


def test_a_csv_larger_than_the_limit_is_refused_unread(project_dir, capsys, monkeypatch):
    path = project_dir / "big.csv"
    with path.open("wb") as handle:  # sparse: 30 MB on disk costs nothing
        handle.write((",".join(HEADINGS) + "\n").encode("utf-8"))
        handle.truncate(30 * 1024 * 1024)

    def refuse(self):
        raise AssertionError("read before its size was checked")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    capsys.readouterr()
    code = cli.main(["import", str(path), "--dry-run"])
    _refused(code, capsys.readouterr().err, "big.csv")


def test_a_csv_with_a_nul_and_too_many_rows_is_one_line(project_dir, capsys):
    rows = [",".join(HEADINGS)] + [",".join(VALID_ROW)] * 20_001
    code, err = _import(project_dir, "rows.csv", "\n".join(rows).encode("utf-8"), capsys)
    _refused(code, err, "rows.csv")
    code, err = _import(project_dir, "nul.csv", b"\x00" * 10 + b"\n\x00\x00", capsys)
    _refused(code, err, "nul.csv")


def _csv(*rows: list[str]) -> bytes:
    return "\n".join(",".join(row) for row in rows).encode("utf-8")


def test_cell_text_is_escaped_where_it_is_echoed(project_dir, capsys, chinese):
    hostile = "\x1b]0;owned\x07\x1b[2J\u202eabc\x00"
    data = _csv(HEADINGS, ["alpha", "", "01", "", "main", "", "", "", hostile])
    code, err = _import(project_dir, "echo.csv", data, capsys)
    assert code == 1
    for character in ("\x1b", "\x07", "\u202e", "\x00"):
        assert character not in err
    assert "\\x1b" in err


def test_a_unit_from_the_sheet_is_escaped_where_it_is_echoed(project_dir, capsys, chinese):
    data = _csv(HEADINGS, ["\x1b[2Jnobody\u202e", "", "01", "", "main", "", "", "", "已完成"])
    code, err = _import(project_dir, "unit.csv", data, capsys)
    assert code in (1, 2)
    assert "\x1b" not in err and "\u202e" not in err


# -- fuzz: nothing but the reader's own one-line error ------------------------------------------
SEED_XLSX = workbook(VALID)
SEED_CSV = ("\n".join([",".join(HEADINGS), ",".join(VALID_ROW)]) + "\n").encode("utf-8")


def _read_or_refuse(data: bytes, name: str) -> None:
    try:
        read_rows(_write(data, name))
    except RowProblem as error:
        assert "\n" not in str(error)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2000),
        mutated(SEED_XLSX),
        mutated(VALID.encode("utf-8")).map(workbook),  # the sheet's XML damaged, zipped well
    )
)
def test_fuzz_the_workbook_reader(data):
    _read_or_refuse(data, "fuzz.xlsx")


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=2000), mutated(SEED_CSV)))
def test_fuzz_the_csv_reader(data):
    _read_or_refuse(data, "fuzz.csv")


# -- the issue form (``duban record --issue-form``): text anyone can submit ---------------------
@pytest.mark.parametrize(
    "body",
    ["### x" + " " * 60_000 + "x", "### " + "(" * 60_000, "### （" * 30_000],
    ids=["spaces", "brackets", "headings"],
)
def test_an_issue_form_is_read_in_linear_time(body):
    began = time.perf_counter()
    parse_issue_form(body)
    assert time.perf_counter() - began < 1.0


def test_an_issue_form_larger_than_the_limit_is_refused_unread(project_dir, capsys):
    path = project_dir / "form.md"
    path.write_text("### 单位标识\n\nalpha\n" + "x" * 2_000_000, encoding="utf-8")
    capsys.readouterr()
    code = cli.main(["record", "--issue-form", str(path), "--dry-run"])
    _refused(code, capsys.readouterr().err, "form.md")
