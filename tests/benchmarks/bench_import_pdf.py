"""A 100-page plan as PDF through ``duban import-plan``: generated as text, made a PDF by
LibreOffice (as an office would print a .docx to PDF), then imported; prints the pages and the
seconds (reading the PDF, importing, writing the data and the review).

    python tests/benchmarks/bench_import_pdf.py [--pages 100]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import pypdfium2 as pdfium

from duban.plan_import import run_import

NUMERALS = "一二三四五六七八九十"


def plan_text(sections: int) -> str:
    """A long plan in the usual grammar: sections, tasks with sub-items, clauses, deadlines."""
    lines = [
        "某市人民政府办公室关于印发某市2024—2026年营商环境提升行动方案的通知",
        "某政办发〔2024〕12号",
        "各县（市、区）人民政府，市政府各部门：",
        "　　《某市2024—2026年营商环境提升行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。",
        "某市人民政府办公室",
        "2024年3月1日",
        "某市2024—2026年营商环境提升行动方案",
        "　　为持续优化营商环境，激发市场主体活力，结合我市实际，制定本方案。",
    ]
    for section in range(1, sections + 1):
        numeral = _numeral(section)
        lines.append(f"{numeral}、第{numeral}方面的重点任务")
        for task in range(1, 11):
            lines.append(
                f"　　（{_numeral(task)}）推进第{section}组第{task}项改革。围绕市场主体反映强烈的"
                "突出问题，全面梳理办理事项、办理环节和申请材料，压减办理时限，推动线上线下"
                "一体化办理，持续提升群众和企业的满意度，形成可复制可推广的经验做法"
                f"（牵头单位：市第{task}局；责任单位：各县（市、区）人民政府；"
                f"完成时限：{2024 + task % 3}年{task}月底前）。"
            )
            for item in range(1, 3):
                lines.append(
                    f"　　{item}.完善第{item}类配套制度，健全工作机制，每季度开展一次督导检查，"
                    "及时通报进展情况，对工作滞后的单位限期整改（完成时限：每季度末月20日前）。"
                )
    lines.append("　　各地各部门要按照本方案要求，细化工作措施，确保各项任务落到实处。")
    return "\n".join(lines) + "\n"


def _numeral(number: int) -> str:
    if number <= 10:
        return NUMERALS[number - 1]
    tens, ones = divmod(number, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def make_pdf(folder: Path, pages: int) -> Path:
    """Text → PDF through LibreOffice, with sections added until the PDF has ``pages`` pages."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed to make the PDF")
    sections = max(1, pages // 5)
    while True:
        source = folder / "plan.txt"
        source.write_text(plan_text(sections), encoding="utf-8")
        profile = (folder / "profile").as_uri()
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
             "--outdir", str(folder), str(source)],
            capture_output=True, timeout=300, check=True,
        )  # fmt: skip
        pdf = folder / "plan.pdf"
        count = len(pdfium.PdfDocument(pdf.read_bytes()))
        if count >= pages:
            return pdf
        sections = max(sections + 1, int(sections * pages / max(count, 1)) + 1)


def run(pages: int = 100) -> dict:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        pdf = make_pdf(folder, pages)
        began = time.perf_counter()
        written = run_import(pdf, folder / "data", None, "bench", None)
        seconds = time.perf_counter() - began
        return {
            "pages": len(pdfium.PdfDocument(pdf.read_bytes())),
            "tasks": len(written.result.tasks),
            "seconds": seconds,
            "leftovers": len(written.result.accounting.leftovers)
            if written.result.accounting
            else -1,
        }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=100)
    print(run(parser.parse_args().pages))
