"""``duban bulletin``: the 督办通报 as .docx, .md and .html. Every figure in it equals what
``duban check --format json`` reports for the same data and date; the .docx reads back with
python-docx in the GB/T 9704 layout and converts to PDF with LibreOffice."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from duban.cli.main import main
from helpers import DATA_SETS, office_cases


def check_json(capsys, data: Path, as_of: str) -> dict:
    assert main(["check", "--data", str(data), "--as-of", as_of, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def docx_text(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def figures(text: str) -> dict[str, int]:
    """The numbers of 总体情况, read back from the bulletin's words."""
    patterns = {
        "total": r"纳入督办的任务事项共(\d+)项",
        "not-applicable": r"不含不适用事项(\d+)项",
        "done-on-time": r"按期完成(\d+)项",
        "done-late": r"逾期完成(\d+)项",
        "overdue": r"逾期未完成(\d+)项，其中",
        "overdue_reported": r"其中已报送进展(\d+)项",
        "overdue_not_reported": r"、未报送(\d+)项；",
        "missed": r"未达到要求（到期未达到规定次数或数量）(\d+)项",
        "due_soon": r"临期（\d+天内到期）(\d+)项",
        "not-due": r"；未到期(\d+)项",
        "ongoing": r"长期坚持(\d+)项",
        "units_reported": r"已报送落实情况的单位(\d+)个",
        "reported": r"已报送事项(\d+)项",
        "not_reported": r"尚未报送(\d+)项",
    }
    found = {}
    for key, pattern in patterns.items():
        match = re.search(pattern, text)
        assert match, f"{key} not in the bulletin"
        found[key] = int(match.group(1))
    return found


@pytest.mark.parametrize(("name", "as_of"), office_cases())
def test_every_figure_equals_the_check_report(name, as_of, tmp_path, capsys):
    data = DATA_SETS[name]
    report = check_json(capsys, data, as_of)
    out = tmp_path / "bulletin.docx"
    assert main(["bulletin", "--data", str(data), "--as-of", as_of, "-o", str(out)]) == 0
    paragraphs = docx_text(out)
    text = "\n".join(paragraphs)
    summary, counts = report["summary"], report["counts"]
    assert figures(text) == {
        "total": summary["total"],
        "not-applicable": summary["states"]["not-applicable"],
        "done-on-time": summary["states"]["done-on-time"],
        "done-late": summary["states"]["done-late"],
        "overdue": counts["overdue"],
        "overdue_reported": counts["overdue_reported"],
        "overdue_not_reported": counts["overdue_not_reported"],
        "missed": summary["states"]["missed"],
        "due_soon": counts["due_soon"],
        "not-due": summary["states"]["not-due"],
        "ongoing": summary["states"]["ongoing"],
        "units_reported": len(summary["units_reported"]),
        "reported": summary["reported"],
        "not_reported": summary["not_reported"],
    }
    assert summary["states"]["overdue"] == counts["overdue"]
    # each unit with overdue items: its heading, then its count, not-reported count and delay
    late_units = [u for u in report["units"] if u["overdue"]]
    headings = [p for p in paragraphs if re.fullmatch(r"（[一二三四五六七八九十]+）.+", p)]
    unit_lines = [p for p in paragraphs if p.startswith("逾期未完成") and "最长逾期" in p]
    assert len(unit_lines) == len(late_units)
    by_name = {u["name"]: u for u in late_units}
    for heading, line in zip(headings, unit_lines, strict=False):
        name_in = heading.split("）", 1)[1]
        unit = by_name[name_in]
        assert f"逾期未完成{unit['overdue']}项" in line
        assert f"最长逾期{unit['longest_days_late']}天" in line
        if unit["overdue_not_reported"]:
            assert f"其中未报送{unit['overdue_not_reported']}项" in line
    # every flag is named
    for flag in report["flags"]:
        assert flag["message"] in text
    if summary["nothing_reported"]:
        assert "尚无任何单位报送落实情况" in text


def test_docx_layout_follows_gb_t_9704(tmp_path):
    out = tmp_path / "b.docx"
    assert (
        main(
            ["bulletin", "--data", str(DATA_SETS["demo"]), "--as-of", "2011-03-15", "-o", str(out)]
        )
        == 0
    )
    document = Document(str(out))
    section = document.sections[0]
    mm = 36000  # EMU per millimetre
    assert (round(section.page_width / mm), round(section.page_height / mm)) == (210, 297)
    assert (round(section.top_margin / mm), round(section.left_margin / mm)) == (37, 28)
    xml = out.read_bytes()
    import zipfile

    parts = zipfile.ZipFile(io.BytesIO(xml))
    body = parts.read("word/document.xml").decode()
    for font in ("仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"):
        assert f'w:eastAsia="{font}"' in body
    table = parts.read("word/fontTable.xml").decode()
    assert 'w:name="仿宋_GB2312"' in table and 'w:altName w:val="仿宋"' in table
    footers = [n for n in parts.namelist() if n.startswith("word/footer")]
    assert len(footers) == 2 and all("PAGE" in parts.read(n).decode() for n in footers)
    paragraphs = [p.text for p in document.paragraphs]
    # no --number: no number line (and no placeholder), the title first
    assert paragraphs[0].endswith("落实情况的督办通报")
    assert not any("〔" in p for p in paragraphs)
    assert "2011年3月15日" in paragraphs and "附件：逾期未完成事项清单" in paragraphs
    date = paragraphs.index("2011年3月15日")
    assert paragraphs[date - 1] == "西安市司法局"
    assert paragraphs[date + 1 :][:3] == ["附件", "", "逾期未完成事项清单"]
    # the attachment: one row per overdue item, the header repeated on every page
    (table,) = document.tables
    header = [c.text for c in table.rows[0].cells]
    assert header == ["序号", "单位", "任务", "到期日", "逾期天数", "报送情况", "督办阶段"]
    assert len(table.rows) - 1 == 123  # duban check: 123 overdue on 2011-03-15
    assert "w:tblHeader" in body
    assert [p for p in paragraphs if re.fullmatch("[一二三四五]、.+", p)] == [
        "一、总体情况",
        "二、按期完成情况",
        "三、逾期未完成情况",
        "四、排名和考评通报",
        "五、下步要求",
    ]


