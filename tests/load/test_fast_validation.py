"""The compiled validator (jsonschema-rs) answers "valid?" for speed; the jsonschema library
explains what is not. They must agree on every document, or a problem would go unreported:
checked on every case folder and example, and on each of their values replaced by awkward ones."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from duban.load.schemas import load_schemas
from duban.load.strict_yaml import load_document
from helpers import CASES, ROOT

SCHEMAS, _ = load_schemas(ROOT / "schemas")
KIND_OF_FOLDER = {"status": "status", "records": "records", "tasks": "task"}
AWKWARD = ("", "beta\n", "2010-02-30", "http://a", -1, 2.5, True, None, [], "0" * 70)


def kind_of(path: Path) -> str | None:
    if path.name in ("org.yaml", "plan.yaml", "rules.yaml"):
        return path.stem
    return KIND_OF_FOLDER.get(path.parent.name)


def documents() -> Iterator[tuple[str, str, object]]:
    roots = [CASES, ROOT / "examples" / "county", ROOT / "data"]
    for root in roots:
        for path in sorted(root.rglob("*.yaml")):
            kind = kind_of(path)
            if kind is None or "expected" in path.name:
                continue
            document, _ = load_document(path)
            if document is not None and document.data is not None:
                yield str(path.relative_to(ROOT)), kind, document.data


def leaves(data: object, keys: tuple = ()) -> Iterator[tuple]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*keys, key))
    elif isinstance(data, list):
        for index, value in enumerate(data[:3]):  # the first items stand for the rest
            yield from leaves(value, (*keys, index))
    else:
        yield keys


def replaced(data: object, keys: tuple, value: object) -> object:
    copied = copy.deepcopy(data)
    target = copied
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return copied


def agree(kind: str, data: object) -> bool:
    assert SCHEMAS is not None and SCHEMAS.fast is not None
    fast = SCHEMAS.fast[kind].is_valid(data)
    slow = not any(True for _ in SCHEMAS.validators[kind].iter_errors(data))
    return fast == slow


DOCUMENTS = list(documents())


def test_there_are_documents_of_every_kind():
    assert {kind for _, kind, _ in DOCUMENTS} == {
        "org",
        "plan",
        "rules",
        "task",
        "status",
        "records",
    }


@pytest.mark.parametrize("name,kind,data", DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_the_two_validators_agree_on_the_document_and_on_awkward_values(name, kind, data):
    assert agree(kind, data), name
    disagreements = [
        (keys, value)
        for keys in list(leaves(data))[:15]
        if keys
        for value in AWKWARD
        if not agree(kind, replaced(data, keys, value))
    ]
    assert disagreements == []
