"""The hand-written pages stay true: the editing guide's example is valid data, and the error
it shows is the one the validator prints for the mistake it describes."""

from __future__ import annotations

import re
import shutil

from duban.cli import main
from sitekit import ROOT

GUIDE = ROOT / "docs" / "guide.md"


def guide_example() -> str:
    return re.search(r"```yaml\n(.*?)```", GUIDE.read_text("utf-8"), re.S).group(1)


def with_status(tmp_path, text: str):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "data" / "status" / "baqiao.yaml").write_text(text, encoding="utf-8")


def test_the_guides_example_is_valid_data(tmp_path, monkeypatch, capsys):
    with_status(tmp_path, guide_example())
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0, capsys.readouterr().err


def test_the_guides_error_message_is_what_the_validator_says(tmp_path, monkeypatch, capsys):
    guide = GUIDE.read_text("utf-8")
    documented = re.search(r"^\s+(data/status/baqiao\.yaml:\d+:\d+: .*)$", guide, re.M)
    assert documented
    broken = guide_example().replace("done: 2010-06-20\n", "done: 2010-06-31\n", 1)
    with_status(tmp_path, broken)
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", "zh", "validate"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == documented.group(1)
