"""Round h18bi (issue 18): the twenty-third batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第二十三批) is a county's two assessment
rubrics of its river-chief work as HTML tables (one for townships with a 负责考核部门 column,
one for county departments with a department column under a spanned header and departments
spanning several rows), a district's notice whose own 一、二、 are requirements before the plan
it issues (its title wrapped over two lines), and a newspaper's 民生实事 written as a record of
【目标任务】/【推进措施】 labels. Each form is tested here on made-up text (other units, subjects,
numbers), so that the form is read, not the file's strings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from duban.load.project import load_project
from duban.plan_import import import_file, run_import
from duban.plan_import.agreement import compare
from duban.plan_import.cell_rows import column_kind
from duban.plan_import.clauses import find_clause
from duban.plan_import.page_text import html_text
from duban.plan_import.prose_deadlines import prose_deadline
from duban.plan_import.units import UNNAMED_HOLDER, ImportOrg
from helpers import tasks_by_id


def _import(tmp_path: Path, text: str, name: str = "plan.txt") -> dict[str, dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return tasks_by_id(import_file(path, ImportOrg(), "p", None))


def _roles(task: dict, role: str) -> list[str]:
    return list(task.get("roles", {}).get(role, []))


def _items(task: dict) -> list[str]:
    return [item["id"] for item in task.get("items", [])]


# --- 1. a rubric with a 负责考核部门 column (石城 2018, townships) ---

RUBRIC = """<div class="top"><h2>考核依据</h2>
<table border="1"><caption>某县2021年度林长制工作乡镇目标管理考核细则</caption>
<thead><tr><th>序号</th><th>考核项目</th><th>各项分值</th><th>考核指标</th><th>负责考核部门</th></tr></thead>
<tbody>
<tr><td></td><td>总分</td><td>100</td><td></td><td></td></tr>
<tr><td>一、</td><td>健全体系，压实林长责任</td><td>40</td><td></td><td></td></tr>
<tr><td>1</td><td>完善林长组织体系</td><td>6</td>
<td><p>进一步健全乡、村两级林长体系，</p><p>及时调整并向社会公布。</p></td><td>县林业局</td></tr>
<tr><td>2</td><td>修订考核办法</td><td>4</td><td>2021年9月底前修订乡镇林长制考核办法。</td><td>县林业局</td></tr>
<tr><td>3</td><td>推进护林员管理</td><td>8</td>
<td><p>1.落实护林员巡护制度，得3分。</p><p>2.建立巡护台账，得3分。</p><p>3.年内无森林火灾，得2分。</p></td>
<td><p>县应急局</p><p>县林业局</p></td></tr>
<tr><td>二、</td><td>强化保护，推进专项整治</td><td>40</td><td></td><td></td></tr>
<tr><td>4</td><td>开展打击毁林专项行动</td><td>10</td>
<td><p>1.建立毁林案件台账，得4分。</p><p>2.年内查处案件不少于5起，得6分。</p></td><td>县森林公安局</td></tr>
<tr><td>三、</td><td>做好信息报送</td><td>10</td>
<td><p>1.每季度报送工作信息，得6分。</p><p>2.按时报送年度总结，得4分。</p></td><td>县林业局</td></tr>
</tbody></table></div>
"""


def test_an_assessment_column_alone_makes_a_task_table_read_as_assess(tmp_path: Path) -> None:
    tasks = _import(tmp_path, RUBRIC, "rubric.html")
    assert _roles(tasks["01"], "assess") == ["县林业局"]
    assert _roles(tasks["03"], "assess") == ["县应急局", "县林业局"]
    assert _roles(tasks["04"], "assess") == ["县森林公安局"]
    assert _items(tasks["03"]) == ["1", "2", "3"]  # the points of a cell, its sub-items
    assert [tasks["03"]["section"], tasks["04"]["section"]] == [1, 2]  # 一、 二、 are chapters


TOTAL_ROW = """<table border="1">
<tr><th>序号</th><th>重点工作</th><th>分值</th><th>牵头单位</th></tr>
<tr><td></td><td>合计</td><td>50</td><td></td></tr>
<tr><td>1</td><td>推进老旧小区改造</td><td>30</td><td>县住建局</td></tr>
<tr><td>2</td><td>建设城市书房</td><td>20</td><td>县文旅局</td></tr>
</table>
"""


def test_a_row_without_number_or_unit_is_no_task(tmp_path: Path) -> None:
    path = tmp_path / "total.html"
    path.write_text(TOTAL_ROW, encoding="utf-8")
    result = import_file(path, ImportOrg(), "p", 2022)
    tasks = tasks_by_id(result)
    assert sorted(tasks) == ["01", "02"]
    assert _roles(tasks["01"], "lead") == ["县住建局"]
    # the row is a line of the text, not an item numbered by the reader (1.合计 before 1. 2.)
    assert "合计 50" in html_text(TOTAL_ROW).split("\n")


def test_a_chapter_row_with_no_row_under_it_is_a_task(tmp_path: Path) -> None:
    tasks = _import(tmp_path, RUBRIC, "rubric.html")
    chapter = tasks["3"]  # the chapter's own number, apart from task 03
    assert chapter["section"] == 3
    assert _roles(chapter, "assess") == ["县林业局"]
    assert _items(chapter) == ["1", "2"]


def test_the_year_assessed_is_no_deadline_a_date_is(tmp_path: Path) -> None:
    tasks = _import(tmp_path, RUBRIC, "rubric.html")
    assert [d.get("date") for d in tasks["02"]["due"]] == [dt.date(2021, 9, 30)]
    assert all(d.get("kind") != "year" for t in ("03", "04") for d in tasks[t]["due"])
    assert prose_deadline("年内无森林火灾，得2分。") is None
    assert prose_deadline("年内查处案件不少于5起（6分）") is None
    assert prose_deadline("年内建成污水处理厂") is not None  # no score: by the year's end


def test_column_words_of_a_rubric() -> None:
    assert column_kind("负责考核部门") == "assess"
    assert column_kind("评分部门") == "assess"
    assert column_kind("评分标准") == "text"  # the scoring criteria, what is scored


# --- 2. a rubric by department (石城 2018, county departments) ---

BY_DEPARTMENT = """<table border="1"><caption>某县2021年度林长制工作责任单位考核细则</caption>
<thead><tr><th>序号</th><th colspan="2">考核项目</th><th>各项分值</th>
<th>考核内容</th><th>评分标准</th></tr></thead>
<tbody>
<tr><td></td><td colspan="2">总分</td><td>100</td><td></td><td></td></tr>
<tr><td>一、</td><td colspan="2">共性考核项目（全部成员单位）</td><td>30</td><td></td><td></td></tr>
<tr><td>1</td><td colspan="2">组织推进</td><td>10</td><td>明确分管领导</td>
<td>明确分管领导和联络员（10分）。</td></tr>
<tr><td>2</td><td colspan="2">信息报送</td><td>20</td><td>按时报送</td>
<td><p>1.每月报送工作进展，得10分。</p><p>2.年内至少2次报送典型经验，得10分。</p></td></tr>
<tr><td>二、</td><td colspan="2">部门职责考核项目</td><td>70</td><td></td><td></td></tr>
<tr><td>1</td><td rowspan="5">主要部门</td><td>县自然资源局</td><td>70</td><td>林地保护</td>
<td><p>1.建立林地占用台账（30分）；</p><p>2.查处违法占用林地（40分）。</p></td></tr>
<tr><td rowspan="2">2</td><td rowspan="2">县农业农村局</td><td>40</td><td>秸秆综合利用</td>
<td><p>1.推广秸秆还田（20分）；</p><p>2.禁止秸秆焚烧（20分）。</p></td></tr>
<tr><td>30</td><td>林下经济</td><td>培育林下经济示范基地2个（30分）。</td></tr>
<tr><td>3</td><td>县交通运输局</td><td>70</td><td>通道绿化</td><td>完成公路沿线绿化（70分）。</td></tr>
<tr><td>3</td><td>县水务局</td><td>70</td><td>水源涵养</td><td>推进水源涵养林建设（70分）。</td></tr>
</tbody></table>
"""


def test_a_column_of_departments_under_a_spanned_header_is_responsible(tmp_path: Path) -> None:
    tasks = _import(tmp_path, BY_DEPARTMENT, "departments.html")
    assert _roles(tasks["2-1"], "responsible") == ["县自然资源局"]
    assert _roles(tasks["2-3"], "responsible") == ["县交通运输局"]


def test_a_chapter_heading_with_its_score_names_its_bearer(tmp_path: Path) -> None:
    tasks = _import(tmp_path, BY_DEPARTMENT, "departments.html")
    assert _roles(tasks["1-1"], "responsible") == ["全部成员单位"]
    assert _roles(tasks["1-2"], "responsible") == ["全部成员单位"]
    assert _items(tasks["1-2"]) == ["1", "2"]


def test_a_department_over_several_rows_is_one_task_its_rows_sub_items(tmp_path: Path) -> None:
    tasks = _import(tmp_path, BY_DEPARTMENT, "departments.html")
    task = tasks["2-2"]
    assert _roles(task, "responsible") == ["县农业农村局"]
    assert _items(task) == ["1", "2"]
    assert _items(task["items"][0]) == ["1", "2"]  # the first row's points
    assert not task["items"][1].get("items")


def test_a_repeated_number_is_a_second_task(tmp_path: Path) -> None:
    tasks = _import(tmp_path, BY_DEPARTMENT, "departments.html")
    assert _roles(tasks["2-4"], "responsible") == ["县水务局"]


# --- 3. a notice's own requirements before the plan, its title wrapped (湾沚 2025) ---

NOTICE = """某县农业农村局关于印发《某县2024年农村人居环境整治提升工作安排方案》的通知
各乡镇人民政府,县直有关单位:
现将方案印发给你们,请认真贯彻落实。
一、提高思想认识。各牵头单位要把整治工作摆在重要位置,确保任务按期完成。
二、加强协调配合。县农业农村局将定期调度;县财政局要保障资金;县审计局要加强监督。
某县农业农村局
2024年3月8日
某县2024年农村人居环境整治提升工作
安排方案
为扎实推进农村人居环境整治,制定本方案。
一、推进农村改厕,新改建户用卫生厕所500户,完善后续管护机制。(牵头单位:县农业农村局)
二、开展村庄清洁行动,清理农村生活垃圾和沟渠塘坝。(牵头单位:县住建局)
"""


def test_a_wrapped_plan_title_ends_the_notice(tmp_path: Path) -> None:
    tasks = _import(tmp_path, NOTICE)
    assert sorted(tasks) == ["01", "02"]
    assert _roles(tasks["01"], "lead")[0].endswith("县农业农村局")
    assert "提高思想认识" not in "".join(task["text"] for task in tasks.values())


# --- 4. a record of 【】 labels and no number (数字报 2024) ---

RECORD = """【目标任务】
新建城市社区嵌入式托育点20个,新增普惠托位600个。
【推进措施】
1.制定社区托育点建设标准,统筹利用社区用房。
2.落实普惠托育运营补贴,对达标托育点给予奖补。
责任单位:市卫生健康委员会
联 系 人:周明
联系电话:8123456
"""


def test_a_record_of_bracket_labels_is_one_task_with_its_measures(tmp_path: Path) -> None:
    tasks = _import(tmp_path, RECORD)
    assert list(tasks) == ["01"]
    assert _roles(tasks["01"], "responsible") == ["市卫生健康委员会"]
    assert _items(tasks["01"]) == ["1", "2"]


def test_a_spaced_contact_label_ends_the_units() -> None:
    clause = find_clause("完成改造。\n责任单位:市商务局\n联 系 人:吴芳\n联系电话:6654321")
    assert clause is not None
    assert clause.roles == {"responsible": ["市商务局"]}


def test_eleven_records_or_more_are_each_a_task_with_their_labels(tmp_path: Path) -> None:
    """The eleventh record is numbered 十一、 like the first ten (its label line was dropped)."""
    units = ["市民政局", "市教育局", "市财政局"]
    text = "".join(
        f"【目标任务】\n完成第{n}批社区食堂建设。\n【推进措施】\n1.选址建设。\n2.验收运营。\n"
        f"责任单位:{units[n % 3]}\n"
        for n in range(1, 13)
    )
    tasks = _import(tmp_path, text)
    assert len(tasks) == 12
    assert [_roles(task, "responsible") for task in tasks.values()][10:] == [[units[2]], [units[0]]]
    assert all(_items(task) == ["1", "2"] for task in tasks.values())


def test_a_rubric_naming_only_its_assessors_imports_valid_with_its_holders_to_name(
    tmp_path: Path,
) -> None:
    """A task whose text names only who assesses it (and no deadline) gets the placeholder
    holder, as a dated one does, so the import validates; the review says why, and the
    agreement counts the placeholder as no unit read (agreement._resolve)."""
    source = tmp_path / "rubric.html"
    source.write_text(RUBRIC, encoding="utf-8")
    written = run_import(source, tmp_path / "data", None, "p", None)
    project = load_project(tmp_path / "data")
    assert project.ok, [str(p) for p in project.problems]
    tasks = tasks_by_id(written.result)
    assert _roles(tasks["01"], "assess") == ["县林业局"]
    assert _roles(tasks["01"], "responsible") == [UNNAMED_HOLDER]
    review = written.review.read_text(encoding="utf-8")
    assert f"没有牵头或责任单位：暂记为“{UNNAMED_HOLDER}”" in review
    hand = {"01": {"id": "01", "roles": {"assess": ["县林业局"]}}}
    mine = {"01": {"id": "01", "roles": tasks["01"]["roles"]}}
    assert compare(mine, hand, ImportOrg()).roles == (1, 1)
