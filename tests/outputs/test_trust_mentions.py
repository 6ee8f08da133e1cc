"""A task title or unit name holding ``@user`` must never mention anyone in the overdue issue, the
step summary or the bulletin's Markdown. A backslash does not stop a mention (GitHub finds
mentions in the rendered text, where ``\\@user`` is ``@user``); GitHub never looks inside code,
so md() writes the piece as an inline code span."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duban.cli.main import main
from duban.outputs.check_markdown import md
from helpers import CASES, lay_out_case

# An inline code span as CommonMark reads md()'s output: a backtick no backslash escapes, up to
# the next one (md() writes single-backtick spans whose content holds no backtick).
_SPAN = re.compile(r"(?<!\\)((?:\\\\)*)`[^`]*`")
_MENTIONABLE = re.compile(r"@[A-Za-z0-9]")


def _outside_code(markdown: str) -> str:
    return _SPAN.sub(lambda m: m.group(1) + " ", markdown)


@pytest.mark.parametrize(
    "text",
    ["@alice", "督办@alice请", "\\@alice", "a `@alice` b", "@org/team", "x@@alice", "@a@b*"],
)
def test_no_mention_is_left_outside_code(text):
    written = md(text)
    assert not _MENTIONABLE.search(_outside_code(written)), written
    assert "@" in written  # the name is still there to read


@given(st.text(alphabet="@ab1-/\\`*_ 督x", max_size=30))
def test_no_mention_survives_any_text(text):
    assert not _MENTIONABLE.search(_outside_code(md(text)))


def test_a_unit_name_with_a_mention_reaches_the_overdue_issue_as_code(tmp_path, monkeypatch):
    project = lay_out_case(CASES / "valid" / "supervision", tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    org = Path("data/org.yaml")
    named = "name: 乙县司法局\n"
    text = org.read_text("utf-8").replace(
        named, "name: 乙县司法局@alice\n    aliases: [乙县司法局]\n"
    )
    org.write_text(text, "utf-8")
    assert main(["report", "overdue-issue", "--as-of", "2011-03-15", "-o", "issue.md"]) == 0
    body = Path("issue.md").read_text(encoding="utf-8")
    assert "乙县司法局`@alice`" in body
    assert not _MENTIONABLE.search(_outside_code(body))
