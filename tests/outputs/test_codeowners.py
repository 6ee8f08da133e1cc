"""CODEOWNERS is generated from org.yaml, and the committed file is the generated one: the
supervising office owns every file by default, each unit's maintainers (with the office) own
that unit's status and records files."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.cli.main import main
from duban.load.project import load_project
from duban.outputs.codeowners import DEFAULT_OWNER, HEADER, NO_DEFAULT_OWNER, account, codeowners
from helpers import CASES, ROOT, lay_out_case


def test_the_committed_codeowners_file_is_up_to_date(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["codeowners"]) == 0
    generated = capsys.readouterr().out
    committed = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert committed == generated, "run: duban codeowners -o .github/CODEOWNERS"


UNIT_LINES = (
    "/data/status/alpha.yaml @alpha-officer{office}\n"
    "/data/records/alpha.yaml @alpha-officer{office}\n"
    "/data/status/bangongshi.yaml @office-clerk\n"
    "/data/records/bangongshi.yaml @office-clerk\n"
    "/data/status/fagui-chu.yaml @fagui @example-org/fagui-team{office}\n"
    "/data/records/fagui-chu.yaml @fagui @example-org/fagui-team{office}\n"
)


def supervision(tmp_path: Path, office: str | None = None) -> Path:
    project = lay_out_case(CASES / "valid" / "supervision", tmp_path / "p")
    if office is not None:
        org = project / "data" / "org.yaml"
        text = org.read_text(encoding="utf-8")
        org.write_text(text.replace("units:\n", f"supervising_office: {office}\nunits:\n", 1))
    return project


def test_without_an_office_nothing_has_a_default_owner_and_the_file_says_so(tmp_path):
    model = load_project(supervision(tmp_path) / "data").model
    assert model is not None
    assert codeowners(model, "data") == HEADER + NO_DEFAULT_OWNER + UNIT_LINES.format(office="")
    assert codeowners(model, "./site-data/").splitlines()[4].startswith("/site-data/status/")


@pytest.mark.parametrize("office", ["bangongshi", "市局办公室", "'市局办公室'"])
def test_the_office_owns_everything_by_default_and_every_unit_file_with_the_unit(
    tmp_path, monkeypatch, capsys, office
):
    project = supervision(tmp_path, office)
    monkeypatch.chdir(project)
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == ""  # nothing extra to say
    assert main(["codeowners"]) == 0
    assert capsys.readouterr().out == (
        HEADER + DEFAULT_OWNER.format(office="@office-clerk") + "* @office-clerk\n"
        "/data/org.yaml @office-clerk\n"
        "/data/plans/ @office-clerk\n"
        "/.github/ @office-clerk\n"
        "/scripts/ @office-clerk\n"
        "/schemas/ @office-clerk\n"
        "/mkdocs.yml @office-clerk\n"
        "/pyproject.toml @office-clerk\n"
        "/requirements.lock @office-clerk\n"
        "/requirements-test.lock @office-clerk\n" + UNIT_LINES.format(office=" @office-clerk")
    )


def test_the_plans_folder_of_the_new_layout_is_the_offices(tmp_path):
    model = load_project(supervision(tmp_path) / "data").model
    text = codeowners(model, "data", ["@office"], ["org.yaml", "plans/", "status/", "records/"])
    assert "/data/plans/ @office\n" in text and "/data/tasks/" not in text
    assert "/data/rules.yaml" not in text


@pytest.mark.parametrize(
    ("office", "message"),
    [
        ("nobody", "supervising_office: 'nobody' is not a unit or group in org.yaml"),
        (
            "beta",
            "supervising_office: 'beta' has no maintainers: list the office's GitHub "
            "accounts there",
        ),
    ],
)
def test_an_office_that_is_not_a_unit_with_maintainers_is_a_problem(
    tmp_path, monkeypatch, office, message
):
    monkeypatch.chdir(supervision(tmp_path, office))
    assert [str(p) for p in load_project(Path("data")).problems] == [
        f"data/org.yaml:25:21: {message}"
    ]


@pytest.mark.parametrize("name", ["alice\n", "alice bob", "@org/team/x y", "-alice", "a" * 40, ""])
def test_a_maintainer_that_is_not_a_github_account_never_reaches_the_file(name):
    with pytest.raises(ValueError, match="is not a GitHub account"):
        account(name)


@pytest.mark.parametrize("name", ["alice", "@alice", "@org/team-1", "a" * 39])
def test_github_accounts_are_accepted(name):
    assert account(name) == (name if name.startswith("@") else f"@{name}")
