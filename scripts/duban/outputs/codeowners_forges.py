"""CODEOWNERS for GitLab and for Gitea / Forgejo (``duban codeowners --forge gitlab|gitea``),
from the same owners as the GitHub file (:mod:`duban.outputs.codeowners`).

**GitLab** (``.gitlab/CODEOWNERS``) reads GitHub's patterns and adds *sections*: a heading
``[name] @owners`` whose owners are the default of every line below it that names none.
Sections are checked separately and all of them must be satisfied, while inside one section
the last matching line wins. duban writes one section, ``[督办部门]`` with the office as its
default owners (or ``[各单位]`` when org.yaml names no office): the same rule as GitHub's
(a unit's file: its maintainers or the office; everything else: the office). Two sections
would make every unit's change wait for the office as well as for the unit.

**Gitea and Forgejo** (``.gitea/CODEOWNERS``) read a Go regular expression per line, anchored
at both ends and matched against the path without a leading ``/``; ``\\`` escapes a space,
``#`` and ``\\`` itself, so a regex escape is written ``\\\\.``. Every matching line counts
(the owners of all of them are asked), not only the last: ``.*`` for the office, then each
unit's files with their maintainers and the office.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from duban.model.model import Model
from duban.model.org import Group, Unit
from duban.outputs.codeowners import (
    DEFAULT_OWNER,
    HEADER,
    NO_DEFAULT_OWNER,
    OFFICE_DATA,
    OFFICE_REPOSITORY,
    account,
    pattern,
)

FORGES = ("github", "gitlab", "gitea")
WHERE = {
    "github": ".github/CODEOWNERS",
    "gitlab": ".gitlab/CODEOWNERS",
    "gitea": ".gitea/CODEOWNERS",
}
"""Where each forge reads the file (GitLab and Gitea also read CODEOWNERS and docs/CODEOWNERS)."""

GITLAB_SECTION = "督办部门"
GITLAB_UNITS_SECTION = "各单位"
GITLAB_NOTE = """\
# GitLab: one section, so the last matching line wins as on GitHub. Code Owners need GitLab
# Premium or Ultimate: on GitLab CE / Free this file has no effect (docs/ci.md).
# GitLab：一个分节，与 GitHub 相同，后面的规则优先。
"""
GITEA_NOTE = """\
# Gitea / Forgejo: each line is a regular expression for the whole path; the owners of every
# matching line are asked for review. Gitea/Forgejo：每行是一个匹配完整路径的正则表达式。
"""
# Characters Go regular expressions give a meaning (regexp.QuoteMeta), and those Gitea's
# tokenizer reads (a space ends the pattern, # starts a comment, \\ escapes).
_GO_META = re.compile(r"([\\.+*?()|\[\]{}^$])")
_GITEA_TOKEN = re.compile(r"([\\ #])")


def _folder(data_path: str) -> str:
    parts = [p for p in PurePosixPath(data_path.replace("\\", "/")).parts if p not in ("/", ".")]
    return "".join(f"/{part}" for part in parts)


def _owners(entity: Unit | Group, office: list[str]) -> str:
    owners = [account(m) for m in entity.maintainers]
    owners += [a for a in office if a not in owners]
    return " ".join(owners)


def _entities(model: Model) -> list[Unit | Group]:
    entities: list[Unit | Group] = [*model.units.values(), *model.groups.values()]
    return sorted((e for e in entities if e.maintainers), key=lambda e: e.id)


def gitlab_codeowners(
    model: Model,
    data_path: str = "data",
    office: Iterable[str] = (),
    data_entries: Iterable[str] = OFFICE_DATA,
) -> str:
    folder = _folder(data_path)
    office_accounts = [account(m) for m in office]
    lines = [HEADER, GITLAB_NOTE]
    if office_accounts:
        owners = " ".join(office_accounts)
        lines.append(DEFAULT_OWNER.format(office=owners))
        lines.append(f"[{GITLAB_SECTION}] {owners}\n*\n")
        present = set(data_entries)
        paths = [pattern(f"{folder}/{name}") for name in OFFICE_DATA if name in present]
        lines.extend(f"{path}\n" for path in [*paths, *OFFICE_REPOSITORY, "/.gitlab/"])
    else:
        lines.append(NO_DEFAULT_OWNER)
        lines.append(f"[{GITLAB_UNITS_SECTION}]\n")
    for entity in _entities(model):
        owners = _owners(entity, office_accounts)
        for kind in ("status", "records"):
            lines.append(f"{pattern(f'{folder}/{kind}/{entity.id}.yaml')} {owners}\n")
    return "".join(lines)


def gitea_pattern(path: str) -> str:
    """A path from the repository root (``/data/org.yaml``; a trailing ``/`` for a folder and
    all below it) as a Gitea CODEOWNERS regular expression that matches it alone."""
    pattern(path)  # the same refusals as on GitHub (control characters, brackets)
    folder = path.endswith("/")
    regex = _GO_META.sub(r"\\\1", path.strip("/")) + ("/.*" if folder else "")
    return _GITEA_TOKEN.sub(r"\\\1", regex)


def gitea_codeowners(model: Model, data_path: str = "data", office: Iterable[str] = ()) -> str:
    folder = _folder(data_path)
    office_accounts = [account(m) for m in office]
    lines = [HEADER, GITEA_NOTE]
    if office_accounts:
        owners = " ".join(office_accounts)
        lines.append(DEFAULT_OWNER.format(office=owners))
        lines.append(f".* {owners}\n")
    else:
        lines.append(NO_DEFAULT_OWNER)
    for entity in _entities(model):
        owners = _owners(entity, office_accounts)
        for kind in ("status", "records"):
            lines.append(f"{gitea_pattern(f'{folder}/{kind}/{entity.id}.yaml')} {owners}\n")
    return "".join(lines)
