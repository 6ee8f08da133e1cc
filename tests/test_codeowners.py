"""CODEOWNERS is generated from org.yaml, and the committed file is the generated one."""

from __future__ import annotations

from conftest import CASES, ROOT, lay_out_case
from duban.cli import main
from duban.codeowners import HEADER, codeowners
from duban.project import load_project


def test_the_committed_codeowners_file_is_up_to_date(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["codeowners"]) == 0
    generated = capsys.readouterr().out
    committed = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert committed == generated, "run: duban codeowners -o .github/CODEOWNERS"


def test_maintainers_own_their_status_and_records_files(tmp_path):
    project = lay_out_case(CASES / "valid" / "supervision", tmp_path / "p")
    model = load_project(project / "data").model
    assert model is not None
    assert codeowners(model, "data") == HEADER + (
        "/data/status/alpha.yaml @alpha-officer\n"
        "/data/records/alpha.yaml @alpha-officer\n"
        "/data/status/bangongshi.yaml @office-clerk\n"
        "/data/records/bangongshi.yaml @office-clerk\n"
        "/data/status/fagui-chu.yaml @fagui @example-org/fagui-team\n"
        "/data/records/fagui-chu.yaml @fagui @example-org/fagui-team\n"
    )
    assert codeowners(model, "./site-data/").splitlines()[2].startswith("/site-data/status/")
