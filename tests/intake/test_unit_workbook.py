"""The clerk's paths: the unit workbook round trip, CSV in GBK, ``duban record`` and the issue
form. Every change keeps the rest of the status file byte for byte; refused rows change nothing;
a second import of the same sheet changes nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from duban.cli import main as cli
from duban.intake.issue_form import parse_issue_form
from duban.load.project import load_project

STATUS = Path("data/status/alpha.yaml")


def _export(tmp: Path) -> Path:
    target = tmp / "alpha.xlsx"
    assert cli.main(["export", "xlsx", "--unit", "alpha", "-o", str(target)]) == 0
    return target


def _col(sheet, heading: str) -> int:
    """The column (1-based) of a heading: the import reads by heading, so the tests do too."""
    return [c.value for c in sheet[1]].index(heading) + 1


def _row(sheet, task: str, due: str, period: str | None) -> int:
    columns = [_col(sheet, h) for h in ("任务", "时限标识", "期次")]
    for row in range(2, sheet.max_row + 1):
        values = [sheet.cell(row=row, column=c).value for c in columns]
        if values == [task, due, period]:
            return row
    raise AssertionError((task, due, period))


def test_the_workbook_locks_ids_and_offers_states_and_dates(project_dir, tmp_path):
    sheet = load_workbook(_export(tmp_path))["进展填报"]
    headings = [c.value for c in sheet[1]]
    assert headings[:6] == ["任务编号", "任务名称", "事项", "时段", "完成时限", "当前状态"]
    assert headings[-6:] == ["单位标识", "方案", "任务", "子项", "时限标识", "期次"]
    for word in ("状态", "完成日期", "工作进展", "佐证材料链接", "存在问题", "下步计划"):
        assert word in headings
    assert sheet.protection.sheet
    row = _row(sheet, "01", "main", None)
    assert sheet.cell(row=row, column=1).protection.locked
    assert not sheet.cell(row=row, column=7).protection.locked
    assert sheet.cell(row=row, column=7).value == "已完成"
    assert sheet.cell(row=row, column=8).value == dt.datetime(2010, 6, 20)
    formulas = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert '"未开始,推进中,已完成,不适用"' in formulas
    # one row per occurrence of a recurring duty
    assert {_row(sheet, "02", "training", p) for p in ("2010", "2011", "2012")}


def test_import_applies_rows_keeps_the_rest_and_is_idempotent(project_dir, tmp_path, capsys):
    original = STATUS.read_text(encoding="utf-8")
    path = _export(tmp_path)
    book = load_workbook(path)
    sheet = book["进展填报"]
    row = _row(sheet, "02", "training", "2011")
    sheet.cell(row=row, column=_col(sheet, "状态")).value = "已完成"
    sheet.cell(row=row, column=_col(sheet, "完成日期")).value = dt.datetime(2011, 10, 9)
    rotation = _row(sheet, "02", "rotation", None)
    sheet.cell(row=rotation, column=_col(sheet, "进度（%）")).value = 60
    sheet.cell(row=rotation, column=_col(sheet, "工作进展")).value = "已轮训 60 人: 含新任职人员"
    sheet.cell(row=rotation, column=_col(sheet, "佐证材料链接")).value = "https://example.org/b.pdf"
    sheet.cell(row=rotation, column=_col(sheet, "下步计划")).value = "年底前完成"
    book.save(path)
    capsys.readouterr()
    assert cli.main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "progress: 40 → 60" in out and "2011-10-09" in out
    after = STATUS.read_text(encoding="utf-8")
    # every line of the file before is still there, in order; only new lines were added
    assert after.replace("    progress: 60\n", "    progress: 40\n").startswith(original)
    assert '    next_steps: "年底前完成"\n' in after
    assert load_project(Path("data")).ok
    assert cli.main(["import", str(path)]) == 0
    assert "no changes" in capsys.readouterr().out
    assert STATUS.read_text(encoding="utf-8") == after


def test_a_gbk_csv_with_a_bad_row_changes_nothing_and_names_the_row(project_dir, tmp_path, capsys):
    before = STATUS.read_bytes()
    rows = [
        ["单位标识", "方案", "任务", "子项", "时限标识", "期次", "状态", "完成日期"],
        ["alpha", "test-plan", "02", "", "training", "2012", "已完成", "2012年5月28日"],
        ["alpha", "test-plan", "03", "", "main", "", "办完了", ""],
    ]
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    target = tmp_path / "alpha.csv"
    target.write_bytes(text.getvalue().encode("gbk"))
    assert cli.main(["--lang", "zh", "import", str(target)]) == 1
    err = capsys.readouterr().err
    assert "第 3 行" in err and "办完了" in err
    assert STATUS.read_bytes() == before
    target.write_bytes(text.getvalue().encode("gbk").rsplit(b"\r\n", 2)[0] + b"\r\n")
    assert cli.main(["import", str(target)]) == 0
    assert "    done: 2012-05-28" in STATUS.read_text(encoding="utf-8")


def test_record_fills_an_empty_status_file(project_dir, capsys):
    status = Path("data/status/shizhi.yaml")
    before = status.read_text(encoding="utf-8")
    args = ["record", "shizhi", "01", "--state", "推进中", "--progress", "30", "--note", "已部署"]
    assert cli.main(args) == 0
    after = status.read_text(encoding="utf-8")
    assert after.startswith(before.replace("obligations: []", "obligations:").rstrip("\n"))
    assert '  - task: "01"\n    state: in-progress\n    progress: 30\n' in after
    assert load_project(Path("data")).ok


def test_record_restores_the_file_when_the_result_would_not_validate(
    project_dir, capsys, monkeypatch
):
    """The check after writing (which re-reads only the changed file) still sees a problem
    in it, and the file is put back as it was."""
    import duban.cli.clerk as clerk

    status = Path("data/status/shizhi.yaml")
    before = status.read_bytes()
    real = clerk.apply_changes

    def broken(*args, **kwargs):
        text, changes, refused = real(*args, **kwargs)
        return text.replace("state: in-progress", "state: bogus"), changes, refused

    monkeypatch.setattr(clerk, "apply_changes", broken)
    assert cli.main(["record", "shizhi", "01", "--state", "推进中", "--progress", "30"]) == 1
    err = capsys.readouterr().err
    assert "would not validate" in err and "shizhi.yaml:5:12" in err and "bogus" in err
    assert status.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (
            ["record", "alpha", "02", "--due", "training", "--period", "2011", "--state", "done"],
            "完成日期",
        ),
        (["record", "alpha", "09", "--state", "done", "--date", "2010-01-01"], "09"),
        (["record", "alpha", "02", "--state", "in-progress"], "rotation、training"),
        (["record", "alpha", "02", "--due", "training", "--state", "in-progress"], "2010、2011"),
        (
            ["record", "alpha", "03", "--state", "in-progress", "--evidence", "http://x.org"],
            "https://",
        ),
    ],
)
def test_record_refuses_what_it_cannot_apply(project_dir, capsys, args, reason):
    before = STATUS.read_bytes()
    assert cli.main(["--lang", "zh", *args]) == 1
    assert reason in capsys.readouterr().err
    assert STATUS.read_bytes() == before


FORM = """### 单位标识

