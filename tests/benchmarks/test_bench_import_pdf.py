"""A 100-page PDF plan imports in under 10 seconds (issue 18, part 7)."""

from __future__ import annotations

import shutil

import pytest

from bench_import_pdf import run


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice makes the PDF")
def test_a_hundred_page_pdf_imports_in_under_ten_seconds():
    result = run(pages=100)
    assert result["pages"] >= 100, result
    assert result["tasks"] >= 150, result
    assert result["seconds"] < 10, result
    assert result["leftovers"] == 0, result
