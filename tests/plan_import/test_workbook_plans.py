"""A plan's 任务分工表 sent as a workbook (.xlsx from Excel or WPS): its visible sheets read as a
.docx table is, cells shown as the sheet shows them, merged cells shared, and a damaged or
oversized workbook refused in one line."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from duban.cli.main import main
from duban.plan_import.reading import ReadError, read_document
from duban.plan_import.workbook_text import above_table, cell_text

HEADER = ["序号", "工作任务", "责任单位", "协办单位", "完成时间"]


def _book(path: Path, rows: list[list[object]], formats: dict[str, str] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "分解表"
    sheet.append(["某区2025年城市更新重点任务分解表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    for at, number_format in (formats or {}).items():
        sheet[at].number_format = number_format
    book.save(path)
    return path


def _tasks(out: Path) -> dict[str, dict]:
    folder = next((out / "plans").iterdir()) / "tasks"
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.iterdir()}


def test_a_workbook_task_table_is_read_as_tasks(tmp_path, capsys):
    rows = [
        [1, "完成老旧小区改造12个", "区住建局", "各街道办事处", dt.datetime(2025, 10, 31)],
        [2, "新建口袋公园5处", "区园林局", "区财政局、区自然资源分局", dt.datetime(2025, 6, 1)],
        [3, "整治背街小巷20条", "区城管局", None, "持续推进"],
    ]
    source = _book(tmp_path / "城市更新.xlsx", rows, {"E4": 'yyyy"年"m"月"'})
    assert main(["import-plan", str(source), "--out", str(tmp_path / "out")]) == 0
    tasks = _tasks(tmp_path / "out")
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["01"]["roles"] == {"responsible": ["区住建局"], "cooperate": ["各街道办事处"]}
    assert tasks["01"]["due"][0]["date"] == dt.date(2025, 10, 31)
    # a month-only format is the month's end, not the day Excel stores
    assert tasks["02"]["deadline_as_written"] == "2025年6月"
    assert tasks["02"]["due"][0]["date"] == dt.date(2025, 6, 30)
    assert tasks["02"]["roles"]["cooperate"] == ["区财政局", "区自然资源分局"]
    assert tasks["03"]["due"][0]["kind"] == "ongoing"
    plan = yaml.safe_load(
        next((tmp_path / "out" / "plans").iterdir()).joinpath("plan.yaml").read_text("utf-8")
    )
    assert plan["title"] == "某区2025年城市更新重点任务分解表"


def test_a_unit_merged_down_is_every_covered_rows(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "重点任务", "牵头单位", "完成时限"])
    sheet.append([1, "制定年度招商计划", "市投资促进局", "2025年3月底前"])
    sheet.append([2, "举办专题推介会不少于4场", None, "2025年11月底前"])
    sheet.append([3, "建立重点项目库", "市发展改革委", "2025年6月底前"])
    sheet.merge_cells("C2:C3")
    book.save(tmp_path / "merged.xlsx")
    text, how = read_document(tmp_path / "merged.xlsx")
    lines = [line for line in text.splitlines() if line.strip()]
    assert "工作簿" in how or "workbook" in how
    assert len(lines) == 3 and all("市投资促进局" in line for line in lines[:2])
    assert "市发展改革委" in lines[2] and "市投资促进局" not in lines[2]


def test_a_hidden_sheet_is_not_read(tmp_path):
    source = _book(tmp_path / "visible.xlsx", [[1, "开展消防安全检查", "区应急局", "", "2025年底"]])
    from openpyxl import load_workbook

    book = load_workbook(source)
    hidden = book.create_sheet("内部")
    hidden.append(["内部备注：不公开的联系人电话"])
    hidden.sheet_state = "hidden"
    book.save(source)
    text, _ = read_document(source)
    assert "开展消防安全检查" in text and "内部备注" not in text


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (dt.datetime(2025, 6, 30), "yyyy-mm-dd", "2025年6月30日"),
        (dt.datetime(2025, 6, 1), 'yyyy"年"m"月"', "2025年6月"),
        (dt.datetime(2025, 6, 1), "mmm-yy", "2025年6月"),
        (dt.datetime(2025, 1, 1), 'yyyy"年"', "2025年"),
        (dt.datetime(2025, 6, 30, 0, 0), "General", "2025年6月30日"),
        (dt.date(2025, 12, 31), "m/d/yyyy", "2025年12月31日"),
        (0.3, "0%", "30%"),
        (0.255, "0.0%", "25.5%"),
        (12.0, "General", "12"),
        (2025, "0", "2025"),
        (1.5, "General", "1.5"),
        ("市财政局\n市税务局 ", "General", "市财政局 市税务局"),
        (None, "General", ""),
        (True, "General", "TRUE"),
    ],
)
def test_a_cell_shows_what_the_sheet_shows(value, number_format, shown):
    assert cell_text(value, number_format) == shown


def test_a_damaged_workbook_is_one_line(tmp_path, capsys):
    source = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook")
    capsys.readouterr()
    code = main(["import-plan", str(source), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "broken.xlsx" in err
    assert "Traceback" not in err and not (tmp_path / "out" / "plans").exists()


def test_a_sheet_larger_than_a_plan_is_refused(tmp_path):
    book = Workbook()
    book.active.cell(row=10_001, column=1, value="x")
    book.save(tmp_path / "huge.xlsx")
    with pytest.raises(ReadError, match="10001"):
        read_document(tmp_path / "huge.xlsx")


@pytest.mark.parametrize("suffix", [".xls", ".et"])
def test_an_old_binary_workbook_says_to_save_it_as_xlsx(tmp_path, capsys, suffix):
    source = tmp_path / f"分工表{suffix}"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    capsys.readouterr()
    code = main(["import-plan", str(source), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and ".xlsx" in err


CSV_PLAN = (
    "某镇2025年人居环境整治任务分解表,,,\n"
    "序号,整治任务,责任单位,完成时限\n"
    '1,"清理村内积存垃圾，\n做到日产日清",镇城建办,2025年3月底前\n'
    '2,改造农村户厕50户,"镇农业服务中心、各村委会",2025年10月底前\n'
)


@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", b"\xef\xbb\xbf"), ("gb18030", b"")])
def test_a_task_table_saved_as_csv_is_read(tmp_path, capsys, encoding, bom):
    source = tmp_path / "整治.csv"
    source.write_bytes(bom + CSV_PLAN.encode(encoding))
    assert main(["import-plan", str(source), "--out", str(tmp_path / "out")]) == 0
    tasks = _tasks(tmp_path / "out")
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["title"].startswith("清理村内积存垃圾，")  # the quoted line break a space
    assert tasks["01"]["roles"] == {"responsible": ["镇城建办"]}
    assert tasks["02"]["roles"] == {"responsible": ["镇农业服务中心", "各村委会"]}
    assert tasks["02"]["due"][0]["date"] == dt.date(2025, 10, 31)


def test_a_csv_wider_than_a_plan_is_refused(tmp_path):
    source = tmp_path / "wide.csv"
    source.write_text(",".join(["x"] * 61) + "\n", encoding="utf-8")
    with pytest.raises(ReadError, match="61"):
        read_document(source)


def test_a_notice_kept_above_its_table_in_one_sheet_is_read(tmp_path, capsys):
    """A notice's title, 文号, addressees and 落款 written one cell a row above the table (as an
    HTML page opened in a spreadsheet gives them): paragraphs, then the table from its header."""
    book = Workbook()
    sheet = book.active
    for line in (
        "某市人民政府办公室关于印发2024年为民办实事项目分解表的通知",
        "某政办发〔2024〕3号",
        "各县（区）人民政府，市政府各部门：",
        "现将《2024年为民办实事项目分解表》印发给你们，请认真抓好落实。",
        "某市人民政府办公室",
        "2024年2月20日",
        "2024年为民办实事项目分解表",
    ):
        sheet.append([line])
    sheet.append(["序号", "项目名称", "牵头单位", "责任单位", "完成时限"])
    sheet.append([1, "新增公办幼儿园学位1200个", "市教育局", "各县（区）人民政府", "2024年8月底前"])
    sheet.append([2, "改造城市燃气老旧管网40公里", "市住建局", "市城投集团", "2024年11月底前"])
    source = tmp_path / "notice.xlsx"
    book.save(source)
    assert main(["import-plan", str(source), "--out", str(tmp_path / "out")]) == 0
    tasks = _tasks(tmp_path / "out")
    assert sorted(tasks) == ["01", "02"]
    assert tasks["02"]["roles"] == {"lead": ["市住建局"], "responsible": ["市城投集团"]}
    folder = next((tmp_path / "out" / "plans").iterdir())
    plan = yaml.safe_load((folder / "plan.yaml").read_text(encoding="utf-8"))
    assert plan["document_number"] == "某政办发〔2024〕3号" and plan["signed"] == dt.date(
        2024, 2, 20
    )


def test_only_single_cells_above_the_table_are_paragraphs():
    header = ["序号", "工作任务", "责任单位"]
    notice = [["某区通知", ""], ["", ""], header, ["1", "开展巡查", "区城管局"]]
    assert above_table(notice) == (["某区通知", ""], notice[2:])
    unknown = [
        ["通知", ""],
        ["分块", "序号", "主要工作", "责任单位"],
        ["", "1", "增长7%", "发改局"],
    ]
    assert above_table(unknown) == (["通知"], unknown[1:])  # a header with a word not known
    assert above_table([header, ["1", "开展巡查", "区城管局"]]) == (
        [],
        [header, ["1", "开展巡查", "区城管局"]],
    )
    assert above_table([["只有一格"], ["还是一格"]]) == ([], [["只有一格"], ["还是一格"]])
