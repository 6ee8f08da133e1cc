"""PDF (pypdfium2) and .doc (LibreOffice) documents (issue 18, part 7): the same plan as the
text; a scan without a text layer and a .doc without LibreOffice refused with one clear line."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from duban.cli.main import main
from duban.plan_import import import_file, load_org
from duban.plan_import.reading import ReadError, read_document
from helpers import ROOT

IMPORT = ROOT / "tests" / "fixtures" / "import"
CITY = IMPORT / "city-plan.txt"
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice converts the fixture")


def _converted(tmp_path: Path, kind: str) -> Path:
    source = tmp_path / "city.txt"
    shutil.copy(CITY, source)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [str(SOFFICE), "--headless", f"-env:UserInstallation={profile}", "--convert-to", kind,
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    return tmp_path / f"city.{kind}"


def _roles_and_dues(path: Path) -> list:
    org = load_org(IMPORT / "city-org.yaml")[0]
    result = import_file(path, org, "p")
    assert result.accounting is not None and result.accounting.leftovers == []
    return [(t["id"], t["roles"], t.get("due"), t["text"]) for t in result.tasks]


@needs_soffice
def test_a_pdf_reads_as_the_text_does(tmp_path):
    pdf = _converted(tmp_path, "pdf")
    text, how = read_document(pdf)
    assert "PDF" in how
    assert "2024年底不低于90%" in text  # the layout's spaces between 2024 and 年 taken out
    assert "（牵头单位：市政务服务局；责任单位：各区县人民政府；" in text  # wrapped lines rejoined
    assert _roles_and_dues(pdf) == _roles_and_dues(CITY)


@needs_soffice
def test_a_doc_is_converted_by_libreoffice(tmp_path):
    doc = _converted(tmp_path, "doc")
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert [(i, r, d) for i, r, d, _ in _roles_and_dues(doc)] == [
        (i, r, d) for i, r, d, _ in _roles_and_dues(CITY)
    ]


def test_a_scan_without_text_is_refused_in_one_chinese_line(tmp_path, capsys, chinese):
    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(buffer.getvalue())
    assert main(["import-plan", str(scan), "--out", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert "扫描件" in err and "OCR" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists()


def test_a_broken_pdf_is_one_line(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 200)
    with pytest.raises(ReadError, match="PDF"):
        read_document(broken)


def test_a_doc_without_libreoffice_names_the_command(tmp_path, capsys, chinese, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    doc = tmp_path / "plan.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    assert main(["import-plan", str(doc), "--out", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert "soffice --headless --convert-to docx" in err and "LibreOffice" in err
    assert not (tmp_path / "data").exists()


@needs_soffice
def test_a_task_table_in_a_pdf_is_read_from_its_layout(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某市2024年重点工作任务分工方案")
    document.add_paragraph("一、主要预期目标")
    first = "地区生产总值增长6%左右，确保经济运行在合理区间，推动高质量发展。"
    rows = [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", first, "市发展改革委", "全年"],
        ["2", "一般公共预算收入增长5%。", "市财政局", "2024年12月底前"],
    ]
    table = document.add_table(rows=3, cols=4)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("各地各部门要按照本方案要求，细化工作措施。")
    source = tmp_path / "table.docx"
    document.save(str(source))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [str(SOFFICE), "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    result = import_file(tmp_path / "table.pdf", load_org(None)[0], "p")
    tasks = {t["id"]: t for t in result.tasks}
    assert list(tasks) == ["1-1", "1-2"]
    assert tasks["1-1"]["text"].startswith(first)  # a cell's wrapped lines joined again
    assert tasks["1-1"]["roles"] == {"lead": ["市发展改革委"]}
    assert tasks["1-2"]["due"][0]["date"].isoformat() == "2024-12-31"
    assert result.plan.get("closing") == "各地各部门要按照本方案要求，细化工作措施。"
