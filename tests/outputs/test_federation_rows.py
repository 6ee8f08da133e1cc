"""Rows from other repositories' exports (outputs/federation.py): the same rows as the local
roll-up when the plans live apart, grandchildren through the child's ``linked``, export 4 itself,
older and hostile exports."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from duban.cli.main import main
from duban.evaluation.cascade import local_implementers
from duban.evaluation.evaluate import evaluate
from duban.evaluation.rollup import Implementer
from duban.federation.sources import child_export, federation_rows
from duban.load.export_reader import InvalidExport, read_export
from duban.load.project import load_project
from duban.model.federation import INVALID, OK, OUTDATED, Feed, SourceHealth
from duban.outputs.federation import federated_implementers, rows_by_target, task_url
from duban.outputs.open_data import export_data
from federation_kit import AS_OF, CASCADE, split_cascade, write_federation
from helpers import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))


def _shape(rows: dict[str, list[Implementer]]) -> dict[str, list[tuple[Any, ...]]]:
    return {
        target: sorted(
            (r.plan_id, r.task_id, r.holder_id, r.bucket, r.as_written, r.via, r.as_of)
            for r in found
        )
        for target, found in rows.items()
    }


def test_two_repositories_roll_up_as_the_same_plans_in_one(tmp_path: Path) -> None:
    whole = load_project(CASCADE)
    assert whole.model is not None
    local = local_implementers(whole.model, evaluate(whole.model, AS_OF))
    top, _city = split_cascade(tmp_path)
    _config, federated, [health] = federation_rows(load_project(top), AS_OF)
    assert health == SourceHealth("city", "测试市", OK, AS_OF, site="https://city.example.gov.cn/")
    assert _shape(federated) == _shape(local)
    assert {r.source_id for rows in federated.values() for r in rows} == {"city"}
    assert {b for r in federated["prov/2"] for b in [r.bucket]} == {
        "not_reported",
        "done",
        "ongoing",
        "open",
    }


def test_a_grandchild_is_seen_through_the_childs_linked_rows(tmp_path: Path) -> None:
    top, city = split_cascade(tmp_path)
    county = tmp_path / "county" / "data"
    shutil.copytree(city, county)
    for path in (county / "plans" / "city" / "tasks").glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("top:prov/1", "city:city/1")
        path.write_text(text.replace("top:prov/2", "city:city/2"), encoding="utf-8")
    (county / "federation.yaml").write_text("id: county\nname: 测试县\n", encoding="utf-8")
    write_federation(city, "city", "测试市", [("county", "测试县", "../../county/data", "")])
    city_project = load_project(city)
    assert city_project.ok, city_project.problems
    export = child_export(city_project, AS_OF)
    assert sorted((r.target, r.task_id, r.source_id, r.via) for r in export.linked) == [
        ("city/1", "1", "county", ()),
        ("city/1", "1", "county", ()),
        ("city/1", "1", "county", ()),
        ("city/2", "3/1", "county", ()),
        ("city/2", "3/2", "county", ()),
        ("city/2/1", "2", "county", ()),
        ("city/2/1", "2", "county", ()),
    ]
    _config, rows, healths = federation_rows(load_project(top), AS_OF)
    assert [h.state for h in healths] == [OK]
    from_county = [r for r in rows["prov/1"] if r.source_id == "county"]
    # the county's task 1 implements the city's task 1, which implements the province's 1
    assert sorted((r.task_id, r.holder_id, r.bucket, r.via) for r in from_county) == [
        ("1", "qu-a", "done", ("city:city/1",)),
        ("1", "qu-b", "done_late", ("city:city/1",)),
        ("1", "qu-c", "overdue", ("city:city/1",)),
    ]
    county_page = "https://city.example.gov.cn/plans/city/tasks/1.html"  # the county's site
    assert all(r.source_name == "测试县" and r.url == county_page for r in from_county)
    # the city's task 2 implements the province's 2/1: what the county counts under the city's
    # 2 (its 3/1, 3/2) and under a sub-item 2/1 the city does not have (its 2) lands there
    assert sorted((r.task_id, r.via) for r in rows["prov/2/1"] if r.source_id == "county") == [
        ("2", ("city:city/2/1",)),
        ("2", ("city:city/2/1",)),
        ("3/1", ("city:city/2",)),
        ("3/2", ("city:city/2",)),
    ]
    # the city's own rows are still there, once each
    assert len([r for r in rows["prov/1"] if r.source_id == "city"]) == 3


def test_export_4_carries_what_a_parent_needs_and_matches_its_schema(tmp_path: Path) -> None:
    _top, city = split_cascade(tmp_path)
    project = load_project(city)
    assert project.model is not None
    evaluation = evaluate(project.model, AS_OF)
    data = export_data(project.model, evaluation=evaluation, repository=("city", "测试市"))
    assert list(Draft202012Validator(SCHEMA).iter_errors(data)) == []
    assert (data["format"], data["as_of"], data["repository"]) == (
        "duban-export/4",
        "2024-09-30",
        {"id": "city", "name": "测试市"},
    )
    task = next(t for t in data["tasks"] if t["id"] == "city/1")
    assert task["implements"] == [{"to": "top:prov/1", "as_written": "落实《省方案》第（一）项"}]
    obligation = next(o for o in data["obligations"] if o["task_id"] == "city/1")
    assert (obligation["holder_id"], obligation["bucket"], obligation["counts"]) == (
        "qu-a",
        "done",
        {"done-on-time": 1},
    )
    assert data["linked"] == []
    without = copy.deepcopy(data)
    del without["as_of"]
    assert list(Draft202012Validator(SCHEMA).iter_errors(without))  # format 4 needs as_of


def _feed(data: dict[str, Any], site: str | None = "https://city.example.gov.cn") -> Feed:
    health = SourceHealth("city", "测试市", OK, AS_OF)
    return Feed("city", "测试市", site, read_export(data), health)


def _city_data(tmp_path: Path) -> dict[str, Any]:
    _top, city = split_cascade(tmp_path)
    project = load_project(city)
    assert project.model is not None
    return export_data(project.model, evaluation=evaluate(project.model, AS_OF))


def test_an_export_of_format_3_is_read_but_gives_no_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _city_data(tmp_path)
    data["format"] = "duban-export/3"
    for key in ("as_of", "linked"):
        del data[key]
    for obligation in data["obligations"]:
        del obligation["bucket"], obligation["counts"]
    export = read_export(data)
    assert export.outdated
    assert federated_implementers("top", [_feed(data)]) == {}
    top = tmp_path / "top" / "data"
    (top / "old.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    write_federation(top, "top", "测试省", [("city", "测试市", "old.json", "")])
    _config, rows, [health] = federation_rows(load_project(top), AS_OF)
    assert (health.state, rows) == (OUTDATED, {})
    assert main(["check", "--data", str(top), "--as-of", "2024-09-30"]) == 0
    assert "warning: source 测试市（city）: an export of format 3 carries no roll-up" in (
        capsys.readouterr().err
    )


def test_hostile_text_is_cleaned_and_links_stay_https(tmp_path: Path) -> None:
    data = _city_data(tmp_path)
    task = next(t for t in data["tasks"] if t["id"] == "city/1")
    task["title"] = "<script>alert(1)</script>\x1b[31m\u202e执法\x00制度" + "长" * 5000
    data["plans"][0]["title"] = "<img src=x onerror=alert(1)>"
    rows = federated_implementers("top", [_feed(data, site="javascript:alert(1)//")])
    row = rows["prov/1"][0]
    assert row.task_title.startswith("<script>alert(1)</script>[31m执法制度长")
    assert len(row.task_title) == 300 and row.task_title.endswith("…")
    assert row.plan_title == "<img src=x onerror=alert(1)>"  # kept as text: pages escape it
    assert row.url is None  # never a javascript: link
    assert task_url("https://a.example.gov.cn/", "city/3/1") == (
        "https://a.example.gov.cn/plans/city/tasks/3.html#item-1"
    )
    assert task_url("https://a.example.gov.cn/", "../../etc/x") is None
    data["linked"] = [
        {
            "target": "city/1",
            "source_id": "county",
            "source_name": "县",
            "plan_id": "k",
            "plan_title": "K",
            "task_id": "1",
            "task_label": "1",
            "task_title": "T",
            "holder_id": "u",
            "holder_name": "U",
            "bucket": "done",
            "as_of": "2024-09-30",
            "url": "javascript:alert(1)",
            "via": [],
        }
    ]
    with pytest.raises(InvalidExport, match=r"linked\[0\]\.url"):
        read_export(data)


def test_rows_that_come_back_up_to_this_repository_are_dropped(tmp_path: Path) -> None:
    data = _city_data(tmp_path)
    loop = {
        "target": "city/1",
        "source_id": "top",
        "source_name": "测试省",
        "plan_id": "prov",
        "plan_title": "P",
        "task_id": "1",
        "task_label": "1",
        "task_title": "T",
        "holder_id": "shiju",
        "holder_name": "市局",
        "bucket": "open",
        "as_of": "2024-09-30",
        "url": None,
        "as_written": None,
        "via": [],
    }
    data["linked"] = [loop, {**loop, "source_id": "x", "via": ["top:prov/9"]}]
    rows = federated_implementers("top", [_feed(data)])
    assert {r.source_id for r in rows["prov/1"]} == {"city"}
    assert federated_implementers(None, [_feed(data)]) == {}
    flat = [r for found in rows.values() for r in found]
    assert _shape(rows_by_target(set(flat))) == _shape(rows)


def test_the_parents_check_json_counts_equal_the_childs_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top, city = split_cascade(tmp_path)
    argv = ["check", "--format", "json", "--as-of", "2024-09-30", "--data"]
    assert main([*argv, str(city)]) == 0
    child = json.loads(capsys.readouterr().out)["tasks"]
    assert main([*argv, str(top)]) == 0
    parent = json.loads(capsys.readouterr().out)["linked"]
    assert parent["prov/1"] == child["city/1"]
    assert parent["prov/1"] == {
        "done": 1,
        "done_late": 1,
        "overdue": 1,
        "not_reported": 0,
        "ongoing": 0,
        "open": 0,
    }
    # the province's 2 holds the city's 2 (through the sub-item 2/1) and the city's 3
    both = {b: child["city/2"][b] + child["city/3"][b] for b in child["city/2"]}
    assert parent["prov/2"] == both


def test_export_json_carries_this_repositorys_id_and_its_sources_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top, _city = split_cascade(tmp_path)
    assert main(["export", "json", "--as-of", "2024-09-30", "--data", str(top)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(Draft202012Validator(SCHEMA).iter_errors(data)) == []
    assert data["repository"] == {"id": "top", "name": "测试省"}
    assert len(data["linked"]) == 7  # once each, though a sub-item's rows count under two keys
    assert {r["source_id"] for r in data["linked"]} == {"city"}


def test_a_broken_local_source_is_invalid_and_the_rest_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top, city = split_cascade(tmp_path)
    (top / "broken.json").write_text('{"format": "duban-export/4",', encoding="utf-8")
    write_federation(
        top,
        "top",
        "测试省",
        [
            ("city", "测试市", "../../city/data", ""),
            ("file", "某县", "broken.json", ""),
        ],
    )
    (city / "org.yaml").write_text("units: [\n", encoding="utf-8")  # the city's folder breaks
    _config, rows, healths = federation_rows(load_project(top), AS_OF)
    assert rows == {}
    assert [(h.source_id, h.state) for h in healths] == [("city", INVALID), ("file", INVALID)]
    assert healths[0].reason is not None and "org.yaml" in healths[0].reason
    assert healths[1].reason is not None and healths[1].reason.startswith("not JSON")
    assert main(["check", "--data", str(top), "--as-of", "2024-09-30"]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: source ") == 2
