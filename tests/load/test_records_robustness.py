"""Mangled rules and records files never raise: every mistake becomes a problem line."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duban.load.project import load_project
from helpers import CASES, lay_out_case

SUPERVISION = CASES / "valid" / "supervision"
FILES = ("plans/test-plan/rules.yaml", "records/bangongshi.yaml", "records/fagui-chu.yaml")
NASTY = st.sampled_from(
    [
        *(None, 0, -1, 2.5, "", "x", "2010-02-30", "2010-H3", "2010", "05", 5, 999, [], {}),
        *("区县司法局", "quxian", "shifan", "reminder", "notice", "不合格", "rectification"),
    ]
)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _replace(data, path, value):
    if not path:
        return value
    container = data
    for key in path[:-1]:
        container = container[key]
    container[path[-1]] = value
    return data


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(FILES), st.data(), NASTY)
def test_a_mangled_value_is_reported_not_raised(tmp_path_factory, name, data, value):
    project = lay_out_case(SUPERVISION, tmp_path_factory.mktemp("m") / "p")
    path = project / "data" / name
    original = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = data.draw(st.sampled_from(list(_paths(original))))
    mangled = _replace(original, where, value)
    path.write_text(yaml.safe_dump(mangled, allow_unicode=True), encoding="utf-8")
    loaded = load_project(project / "data")
    assert loaded.model is not None or loaded.problems
    for problem in loaded.problems:
        assert "\n" not in str(problem)
    shutil.rmtree(project)


def test_a_records_file_instead_of_a_folder_and_a_rules_folder_instead_of_a_file(tmp_path):
    project = lay_out_case(SUPERVISION, tmp_path / "p")
    shutil.rmtree(project / "data" / "records")
    (project / "data" / "records").write_text("not a folder", encoding="utf-8")
    (project / "data" / "plans" / "test-plan" / "rules.yaml").unlink()
    (project / "data" / "plans" / "test-plan" / "rules.yaml").mkdir()
    loaded = load_project(project / "data")
    assert [(Path(p.path).name, p.message) for p in loaded.problems] == [
        ("rules.yaml", "is a directory, not a YAML file")
    ]