alpha

### 任务

03

### 时限标识

_No response_

### 期次

_No response_

### 状态

推进中

### 工作进展

已完成 30% 的单位达标; `rm -rf /` $(whoami)

### 佐证材料链接

https://example.org/c.pdf
"""


def test_an_issue_form_is_read_as_data(project_dir, tmp_path, capsys):
    assert parse_issue_form(FORM)["summary"].startswith("已完成 30%")
    body = tmp_path / "body.md"
    body.write_text(FORM, encoding="utf-8")
    assert cli.main(["record", "--issue-form", str(body)]) == 0
    text = STATUS.read_text(encoding="utf-8")
    assert '    summary: "已完成 30% 的单位达标; `rm -rf /` $(whoami)"\n' in text
    assert load_project(Path("data")).ok


VALID_CASES = ["base", "bom-and-crlf", "quoted-and-flow-styles", "task-by-number"]


@pytest.mark.parametrize("case", VALID_CASES)
def test_every_entry_can_be_updated_keeping_the_other_lines(case, tmp_path, monkeypatch, capsys):
    """Each sheet row of alpha, changed in every fillable way at once: the result validates, a
    second import changes nothing, and every line of the file before is still there in order
    (only the lines of the values changed are replaced)."""
    from helpers import CASES, lay_out_case

    monkeypatch.chdir(lay_out_case(CASES / "valid" / case, tmp_path / "project"))
    before = STATUS.read_bytes()
    path = _export(tmp_path)
    book = load_workbook(path)
    sheet = book["进展填报"]
    cells = {
        h: _col(sheet, h) for h in ("状态", "完成日期", "工作进展", "佐证材料链接", "存在问题")
    }
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=cells["状态"]).value = "已完成"
        sheet.cell(row=row, column=cells["完成日期"]).value = dt.datetime(2010, 12, 1)
        sheet.cell(row=row, column=cells["工作进展"]).value = f"第 {row} 行: 已完成"
        sheet.cell(row=row, column=cells["佐证材料链接"]).value = f"https://example.org/{row}.pdf"
        sheet.cell(row=row, column=cells["存在问题"]).value = "无"
    book.save(path)
    code = cli.main(["import", str(path)])
    err = capsys.readouterr().err
    if code == 1:  # an entry written in flow style is refused as a whole, the file untouched
        assert "flow style" in err and STATUS.read_bytes() == before
        return
    assert code == 0, err
    assert load_project(Path("data")).ok
    after = STATUS.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") == before.startswith(b"\xef\xbb\xbf")
    assert (b"\r\n" in after) == (b"\r\n" in before)
    new_lines = after.decode("utf-8-sig").splitlines()
    kept = iter(new_lines)
    for line in before.decode("utf-8-sig").splitlines():
        if any(f"{key}:" in line for key in ("state", "done", "summary", "progress")):
            continue  # a value that may have been replaced
        assert any(line == other for other in kept), line
    assert cli.main(["import", str(path)]) == 0
    assert STATUS.read_bytes() == after


def test_the_workbook_is_the_same_bytes_for_the_same_data(project_dir, tmp_path, capsys):
    """Written with XlsxWriter and a fixed creation date, as every workbook duban writes; an
    untouched sheet imported back changes nothing."""
    first = _export(tmp_path).read_bytes()
    second = tmp_path / "again.xlsx"
    assert cli.main(["export", "xlsx", "--unit", "alpha", "-o", str(second)]) == 0
    assert second.read_bytes() == first
    before = STATUS.read_bytes()
    capsys.readouterr()
    assert cli.main(["import", str(second)]) == 0
    assert "no changes" in capsys.readouterr().out
    assert STATUS.read_bytes() == before


def test_the_workbook_shows_the_clerk_what_to_fill_and_keeps_text_as_text(project_dir, tmp_path):
    formula = '=HYPERLINK("https://example.org","点击")'
    args = ["record", "alpha", "03", "--state", "推进中", "--summary", formula]
    assert cli.main(args) == 0
    sheet = load_workbook(_export(tmp_path))["进展填报"]
    assert sheet.freeze_panes == "C2"  # 任务编号 and 任务名称 only
    assert sheet.protection.sheet and sheet.protection.password is None
    assert not sheet.protection.formatColumns and not sheet.protection.formatRows
    assert sheet.protection.insertRows and sheet.protection.deleteRows
    row = _row(sheet, "03", "main", None)
    summary = sheet.cell(row=row, column=_col(sheet, "工作进展"))
    assert summary.value == formula and summary.data_type == "s"
    for column in range(1, 21):
        cell = sheet.cell(row=row, column=column)
        fillable = 7 <= column <= 14
        assert cell.protection.locked == (not fillable), column
        assert (cell.fill.fgColor.rgb[-6:] == "FFF2CC") == fillable, column
        assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
    assert sheet.cell(row=row, column=8).number_format == "yyyy-mm-dd"
    assert sheet.cell(row=1, column=1).font.b
    last = sheet.max_row
    validations = {
        str(v.sqref): (v.type, v.formula1, v.formula2, v.allow_blank, v.showErrorMessage)
        for v in sheet.data_validations.dataValidation
    }
    assert validations == {
        f"G2:G{last}": ("list", '"未开始,推进中,已完成,不适用"', None, True, True),
        f"H2:H{last}": ("date", "36526", None, True, True),
        f"I2:I{last}": ("whole", "0", "100", True, True),
    }
    widths = [sheet.column_dimensions[letter].width for letter in ("A", "B", "J")]
    assert widths[0] < widths[1] < widths[2]


def _hidden(sheet, column: int) -> bool:
    """openpyxl keeps a run of equal columns as one dimension (min … max)."""
    return any(d.hidden and d.min <= column <= d.max for d in sheet.column_dimensions.values())


def test_the_workbook_reads_as_the_plan_and_hides_its_ids(project_dir, tmp_path):
    """任务编号 is the task as a reader cites it, periods and due dates are words, the state is
    the office's word; the ids are the last six columns, hidden, and not printed."""
    sheet = load_workbook(_export(tmp_path))["进展填报"]
    row = _row(sheet, "02", "training", "2011")
    shown = [sheet.cell(row=row, column=c).value for c in range(1, 7)]
    assert shown == ["（2）", "开展培训", "每年至少一次", "2011年", "2011年12月31日", shown[5]]
    assert shown[5].startswith("逾期未完成")  # exported today: long past due, nothing recorded
    assert [_hidden(sheet, c) for c in range(1, 21)] == [False] * 14 + [True] * 6
    # a row is as high as its longest wrapped cell (LibreOffice does not work it out itself)
    label = _row(sheet, "03", "main", None)
    assert sheet.cell(row=label, column=3).value == "2010年底不低于30%，2011年底不低于60%"
    assert sheet.row_dimensions[label].height == pytest.approx(4 * 16, abs=0.5)
    assert sheet.row_dimensions[_row(sheet, "01", "main", None)].height == pytest.approx(
        32, abs=0.5
    )
    assert sheet.print_area == "'进展填报'!$A$1:$N$7"
    assert sheet.print_title_rows == "$1:$1"
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToHeight) == ("landscape", 9, 0)
    assert setup.fitToWidth in (None, 1)  # 1 is the default, which XlsxWriter leaves out
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert "截至" in sheet.oddHeader.center.text
    assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"


