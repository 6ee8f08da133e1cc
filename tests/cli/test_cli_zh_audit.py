"""No English sentence in what the command line prints by default (Chinese): every command's
help, a representative success and the errors a user can cause. Ids, file names, option names
and format names are fine; a run of three English words or more is a sentence left untranslated.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from duban.cli.main import COMMANDS, main
from duban.i18n.messages import set_language
from duban.plugin import as_of_setting, check_edit_url, check_repository
from helpers import ROOT

COUNTY = ROOT / "examples" / "county" / "data"
SOURCE = str(ROOT / "examples" / "county" / "source.txt")
OFFICE = ROOT / "examples" / "office" / "data"
SENTENCE = re.compile(r"(?<![\w./-])[A-Za-z][a-z']+(?:[ :;]+[A-Za-z][a-z']+){2,}")
"""Three or more English words in a row (a comma-separated list of choices is not one)."""
ALLOWED = re.compile(r"duban [a-z-]+|Closes #\d+")
"""A command's own name (``duban fix``), written the same in every language."""


def english(text: str) -> list[str]:
    return SENTENCE.findall(ALLOWED.sub("", text))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    set_language(None)
    try:
        code = main(list(argv))
    except SystemExit as exit:  # -h and argparse's errors
        code = exit.code if isinstance(exit.code, int) else 0
    out, err = capsys.readouterr()
    set_language(None)
    return code, out + err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chinese) -> Path:
    """A copy of the county example (one plan) as data/, and two copies of it with a second
    plan, two/ and three/, in the working directory."""
    shutil.copytree(COUNTY, tmp_path / "data")
    for name in ("two", "three"):  # three is never fixed
        shutil.copytree(COUNTY, tmp_path / name)
        shutil.copy(OFFICE / "org.yaml", tmp_path / name / "org.yaml")
        second = "qingshan-gzbg-2024"
        shutil.copytree(OFFICE / "plans" / second, tmp_path / name / "plans" / second)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_scan_finds_an_english_sentence():
    assert english("duban import-plan：x 已存在，不覆盖 / already exists: choose another --plan-id")
    assert english("README.md: 未找到编号条目 / no numbered items found: nothing written")
    assert not english(
        "用法：duban fix [-h] [--data DATA] {plan-ids} --format {text,json,markdown}"
    )
    assert not english("已为 3 项写入 plan: qingshan-fzzf-2023（第 5、10 行）")


@pytest.mark.parametrize("command", [None, *(c.name for c in COMMANDS)])
def test_every_help_is_chinese(folder, capsys, command):
    code, text = run(capsys, *([command] if command else []), "--help")
    assert code == 0 and text.startswith("用法：duban")
    assert english(text) == []


SUCCESSES = [
    ("validate",),
    ("validate", "--strict"),
    ("export", "json", "-o", "out.json"),
    ("export", "xlsx", "--unit", "fagaiju", "--as-of", "2024-06-30", "-o", "u.xlsx"),
    ("export", "csv", "--as-of", "2024-06-30", "-o", "t.csv"),
    ("check", "--as-of", "2024-06-30"),
    ("check", "--as-of", "2024-06-30", "--format", "markdown"),
    ("report", "overdue-issue", "--as-of", "2024-06-30", "-o", "r.md"),
    ("report", "overdue-issue", "--as-of", "2024-06-30"),
    ("bulletin", "--as-of", "2024-06-30", "-o", "b.docx", "--masthead", "--cc", "县委办公室"),
    ("codeowners", "-o", "CODEOWNERS"),
    ("import-plan", SOURCE, "--out", "imported"),
    ("record", "fagaiju", "2-2", "--period", "2024-Q1", "--state", "推进中", "--progress", "50"),
    ("record", "fagaiju", "2-2", "--period", "2024-Q1", "--state", "推进中", "--progress", "50"),
    ("fix", "plan-ids"),
    ("fix", "plan-ids"),
    ("fix", "plan-ids", "--data", "two", "--plan", "qingshan-fzzf-2023"),
]

ERRORS = [
    ("frobnicate",),
    ("validate", "--data", "nowhere"),
    ("validate", "--data", "three"),
    ("export", "json", "--plan", "nope"),
    ("export", "xlsx", "--unit", "nope", "-o", "u.xlsx"),
    ("export", "pdf"),
    ("check", "--as-of", "2011-02-30"),
    ("check", "--format", "pdf"),
    ("report", "overdue-issue", "--data", "three", "--as-of", "2024-06-30"),
    ("bulletin", "--as-of", "2024-06-30", "-o", "b.pdf"),
    ("bulletin", "--as-of", "2024-06-30"),
    ("import-plan", "nowhere.txt", "--out", "imported"),
    ("import-plan", str(ROOT / "README.md"), "--out", "imported"),
    ("import-plan", SOURCE, "--out", "imported"),
    (
        "import-plan",
        SOURCE,
        "--out",
        "x",
        "--plan-id",
        "X",
    ),
    ("export", "json", "-o", "out.json/x.json"),  # a file where a folder should be
    ("import-plan", SOURCE, "--out", "y", "--org", "nowhere.yaml"),
    ("record", "--issue-form", "nowhere.md"),
    ("import", "nowhere.xlsx"),
    ("import", "out.json"),
    ("record", "fagaiju", "9-9", "--state", "done"),
    ("record", "nope", "2-2", "--state", "done"),
    ("record", "fagaiju", "2-2", "--period", "2024-Q2", "--state", "done", "--date", "2024-13-01"),
    ("record", "fagaiju", "2-2", "--period", "2024-Q2", "--evidence", "http://x.cn"),
    ("fix", "plan-ids", "--plan", "nope"),
    ("fix", "plan-ids", "--data", "three"),
    ("form-reply", "--issue", "x", "reply", "."),
]


def test_success_and_error_runs_are_chinese(folder, capsys):
    found = {}
    for argv, succeeds in [(a, True) for a in SUCCESSES] + [(a, False) for a in ERRORS]:
        code, text = run(capsys, *argv)
        assert text.strip(), argv  # every run says something
        assert (code == 0) == succeeds, (argv, code, text)
        if english(text):
            found[" ".join(argv)] = english(text)
    assert found == {}


def test_the_sites_settings_errors_are_chinese(chinese):
    with pytest.raises(PluginError) as raised:
        as_of_setting("2024-13-01", dt.date(2024, 6, 30))
    assert str(raised.value) == "duban：as_of 必须是 YYYY-MM-DD 格式的日期，而不是 '2024-13-01'"
    for check, value in ((check_repository, "http://x"), (check_edit_url, "http://x/")):
        with pytest.raises(PluginError) as raised:
            check(value)
        assert english(str(raised.value)) == [], str(raised.value)
