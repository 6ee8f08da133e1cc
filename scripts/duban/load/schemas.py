"""JSON Schema checks, one schema per kind of data file, with messages an officer can act on.

Validators are built once per run (building one per document is ~25x slower) and resolve
``$ref`` only against the local ``schemas/`` folder: with no registry, jsonschema would fetch a
remote reference over the network.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import SchemaError, ValidationError
from referencing import Registry, Resource

from duban.i18n.dates import written_date
from duban.i18n.messages import REPORTED_STATE_WORDS
from duban.load.files import NotRegularFile, read_regular
from duban.load.strict_yaml import Document, cannot_read
from duban.model.problems import Problem, field_path

KINDS = ("plan", "org", "task", "status", "rules", "records", "notify", "federation")
SCHEMA_FILES = {kind: f"{kind}.schema.json" for kind in KINDS}

# Friendly names for the patterns the shared definitions use.
_PATTERN_MESSAGES = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "must be a date written YYYY-MM-DD, such as 2010-06-30",
    "^https://[^\\s<>\"']+$": "must be an https:// link without spaces or quotes",
    "^[a-z0-9][a-z0-9-]{0,62}$": "must be an id: lowercase letters, digits and hyphens",
    "^[^\\r\\n]+$": "must be a single line of text",
    "^[a-z0-9][a-z0-9_-]{0,62}$": "must be a name of lowercase letters, digits, _ and -",
    "^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]+)?$": (
        "is not a GitHub account: write a user name (alice) or a team (@org/team)"
    ),
    # notify.yaml names environment variables, never their values
    "^[A-Z][A-Z0-9_]{0,99}$": (
        "must be the name of an environment variable (capital letters, digits and _), "
        "never the address or key itself"
    ),
}


@functools.lru_cache(maxsize=256)
def _anchored(pattern: str) -> re.Pattern[str]:
    """A schema pattern as ECMA-262 means it: its final ``$`` matches only at the very end.

    jsonschema runs patterns with Python's ``re.search``, where ``$`` also matches before a final
    line break, so ``^[a-z0-9-]+$`` would accept ``"alpha\\n"`` as an id."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + "\\Z"
    return re.compile(pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _anchored(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


def default_schema_dir() -> Path:
    """The schemas installed with the package (``duban/schemas/``, see pyproject.toml), else,
    in a source tree or an editable install, the project's own ``schemas/`` folder."""
    package = Path(__file__).resolve().parents[1]  # duban/, two levels above duban/load/schemas.py
    installed = package / "schemas"
    return installed if installed.is_dir() else package.parents[1] / "schemas"


@dataclass(frozen=True)
class SchemaSet:
    """One ready validator per file kind.

    ``fast`` holds a compiled validator per kind (jsonschema-rs) that only answers "valid or
    not": most documents are valid, and it says so about 20 times faster than the jsonschema
    library, which then explains only the documents that are not (its messages and positions
    are the ones users see). Both read the same schemas with the same registry, formats and
    anchors (ECMA-262 ``$`` is the end of the text, like the ``\\Z`` the slow path uses).
    """

    validators: dict[str, Draft202012Validator]
    schema_dir: Path
    fast: dict[str, Any] | None = None

    def check(self, kind: str, document: Document) -> list[Problem]:
        """Every schema problem of one document, in file order."""
        return self.check_entries(kind, document)[0]

    def check_entries(
        self, kind: str, document: Document
    ) -> tuple[list[Problem], dict[int, set[str]] | None]:
        """The schema problems of one document and, for a status file whose only problems lie
        inside some ``obligations[i]`` entries, the indexes of those entries (the others can
        still be checked against the plans in the same run); None when the file as a whole is
        broken or is of another kind."""
        if self.fast is not None and self.fast[kind].is_valid(document.data):
            return [], {} if kind == "status" else None
        validator = self.validators[kind]
        errors = list(validator.iter_errors(document.data))
        return _problems(document, errors), _failing_entries(kind, errors)


def _failing_entries(kind: str, errors: list[ValidationError]) -> dict[int, set[str]] | None:
    """Entry index -> the fields of it that failed ("*": the entry as a whole)."""
    if kind != "status":
        return None
    failing: dict[int, set[str]] = {}
    for error in errors:
        path = tuple(error.absolute_path)
        if len(path) < 2 or path[0] != "obligations" or not isinstance(path[1], int):
            return None
        failing.setdefault(path[1], set()).add(str(path[2]) if len(path) > 2 else "*")
    return failing


def _problems(document: Document, errors: list[ValidationError]) -> list[Problem]:
    # A value of the wrong form also fails its `format`: report the form only, once.
    wrong_form = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    problems = {
        _problem(document, error)
        for error in errors
        if not (error.validator == "format" and tuple(error.absolute_path) in wrong_form)
    }
    return sorted(problems)


_READY: dict[tuple[str, str], SchemaSet] = {}
"""Schema sets already built, by folder and a digest of its schema files: building the
validators costs more than checking a small data folder, and a process (the test suite,
``mkdocs serve``) loads the same schemas again and again."""


def _digest(schema_dir: Path) -> str | None:
    try:
        hasher = hashlib.sha256()
        for path in sorted(schema_dir.glob("*.schema.json")):
            hasher.update(path.name.encode() + b"\0" + read_regular(path, follow=True) + b"\0")
        return hasher.hexdigest()
    except OSError:
        return None  # reported by load_schemas itself


def load_schemas(schema_dir: Path) -> tuple[SchemaSet | None, list[Problem]]:
    """Read and check the schemas; a broken schema is reported like any other data problem."""
    digest = _digest(schema_dir)
    key = (str(schema_dir.resolve()), digest or "")
    if digest is not None and key in _READY:
        return _READY[key], []
    schemas, problems = _load_schemas(schema_dir)
    if schemas is not None and digest is not None:
        if len(_READY) > 8:
            _READY.clear()
        _READY[key] = schemas
    return schemas, problems


def _shipped(name: str) -> bytes | None:
    """The bytes of the schema ``name`` installed with duban (checked against the JSON Schema
    metaschema by tests/load/test_shipped_schemas.py), None if there is none."""
    path = default_schema_dir() / name
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def _load_schemas(schema_dir: Path) -> tuple[SchemaSet | None, list[Problem]]:
    resources: list[tuple[str, Resource]] = []
    contents: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        display = str(path)
        try:
            raw = read_regular(path, follow=True)
            content = json.loads(raw.decode("utf-8"))
            if raw != _shipped(path.name):  # h24o: duban's own schemas are checked by its tests
                Draft202012Validator.check_schema(content)
        except NotRegularFile as error:
            problems.append(cannot_read(display, error))
            continue
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, SchemaError) as error:
            problems.append(Problem(display, 1, 1, "", f"is not a usable JSON Schema: {error}"))
            continue
        resource = Resource.from_contents(content)
        contents[path.name] = content
        resources.append((path.name, resource))
        if "$id" in content:
            resources.append((content["$id"], resource))
    missing = [name for name in SCHEMA_FILES.values() if name not in contents]
    for name in missing:
        problems.append(Problem(str(schema_dir / name), 1, 1, "", "schema file is missing"))
    if problems:
        return None, problems
    registry: Registry = Registry().with_resources(resources)
    checkers = {
        kind: _Validator(
            contents[name],
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        for kind, name in SCHEMA_FILES.items()
    }
    return SchemaSet(checkers, schema_dir, _fast_validators(contents)), []


def _fast_validators(contents: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """jsonschema-rs validators for the yes/no question, or None where it is not installed
    (then the jsonschema library answers everything, only slower)."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - it is a dependency; a stripped install still works
        return None
    resources = []
    for name, content in contents.items():
        resources.append((name, content))
        if "$id" in content:
            resources.append((content["$id"], content))
    registry = jsonschema_rs.Registry(resources)
    return {
        kind: jsonschema_rs.validator_for(contents[name], registry=registry, validate_formats=True)
        for kind, name in SCHEMA_FILES.items()
    }


def _problem(document: Document, error: ValidationError) -> Problem:
    keys = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        line, col = document.position(keys)
        return Problem(document.display, line, col, field_path((*keys, missing)), "is required")
    if kind == "dependentRequired":
        # jsonschema words it "'indicator' is a dependency of 'targets'"
        parts = error.message.split("'")
        missing, given = (parts[1], parts[3]) if len(parts) >= 4 else ("?", "?")
        line, col = document.position(keys)
        message = f"is required when {given} is given"
        return Problem(document.display, line, col, field_path((*keys, missing)), message)
    if kind == "additionalProperties":
        allowed = sorted(_schema_of(error).get("properties", {}))
        extras = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        extra = extras[0] if extras else "?"
        hint = f" (allowed here: {', '.join(allowed)})" if allowed else ""
        guess = closest_key(extra, _schema_of(error).get("properties", {}))
        return document.problem((*keys, extra), f"unknown field{guess}{hint}", of_key=True)
    return document.problem(keys, _message(error))


def _schema_of(error: ValidationError) -> Mapping[str, Any]:
    """The schema object whose keyword failed. The stubs also allow a boolean schema and
    "unset" (an error made by hand); neither has the keywords read from it here."""
    return error.schema if isinstance(error.schema, Mapping) else {}


def _message(error: ValidationError) -> str:
    kind = error.validator
    # any JSON value; a validator always sets both (the stubs' "unset" is for errors made by hand)
    value: Any = error.instance
    expected: Any = error.validator_value
    shown = _show(value)
    if value is None and kind in ("type", "minLength", "minItems"):
        return "is empty"
    if kind == "type":
        names: list[str] = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_NAMES.get(name, name) for name in names)
        return f"must be {wanted}, not {shown}"
    if kind == "enum":
        message = f"must be one of: {', '.join(map(str, expected))} (got {shown})"
        word = REPORTED_STATE_WORDS.get(value.strip()) if isinstance(value, str) else None
        return f"{message}: write {word} for {value.strip()}" if word in expected else message
    if kind == "const":
        return f"must be {expected!r} (got {shown})"
    if kind == "pattern":
        message = _PATTERN_MESSAGES.get(expected, f"does not have the required form {expected}")
        if expected == _ENV_NAME_PATTERN:  # never echo what may be a key into a log
            return message
        day = _as_date(value) if expected == _DATE_PATTERN else None
        return f"{message} (got {shown})" + (f": write {day}" if day else "")
    if kind == "format":
        return f"{shown} is not a real {expected}"
    if kind == "minLength":
        return "must not be empty"
    if kind == "maxLength":
        return f"is longer than {expected} characters"
    if kind == "minItems":
        return "must not be empty" if expected == 1 else f"needs at least {expected} items"
    if kind == "maxItems":
        return f"has more than {expected} items"
    if kind == "uniqueItems":
        return "lists the same item twice"
    if kind == "minimum":
        return f"must be at least {expected} (got {shown})"
    if kind == "maximum":
        return f"must be at most {expected} (got {shown})"
    if kind == "propertyNames":
        return f"has a key that is not an allowed name: {error.message}"
    if kind in ("anyOf", "oneOf"):
        schema = _schema_of(error)
        title = schema.get("description") or schema.get("title")
        return f"{shown} is not valid here" + (f": {title}" if title else "")
    return error.message


_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_ENV_NAME_PATTERN = "^[A-Z][A-Z0-9_]{0,99}$"


def _as_date(value: Any) -> str | None:
    found = written_date(value) if isinstance(value, str) else None
    return found.isoformat() if found else None


def closest_key(wrong: str, properties: dict[str, Any]) -> str:
    """``: did you mean evidence (佐证材料)?`` for a misspelled key, or nothing.

    A key spelled in Chinese is matched against the fields' Chinese titles."""
    by_title = {}
    for name, schema in properties.items():
        title = schema.get("title", "") if isinstance(schema, dict) else ""
        by_title[name] = title.strip()
    found = difflib.get_close_matches(wrong.lower().replace(" ", "_"), list(properties), 1, 0.6)
    if not found:
        found = [
            name
            for name, title in by_title.items()
            if title and (chinese := title.split(" / ")[0].strip()) and chinese in wrong
        ][:1]
    if not found:
        return ""
    name = found[0]
    title = f" ({by_title[name]})" if by_title[name] else ""
    return f": did you mean {name}{title}?"


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a mapping of fields",
    "array": "a list",
    "boolean": "true or false",
    "null": "empty",
}


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"
