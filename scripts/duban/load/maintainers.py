"""org.yaml's maintainers: each a GitHub account, and a supervising office that has some.

Run by the project loader; :mod:`duban.outputs.codeowners` writes CODEOWNERS from the same facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from duban.load.resolve.context import name_key
from duban.load.strict_yaml import Document
from duban.model.problems import Problem

# A GitHub user (alice, @alice) or team (@org/team), matched whole: a name ending in a line
# break must never write a broken line.
ACCOUNT = re.compile(r"@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]+)?")
NOT_AN_ACCOUNT = "is not a GitHub account: write a user name (alice) or a team (@org/team)"


def office_maintainers(org: Document | None) -> tuple[str, ...]:
    """The maintainers of the unit or group org.yaml names as its supervising office."""
    if org is None or not isinstance(org.data, dict):
        return ()
    found = _office(org.data)
    return tuple(found[1].get("maintainers") or ()) if found else ()


def office_id(org: Document | None) -> str | None:
    """The id of the unit or group org.yaml names as its supervising office (None: none)."""
    if org is None or not isinstance(org.data, dict):
        return None
    found = _office(org.data)
    return found[0] if found else None


def org_problems(org: Document) -> list[Problem]:
    """Maintainer names that are not GitHub accounts (whole-string match), and a
    ``supervising_office`` that names no unit or a unit without maintainers."""
    data = org.data if isinstance(org.data, dict) else {}
    problems = []
    for kind, index, entity in _entities(data):
        for j, name in enumerate(entity.get("maintainers") or ()):
            if isinstance(name, str) and not ACCOUNT.fullmatch(name):
                problems.append(org.problem((kind, index, "maintainers", j), NOT_AN_ACCOUNT))
    ref = data.get("supervising_office")
    if isinstance(ref, str):
        found = _office(data)
        if found is None:
            message = f"{ref!r} is not a unit or group in org.yaml"
            problems.append(org.problem(("supervising_office",), message))
        elif not found[1].get("maintainers"):
            message = f"{ref!r} has no maintainers: list the office's GitHub accounts there"
            problems.append(org.problem(("supervising_office",), message))
    return problems


def _entities(data: dict[str, Any]) -> Iterable[tuple[str, int, dict[str, Any]]]:
    for kind in ("units", "groups"):
        for index, entity in enumerate(data.get(kind) or ()):
            if isinstance(entity, dict):
                yield kind, index, entity


def _office(data: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    ref = data.get("supervising_office")
    if not isinstance(ref, str):
        return None
    wanted = name_key(ref)
    for _, _, entity in _entities(data):
        names = [entity.get("id"), entity.get("name"), entity.get("short_name")]
        names += list(entity.get("aliases") or ())
        if any(isinstance(n, str) and name_key(n) == wanted for n in names):
            return str(entity.get("id")), entity
    return None