def test_an_untouched_workbook_of_a_unit_with_nothing_recorded_is_no_change(
    project_dir, tmp_path, capsys
):
    """The issue: every row untouched and nothing recorded, so no row was read and the unit
    could not be told ('请用 --unit 指明单位'); the 单位标识 of the untouched rows says it."""
    status = Path("data/status/shizhi.yaml")
    before = status.read_bytes()
    target = tmp_path / "shizhi.xlsx"
    assert cli.main(["export", "xlsx", "--unit", "shizhi", "-o", str(target)]) == 0
    assert load_workbook(target)["进展填报"].max_row > 1
    capsys.readouterr()
    assert cli.main(["import", str(target)]) == 0
    assert "no changes" in capsys.readouterr().out
    assert status.read_bytes() == before


OLD_HEADINGS = ["单位标识", "方案", "任务", "子项", "时限标识", "期次", "任务编号", "任务内容"]
OLD_HEADINGS += ["完成时限", "状态", "完成日期", "进度（%）", "工作进展", "佐证材料链接"]
OLD_HEADINGS += ["存在问题", "下步计划", "不适用理由"]


def test_a_workbook_of_the_old_layout_still_imports(project_dir, tmp_path, capsys):
    """Workbooks sent out before the ids moved to the end are read by their headings."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "进展填报"
    sheet.append(OLD_HEADINGS)
    old = [None] * len(OLD_HEADINGS)
    old[:9] = ["alpha", "test-plan", "02", None, "training", "2012", "（2）", "开展培训", "x"]
    old[9:11] = ["已完成", dt.datetime(2012, 3, 4)]
    sheet.append(old)
    path = tmp_path / "old.xlsx"
    book.save(path)
    assert cli.main(["import", str(path)]) == 0
    assert "    done: 2012-03-04" in STATUS.read_text(encoding="utf-8")


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
@pytest.mark.parametrize("unit", ["alpha", "shizhi"])
def test_the_untouched_workbook_resaved_by_libreoffice_is_no_change(
    project_dir, tmp_path, capsys, unit
):
    """A clerk opens the sheet and saves it again (here LibreOffice; WPS and Excel alike): the
    hidden ids, the dates and the numbers survive, and nothing changes."""
    status = Path(f"data/status/{unit}.yaml")
    before = status.read_bytes()
    exported = tmp_path / "out" / f"{unit}.xlsx"
    exported.parent.mkdir()
    assert cli.main(["export", "xlsx", "--unit", unit, "-o", str(exported)]) == 0
    resaved = tmp_path / "resaved"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(resaved),
            str(exported),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    again = resaved / f"{unit}.xlsx"
    assert again.read_bytes() != exported.read_bytes()
    sheet = load_workbook(again)["进展填报"]
    assert [_hidden(sheet, c) for c in range(15, 21)] == [True] * 6
    capsys.readouterr()
    assert cli.main(["import", str(again)]) == 0, capsys.readouterr().err
    assert "no changes" in capsys.readouterr().out
    assert status.read_bytes() == before


def test_the_current_state_is_the_evaluations(project_dir, tmp_path):
    """当前状态 says what ``duban check`` and the site say of each row on the export's day."""
    from duban.evaluation.evaluate import evaluate
    from duban.i18n.locale import office_words

    target = tmp_path / "alpha.xlsx"
    args = ["export", "xlsx", "--unit", "alpha", "--as-of", "2011-03-15", "-o", str(target)]
    assert cli.main(args) == 0
    sheet = load_workbook(target)["进展填报"]
    model = load_project(Path("data")).model
    items = {
        (i.task_id.split("/")[1], i.due_id, i.key): i
        for i in evaluate(model, dt.date(2011, 3, 15)).items
        if "alpha" in i.holders
    }
    words = office_words().state_long
    assert sheet.max_row - 1 == len(items)
    for row in range(2, sheet.max_row + 1):
        key = tuple(sheet.cell(row=row, column=c).value or "" for c in (17, 19, 20))
        item = items[key]
        current = sheet.cell(row=row, column=6).value
        assert current.startswith(words[item.state.value]), (key, current)
        assert current.endswith("（未报送）") == (item.entry is None and item.state.is_open)