def test_same_data_same_bytes(tmp_path):
    outs = []
    for name in ("a.docx", "b.docx"):
        out = tmp_path / name
        main(
            ["bulletin", "--data", str(DATA_SETS["demo"]), "--as-of", "2011-03-15", "-o", str(out)]
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_markdown_and_html_say_the_same(tmp_path):
    data = str(DATA_SETS["demo"])
    for suffix in ("md", "html", "docx"):
        out = tmp_path / f"b.{suffix}"
        assert main(["bulletin", "--data", data, "--as-of", "2011-03-15", "-o", str(out)]) == 0
    docx = "\n".join(docx_text(tmp_path / "b.docx"))
    md = (tmp_path / "b.md").read_text(encoding="utf-8")
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert figures(docx) == figures(md.replace("\\", "")) == figures(html)
    assert "<script" not in html


def test_shipped_data_says_nothing_was_reported_and_the_plan_ended(tmp_path):
    out = tmp_path / "b.md"
    assert (
        main(
            [
                "bulletin",
                "--as-of",
                "2026-11-30",
                "--data",
                str(DATA_SETS["shipped"]),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    first = text.split("## 一、总体情况", 1)[1].strip().splitlines()[0]
    assert first.startswith("截至2026年11月30日，尚无任何单位报送落实情况")
    assert "实施期已于2012年12月31日结束" in text
    assert "下步要求" in text and "监督单位及时督办、催办" in text


def test_wrong_extension_is_a_usage_error(tmp_path, capsys):
    assert main(["bulletin", "--as-of", "2011-03-15", "-o", str(tmp_path / "b.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("duban bulletin: -o:") and err.count("\n") == 1


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_libreoffice_converts_it_to_an_a4_pdf(tmp_path):
    out = tmp_path / "b.docx"
    main(["bulletin", "--data", str(DATA_SETS["demo"]), "--as-of", "2011-03-15", "-o", str(out)])
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "b.pdf"
    assert pdf.exists()
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "595.3" in info and "841.89" in info  # A4 in points
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        assert pages > 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert re.search(r"—\s*1\s*—", text) and f"— {pages} —" in text and "总体情况" in text


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (1509, "一千五百零九"),
        (10001, "一万零一"),
        (12345, "一万二千三百四十五"),
        (100000, "十万"),
    ],
)
def test_heading_numbers_are_written_in_chinese_however_many(number, words):
    """A province's bulletin numbers more than a hundred units (cn_number stopped at 99)."""
    from duban.outputs.bulletin import cn_number

    assert cn_number(number) == words


def test_a_province_bulletin_names_the_worst_units_and_lists_units_in_the_attachment(tmp_path):
    """Hundreds of units with something overdue: the body names the first UNITS_IN_BODY (most
    escalated first) and counts the rest; above ATTACHMENT_MAX_ITEMS overdue items the
    attachment has a row per unit (the item by item 台账 is the xlsx)."""
    import datetime as dt

    from duban.evaluation.check_report import check_report
    from duban.evaluation.evaluate import evaluate
    from duban.load.project import load_project
    from duban.outputs.bulletin import ATTACHMENT_MAX_ITEMS, UNITS_IN_BODY, bulletin
    from generate import Repository  # tests/benchmarks, on pytest's pythonpath

    data = Repository(160, 2, seed=1).write(tmp_path / "province")
    model = load_project(data).model
    report = check_report(model, evaluate(model, dt.date(2024, 11, 30)))
    late_units = [u for u in report.unit_summaries() if u.overdue]
    assert report.overdue > ATTACHMENT_MAX_ITEMS and len(late_units) > UNITS_IN_BODY
    doc = bulletin(model, report)
    named = [b for b in doc.blocks if b.kind == "h2"]
    assert [b.text.split("）", 1)[1] for b in named] == [
        u.holder.name for u in late_units[:UNITS_IN_BODY]
    ]
    rest = late_units[UNITS_IN_BODY:]
    counted = f"其余{len(rest)}个单位共有逾期未完成事项{sum(u.overdue for u in rest)}项，见附件。"
    assert counted in [b.text for b in doc.blocks]
    assert doc.attachment_title == "逾期未完成单位清单"
    header, *rows = doc.attachment
    assert header[1] == "单位" and [r[1] for r in rows] == [u.holder.name for u in late_units]
    assert sum(int(r[2]) for r in rows) == report.overdue
