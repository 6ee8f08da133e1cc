"""``duban codeowners --forge gitlab|gitea``: the same owners as the GitHub file, in the syntax
each forge reads (GitLab: sections, last match wins inside one; Gitea/Forgejo: anchored Go
regular expressions, every matching line counts). No forge runs here: the tests read each file
the way the forge's documentation and source say it is read, and compare the owners."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.load.project import load_project
from duban.outputs.codeowners import UnsafePath, codeowners
from duban.outputs.codeowners_forges import gitea_codeowners, gitea_pattern, gitlab_codeowners
from helpers import CASES, ROOT, lay_out_case

PATHS = (
    "data/status/alpha.yaml",
    "data/records/alpha.yaml",
    "data/status/fagui-chu.yaml",
    "data/status/beta.yaml",
    "data/plans/test-plan/plan.yaml",
    "data/org.yaml",
    "mkdocs.yml",
    "README.md",
)


def project(tmp_path: Path, office: bool) -> Path:
    target = lay_out_case(CASES / "valid" / "supervision", tmp_path / "p")
    if office:
        org = target / "data" / "org.yaml"
        text = org.read_text(encoding="utf-8")
        org.write_text(text.replace("units:\n", "supervising_office: bangongshi\nunits:\n", 1))
    return target


def _glob(pattern: str, path: str) -> bool:
    """GitHub/GitLab patterns as duban writes them: ``*``, a folder ``/x/``, or a file ``/x``."""
    pattern = pattern.replace("\\ ", " ").replace("\\#", "#")
    if pattern == "*":
        return True
    if pattern.endswith("/"):
        return ("/" + path).startswith(pattern)
    return fnmatch.fnmatchcase("/" + path, pattern) and "*" not in pattern


def github_owners(text: str, path: str) -> set[str]:
    owners: set[str] = set()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            pattern, *names = line.split(" ")
            if _glob(pattern, path):
                owners = set(names)  # the last match wins
    return owners


def gitlab_owners(text: str, path: str) -> dict[str, set[str]]:
    """Owners per section: the last match in each section, a line without owners taking the
    section's default owners."""
    sections: dict[str, set[str]] = {}
    name, default = "", [""]
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        heading = re.fullmatch(r"\[([^\]]+)\](.*)", line)
        if heading:
            name, default = heading.group(1), heading.group(2).split()
            continue
        pattern, *names = line.split(" ")
        if _glob(pattern, path):
            sections[name] = set(names or default)
    return sections


def gitea_tokens(line: str) -> list[str]:
    """Gitea's TokenizeCodeOwnersLine: ``\\`` escapes the next character, a space splits,
    an unescaped ``#`` ends the line."""
    tokens, token, escaped = [], "", False
    for char in line.strip():
        if escaped:
            token, escaped = token + char, False
        elif char == "\\":
            escaped = True
        elif char == "#":
            break
        elif char == " ":
            if token:
                tokens.append(token)
            token = ""
        else:
            token += char
    return tokens + ([token] if token else [])


def gitea_owners(text: str, path: str) -> set[str]:
    owners: set[str] = set()
    for line in text.splitlines():
        tokens = gitea_tokens(line)
        if len(tokens) >= 2 and re.fullmatch(tokens[0], path):  # Go compiles ^rule$
            owners |= set(tokens[1:])  # every matching rule counts
    return owners


@pytest.mark.parametrize("office", [True, False])
def test_gitlab_and_gitea_ask_the_same_people_as_github(tmp_path, office):
    model = load_project(project(tmp_path, office) / "data").model
    assert model is not None
    accounts = ["@office-clerk"] if office else []
    github = codeowners(model, "data", accounts, ("org.yaml", "plans/"))
    gitlab = gitlab_codeowners(model, "data", accounts, ("org.yaml", "plans/"))
    gitea = gitea_codeowners(model, "data", accounts)
    for path in PATHS:
        expected = github_owners(github, path)
        sections = gitlab_owners(gitlab, path)
        assert len(sections) <= 1  # one section: no second approval is required
        assert sections.get("督办部门" if office else "各单位", set()) == expected, path
        assert gitea_owners(gitea, path) == expected, path
    assert ("[督办部门] @office-clerk\n*\n" in gitlab) == office
    assert "@alpha-officer" in gitea and "@example-org/fagui-team" in gitlab


def test_a_gitea_pattern_matches_its_path_alone():
    for path, near in (
        ("/data/status/a.yaml", "data/status/aXyaml"),
        ("/my data/#1+(x)/a.yaml", "my data/#1+(x)/aayaml"),
        ("/数据/status/a-b.yaml", "数据/status/a-bbyaml"),
    ):
        [regex] = gitea_tokens(gitea_pattern(path))
        assert re.fullmatch(regex, path.lstrip("/"))
        assert not re.fullmatch(regex, near)
    [folder] = gitea_tokens(gitea_pattern("/data/plans/"))
    assert re.fullmatch(folder, "data/plans/p/tasks/01.yaml")
    assert not re.fullmatch(folder, "data/plansx/a.yaml")
    with pytest.raises(UnsafePath):
        gitea_pattern("/data\n.*/a.yaml")


@pytest.mark.parametrize("forge", ["gitlab", "gitea"])
def test_the_committed_files_are_up_to_date(capsys, monkeypatch, forge):
    monkeypatch.chdir(ROOT)
    assert main(["codeowners", "--forge", forge]) == 0
    generated = capsys.readouterr().out
    committed = (ROOT / f".{forge}" / "CODEOWNERS").read_text(encoding="utf-8")
    assert committed == generated, f"run: duban codeowners --forge {forge} -o .{forge}/CODEOWNERS"
