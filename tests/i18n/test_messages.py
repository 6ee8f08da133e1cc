"""Problems in Chinese by default, English on request; YAML syntax errors as plain hints."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.cli import main as cli
from duban.i18n.messages import translate
from duban.load.strict_yaml import load_bytes


def _hint(text: str) -> str:
    document, problems = load_bytes(text.encode(), Path("x.yaml"), "x.yaml")
    assert document is None and len(problems) == 1
    return f"{problems[0].line}:{problems[0].col}: {translate(problems[0].message, 'zh')}"


HEAD = "unit: a\nobligations:\n  - task: 1\n    state: done\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("unit: a\nobligations:\n\t- task: 1\n", "3:1: YAML 格式：请用空格缩进，不要用 Tab 键"),
        (HEAD + "    summary: 完成情况: 全部\n", "5:18: YAML 格式：文字中有英文冒号时请用引号括起"),
        (HEAD + "   done: 2010-01-01\n", "5:4: YAML 格式：缩进不对，本行应与第 4 行的 state 对齐"),
        (HEAD + " - task: 2\n", "5:2: YAML 格式：缩进不对，本行应与第 3 行的 - 对齐"),
        (HEAD + '    summary: "abc\n', "6:1: YAML 格式：第 5 行的引号没有闭合"),
        ("unit: a\nx: [a, b\n", "3:1: YAML 格式：第 2 行的“[”没有配对的“]”"),
    ],
)
def test_yaml_syntax_errors_become_hints_at_the_parser_position(text, expected):
    assert _hint(text).startswith(expected)


def test_an_unknown_message_stays_english():
    assert translate("something new happened", "zh") == "something new happened"


def test_language_is_chosen_by_option_or_environment(project_dir, monkeypatch, capsys):
    status = project_dir / "data" / "status"
    target = next(p for p in sorted(status.glob("*.yaml")))
    target.write_text(target.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    monkeypatch.delenv("DUBAN_LANG", raising=False)
    assert cli.main(["validate"]) == 1
    zh = capsys.readouterr().err
    assert "未知字段" in zh and "个问题" in zh
    assert cli.main(["--lang", "en", "validate"]) == 1
    assert "unknown field" in capsys.readouterr().err
    monkeypatch.setenv("DUBAN_LANG", "en")
    cli.set_language(None)
    assert cli.main(["validate"]) == 1
    assert "unknown field" in capsys.readouterr().err
    cli.set_language(None)


def test_the_repository_setting_is_an_https_github_address(monkeypatch):
    from mkdocs.exceptions import PluginError

    from duban.plugin import check_repository

    monkeypatch.delenv("DUBAN_REPOSITORY", raising=False)
    assert check_repository("") is None
    assert check_repository("https://github.com/o/r/") == "https://github.com/o/r"
    monkeypatch.setenv("DUBAN_REPOSITORY", "https://github.com/env/repo")
    assert check_repository("") == "https://github.com/env/repo"
    for bad in ("http://github.com/o/r", "https://github.com/o/r?x=<script>", "javascript:x"):
        with pytest.raises(PluginError):
            check_repository(bad)
