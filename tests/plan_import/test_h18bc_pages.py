"""The same plan in the pages offices save (issue 18, thirty-fourth round, branch h18bc): each test
imports a small made-up page in one of the shapes tests/plan_import/corpus_pages.py writes (a CMS
page whose table is written one cell a paragraph, a TRS editor's indented paragraphs, a WeChat
article's runs of spans, a one-column layout table …) and checks that the plan is read as the same
text saved as a plain file is. Every text is made up for the test. A last test runs a small fixed
part of the tool itself, so that a page shape cannot regress silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.plan_import import import_file
from duban.plan_import.units import ImportOrg

pytestmark = pytest.mark.usefixtures("chinese")


def _page(folder: Path, html: str, year: int | None = None) -> dict[str, dict]:
    """The tasks of ``html`` imported as a saved page, every character accounted for."""
    source = folder / "plan.html"
    source.write_text(html, encoding="utf-8")
    result = import_file(source, ImportOrg(), "p", year)
    assert result.accounting is not None and result.accounting.leftovers == []
    return {task["id"]: task for task in result.tasks}


def _html(body: str, title: str = "某县2024年重点工作任务分解") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
        f"<script>var a = 1;</script></head><body>\n{body}\n</body></html>"
    )


# --- a table written one cell a paragraph, as a CMS page or a document site shows it -------------

CELL_PARAGRAPHS = _html(
    '<div class="TRS_Editor">\n<p>某县2024年重点工作任务分解表</p>\n'
    "<p>序号</p><p>工作任务</p><p>牵头单位</p><p>完成时限</p>\n"
    "<p>1</p><p>新建城区停车场3处。</p><p>县住建局</p><p>2024年6月底前</p>\n"
    "<p>2</p><p>完成农村公路提档升级50公里。</p><p>县交通运输局</p><p>2024年12月底前</p>\n"
    "<p>3</p><p>新增城镇就业岗位2000个。</p><p>县人社局</p><p>2024年12月底前</p>\n</div>"
)


def test_a_table_written_one_cell_a_paragraph(tmp_path: Path) -> None:
    tasks = _page(tmp_path, CELL_PARAGRAPHS, 2024)
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["01"]["roles"] == {"lead": ["县住建局"]}
    assert tasks["02"]["roles"] == {"lead": ["县交通运输局"]}
    assert str(tasks["01"]["due"][0]["date"]) == "2024-06-30"
