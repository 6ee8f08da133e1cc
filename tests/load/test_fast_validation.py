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


def disagreements(kind: str, data: object, paths: list[tuple]) -> list[tuple]:
    """The (path, value) pairs where the two validators disagree once the value is put there."""
    return [
        (keys, value)
        for keys in paths
        for value in AWKWARD
        if not agree(kind, replaced(data, keys, value))
    ]


def paths_of(data: object) -> list[tuple]:
    return [keys for keys in list(leaves(data))[:15] if keys]


def shape(kind: str, keys: tuple) -> tuple:
    """A value's place in the schema: its kind and keys, a list's index as any index."""
    return (kind, *("#" if isinstance(key, int) else key for key in keys))


def fresh_paths() -> list[tuple[str, str, object, list[tuple]]]:
    """Each document with the paths of its values whose place in the schema fewer than two
    earlier documents showed: 214 documents have 2,408 such paths but only 174 places, and the
    awkward values at one place ask the same of the schema (the sweep asks it at every path)."""
    seen: dict[tuple, int] = {}
    out = []
    for name, kind, data in DOCUMENTS:
        paths = [keys for keys in paths_of(data) if seen.get(shape(kind, keys), 0) < 2]
        for keys in paths_of(data):
            seen[shape(kind, keys)] = seen.get(shape(kind, keys), 0) + 1
        out.append((name, kind, data, paths))
    return out


@pytest.mark.parametrize("name,kind,data,paths", fresh_paths(), ids=[d[0] for d in DOCUMENTS])
def test_the_two_validators_agree_on_the_document_and_on_awkward_values(name, kind, data, paths):
    assert agree(kind, data), name
    assert disagreements(kind, data, paths) == []


def test_every_place_of_every_kind_gets_the_awkward_values():
    """The default run's paths cover every place in the schema that any document has."""
    covered = {shape(kind, keys) for _, kind, _, paths in fresh_paths() for keys in paths}
    assert covered == {shape(kind, keys) for _, kind, data in DOCUMENTS for keys in paths_of(data)}
    assert len(covered) > 100


@pytest.mark.sweep
@pytest.mark.parametrize("name,kind,data", DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_awkward_values_at_every_path_of_every_document(name, kind, data):
    assert disagreements(kind, data, paths_of(data)) == []
