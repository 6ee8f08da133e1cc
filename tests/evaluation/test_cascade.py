"""Local roll-ups of cascading plans (duban.evaluation.cascade) on the cascade fixture: two plans
in one data folder, the city's tasks implementing the province's (one through a sub-item)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from duban.evaluation.cascade import (
    late_below,
    local_implementers,
    merged,
    rollup_counts,
    task_buckets,
)
from duban.evaluation.evaluate import evaluate
from duban.evaluation.rollup import BUCKETS, Implementer
from duban.load.project import load_project

FIXTURE = Path(__file__).parents[1] / "fixtures" / "cascade"
AS_OF = dt.date(2024, 9, 30)


def _load(data: Path):
    project = load_project(data)
    assert project.ok, [str(p) for p in project.problems]
    assert project.model is not None
    return project.model, evaluate(project.model, AS_OF)


@pytest.fixture(scope="module")
def cascade():
    return _load(FIXTURE / "data")


def _rows(rows: list[Implementer]) -> list[tuple[str, str, str, str | None]]:
    return [(r.plan_id, r.task_id, r.holder_id, r.bucket) for r in rows]


def test_each_upper_task_lists_its_implementing_obligations(cascade):
    model, evaluation = cascade
    found = local_implementers(model, evaluation)
    assert list(found) == ["prov/1", "prov/2", "prov/2/1"]
    assert _rows(found["prov/1"]) == [
        ("city", "1", "qu-a", "done"),
        ("city", "1", "qu-b", "done_late"),
        ("city", "1", "qu-c", "overdue"),
    ]
    # a row implementing the sub-item prov/2/1 counts under it and under its task prov/2
    assert _rows(found["prov/2/1"]) == [
        ("city", "2", "qu-a", "not_reported"),
        ("city", "2", "qu-b", "done"),
    ]
    assert _rows(found["prov/2"]) == [
        ("city", "2", "qu-a", "not_reported"),
        ("city", "2", "qu-b", "done"),
        ("city", "3/1", "qu-a", "ongoing"),
        ("city", "3/2", "qu-b", "open"),
    ]
    assert {r.target for r in found["prov/2"]} == {"prov/2", "prov/2/1"}
    row = found["prov/1"][0]
    assert (row.source_id, row.as_of, row.via, row.url) == ("", AS_OF, (), None)
    assert row.as_written == "落实《省方案》第（一）项"
    assert (row.plan_title, row.task_label, row.task_title) == (
        "市分工方案",
        "（1）",
        "制定执法制度",
    )
    assert row.holder_name == "甲区司法局"


def test_every_bucket_appears_and_counts_add_up(cascade):
    model, evaluation = cascade
    found = local_implementers(model, evaluation)
    counts = rollup_counts(found)
    assert counts["prov/1"] == {
        **dict.fromkeys(BUCKETS, 0),
        "done": 1,
        "done_late": 1,
        "overdue": 1,
    }
    assert counts["prov/2"] == {
        **dict.fromkeys(BUCKETS, 0),
        "done": 1,
        "not_reported": 1,
        "ongoing": 1,
        "open": 1,
    }
    assert {b for c in counts.values() for b, n in c.items() if n} == set(BUCKETS)


def test_the_roll_up_equals_the_lower_tasks_own_buckets(cascade):
    """What a parent compares: the rows under prov/1 are city/1's own obligations, by bucket."""
    model, evaluation = cascade
    counts = rollup_counts(local_implementers(model, evaluation))
    own = task_buckets(model, evaluation)
    assert counts["prov/1"] == own["city/1"]
    assert own["city/3"] == {**dict.fromkeys(BUCKETS, 0), "ongoing": 1, "open": 1}
    assert own["city/3/1"]["ongoing"] == 1
    # the upper plan's own obligations are counted apart from the rows below
    assert own["prov/2/1"] == {**dict.fromkeys(BUCKETS, 0), "done": 1}


def test_late_rows_are_listed_under_the_upper_task(cascade):
    model, evaluation = cascade
    late = late_below(local_implementers(model, evaluation))
    assert {k: _rows(v) for k, v in late.items()} == {
        "prov/1": [("city", "1", "qu-c", "overdue")],
        "prov/2": [("city", "2", "qu-a", "not_reported")],
    }


def _with_county(tmp_path: Path, implements: str) -> Path:
    """The fixture plus a county plan whose task implements the city's task 1."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    plan = data / "plans" / "county"
    (plan / "tasks").mkdir(parents=True)
    city = (data / "plans" / "city" / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(
        city.replace("id: city", "id: county").replace(
            "short_name: 市分工方案", "short_name: 县方案"
        ),
        encoding="utf-8",
    )
    (plan / "tasks" / "1.yaml").write_text(
        'id: "1"\nnumber: 1\nsection: 1\ntitle: 县级制度\ntext: 县级制度。\n'
        f"implements: [{implements}]\n"
        "roles:\n  responsible: [丙区司法局]\ndue:\n  - kind: date\n    date: 2024-05-31\n",
        encoding="utf-8",
    )
    return data


def test_links_are_followed_down_with_the_tasks_between(tmp_path):
    model, evaluation = _load(_with_county(tmp_path, "city/1"))
    found = local_implementers(model, evaluation)
    county = [r for r in found["prov/1"] if r.plan_id == "county"]
    assert [(r.task_id, r.holder_id, r.bucket, r.via) for r in county] == [
        ("1", "qu-c", "not_reported", ("city/1",))
    ]
    assert [r.via for r in found["city/1"]] == [()]
    assert len(found["prov/1"]) == 4  # the city's three and the county's one
    # two steps down: a task implementing the county's task shows both tasks between
    data = tmp_path / "data"
    (data / "plans" / "city" / "tasks" / "2.yaml").write_text(
        (data / "plans" / "city" / "tasks" / "2.yaml")
        .read_text(encoding="utf-8")
        .replace("implements: [prov/2/1]", "implements: [county/1]"),
        encoding="utf-8",
    )
    model, evaluation = _load(data)
    found = local_implementers(model, evaluation)
    deep = [r for r in found["prov/1"] if r.plan_id == "city" and r.task_id == "2"]
    assert [r.via for r in deep] == [("city/1", "county/1"), ("city/1", "county/1")]


def test_an_obligation_reached_twice_counts_once(tmp_path):
    """The county's task implements the province's task directly and through the city's."""
    model, evaluation = _load(_with_county(tmp_path, "prov/1, city/1"))
    rows = [r for r in local_implementers(model, evaluation)["prov/1"] if r.plan_id == "county"]
    assert [(r.holder_id, r.via) for r in rows] == [("qu-c", ())]


def test_rows_from_elsewhere_merge_beside_the_local_ones(cascade):
    model, evaluation = cascade
    local = local_implementers(model, evaluation)
    other = Implementer(
        target="prov/1",
        source_id="county-x",
        source_name="某县",
        plan_id="x",
        plan_title="县方案",
        task_id="1",
        task_label="（一）",
        task_title="<b>制度</b>",
        holder_id="u",
        holder_name="某县司法局",
        bucket="overdue",
        as_of=dt.date(2024, 9, 1),
    )
    both = merged(local, {"prov/1": [other]})
    assert both["prov/1"][-1] is other and len(both["prov/1"]) == 4
    assert rollup_counts(both)["prov/1"]["overdue"] == 2
    assert len(local["prov/1"]) == 3  # merging copies, the local mapping is unchanged
