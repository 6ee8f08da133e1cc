"""The command line in the clerk's language: help, argparse's own errors and the usage errors in
Chinese by default and in English with ``--lang en``; a written file reported; ``--data`` before
the command; a data path shown as typed; a change's words without doubled punctuation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.i18n.messages import set_language
from helpers import ROOT


@pytest.fixture
def default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither DUBAN_LANG nor --lang: the default language (the tests' fixture sets English)."""
    monkeypatch.delenv("DUBAN_LANG", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    set_language(None)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit:  # -h and argparse's errors end the parser with SystemExit
        code = exit.code if isinstance(exit.code, int) else 0
    out, err = capsys.readouterr()
    set_language(None)
    return code, out, err


def test_help_is_chinese_by_default(default_language, capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("用法：duban ")
    assert "显示本帮助并退出" in out
    assert "\n选项：\n" in out and "\n命令：\n" in out
    assert "检查全部数据文件" in out  # validate's help
    code, out, _ = run(capsys, "check", "-h")
    assert code == 0
    assert out.startswith("用法：duban check ")
    assert "按此日期计算" in out and "到期前多少天算临期" in out
    assert "usage" not in out and "show this help" not in out


def test_help_is_english_with_lang_en(default_language, capsys):
    code, out, _ = run(capsys, "--lang", "en", "--help")
    assert code == 0
    assert out.startswith("usage: duban ")
    assert "show this help message and exit" in out
    code, out, _ = run(capsys, "check", "--lang=en", "-h")
    assert out.startswith("usage: duban check ")
    assert "evaluate as of this date" in out
    assert "用法" not in out


def test_an_argparse_error_is_chinese(default_language, capsys):
    code, out, err = run(capsys, "check", "--format", "pdf")
    assert (code, out) == (2, "")
    assert err.startswith("用法：duban check ")
    assert err.splitlines()[-1] == (
        "duban check：错误：参数 --format：无效的选择：'pdf'"
        "（可选：'text', 'json', 'markdown', 'github'）"
    )
    code, _, err = run(capsys, "export")
    assert err.splitlines()[-1] == "duban export：错误：缺少必需的参数：format"
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "duban：错误：参数 COMMAND：无效的选择：'frobnicate'" in err
    code, _, err = run(capsys, "--lang", "en", "frobnicate")
    assert "duban: error: argument COMMAND: invalid choice: 'frobnicate'" in err


def test_an_invalid_as_of_is_chinese(default_language, capsys):
    data = str(ROOT / "data")
    code, out, err = run(capsys, "check", "--data", data, "--as-of", "2011-02-30")
    assert (code, out) == (2, "")
    assert err == (
        "duban check：--as-of：“2011-02-30”不是有效日期（请写成 YYYY-MM-DD，如 2011-03-15）\n"
    )
    code, _, err = run(capsys, "check", "--data", data, "--plan", "PLAN-ID")
    assert code == 2
    assert err.startswith("duban check：--plan：没有方案“PLAN-ID”（现有方案：")
    code, _, err = run(capsys, "export", "ics", "--data", data, "--as-of", "2011-02-30")
    assert code == 2
    assert err.splitlines()[-1] == (
        "duban export：错误：参数 --as-of：“2011-02-30”不是有效日期"
        "（请写成 YYYY-MM-DD，如 2011-03-15）"
    )
    code, _, err = run(capsys, "--lang", "en", "check", "--data", data, "--as-of", "2011-02-30")
    assert err == "duban check: --as-of: '2011-02-30' is not a valid date (write YYYY-MM-DD)\n"


def test_a_written_file_is_reported(default_language, capsys, tmp_path):
    target = tmp_path / "plan.json"
    data = str(ROOT / "data")
    code, out, err = run(capsys, "export", "json", "--data", data, "-o", str(target))
    assert (code, out) == (0, "")
    size = target.stat().st_size
    assert err == f"已写入 {target}（{size:,} 字节）\n"
    owners = str(tmp_path / "CODEOWNERS")
    code, out, err = run(capsys, "--lang", "en", "codeowners", "--data", data, "-o", owners)
    assert err.startswith(f"wrote {tmp_path / 'CODEOWNERS'} (") and err.endswith(" bytes)\n")


def test_data_before_the_command_works(default_language, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no data/ here: only --data finds the data
    data = str(ROOT / "data")
    code, out, err = run(capsys, "--data", data, "export", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["format"] == "duban-export/4"
    code, out, _ = run(capsys, "--data", data, "--lang", "en", "validate")
    assert code == 0 and out.startswith("ok: ")
    # given after the command too, the command's own wins
    code, out, _ = run(capsys, "--data", "nowhere", "validate", "--data", data)
    assert code == 0 and out.startswith("通过：")


def test_a_missing_data_folder_is_shown_as_typed(default_language, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = str(Path("/").joinpath("nonexistent-duban-data"))
    code, out, err = run(capsys, "validate", "--data", missing)
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"{missing}:1:1: 不是数据文件夹", "1 个文件中共 1 个问题"]


def test_a_change_does_not_double_its_punctuation(default_language, capsys, project_dir):
    argv = [
        "record",
        "shizhi",
        "01",
        "--state",
        "推进中",
        "--summary",
        "已印发。",
        "--problems",
        "无",
    ]
    code, out, err = run(capsys, *argv, "--dry-run")
    assert (code, err) == (0, "")
    assert "工作进展: （空） → 已印发；存在问题" in out
    assert "。；" not in out
