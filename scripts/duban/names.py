"""Names of units and groups that only look different: compared after Unicode NFKC.

``区（县）司法局`` (full-width brackets) and ``区(县)司法局`` are the same name to a reader, but not
to a string comparison, so a task naming one could silently mean another unit. Zero-width and
bidirectional characters are refused by the loader; this closes the width and compatibility
variants: two different units or groups whose names, short names or aliases are equal after
``unicodedata.normalize("NFKC", ...)`` but not as written are a problem.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from .loader import Document
from .problems import Problem

NAME_FIELDS = ("name", "short_name", "aliases")


def lookalike(name: str, first: str, where: str) -> str:
    return (
        f"{name!r} reads the same as {first!r} ({where}) after Unicode normalisation (NFKC): "
        f"write it the same way, or choose another name"
    )


def lookalike_names(org: Document) -> list[Problem]:
    data = org.data if isinstance(org.data, dict) else {}
    seen: dict[str, tuple[str, str, Any]] = {}  # normalized -> (as written, owner id, keys)
    problems = []
    for kind in ("units", "groups"):
        for index, entity in enumerate(data.get(kind) or ()):
            if not isinstance(entity, dict):
                continue
            for keys, name in _names(entity, (kind, index)):
                normal = unicodedata.normalize("NFKC", name)
                if normal not in seen:
                    seen[normal] = (name, str(entity.get("id")), keys)
                    continue
                first, owner, first_keys = seen[normal]
                if first != name and owner != entity.get("id"):
                    where = f"line {org.position(first_keys)[0]}, {owner}"
                    problems.append(org.problem(keys, lookalike(name, first, where)))
    return problems


def _names(entity: dict[str, Any], keys: tuple[str | int, ...]):
    for field in NAME_FIELDS:
        value = entity.get(field)
        if isinstance(value, str):
            yield (*keys, field), value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield (*keys, field, i), item
