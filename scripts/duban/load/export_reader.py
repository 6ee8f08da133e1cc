"""Another duban site's open-data export, read as untrusted input: JSON parsed, checked against
``schemas/export.schema.json`` (the schema installed with this duban, never the sender's), and
turned into a :class:`~duban.model.federation.ChildExport` whose texts are cut to size and
stripped of the characters no data may hold (load/characters.py: the loader's own rule).

A format 3 export is accepted (it is valid, only older) and carries no roll-up: the caller
flags it. Every refusal is :class:`InvalidExport` with one line of reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from duban.i18n.messages import say
from duban.load.characters import REFUSED_IN_VALUES
from duban.load.files import read_regular
from duban.load.schemas import default_schema_dir
from duban.model.federation import (
    ChildExport,
    ExportObligation,
    ExportTask,
    LinkedRow,
)
from duban.model.problems import field_path, printable

EXPORT_SCHEMA = "export.schema.json"
TITLE_CHARS = 300
"""A title, label or name from another site is cut to this many characters."""
_HTTPS_CHARS = frozenset(" \t\r\n<>\"'`\\")


class InvalidExport(Exception):
    """What came is not a usable export: one line, in the chosen language."""


@functools.cache
def _schema() -> dict[str, Any]:
    raw = read_regular(default_schema_dir() / EXPORT_SCHEMA, follow=True)
    schema: dict[str, Any] = json.loads(raw.decode("utf-8"))
    return schema


@functools.cache
def _fast() -> Any:
    return jsonschema_rs.validator_for(_schema(), validate_formats=True)


def parse_export(raw: bytes) -> Any:
    """The JSON value of ``raw``, or InvalidExport."""
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        reason = printable(str(error))[:200]
        raise InvalidExport(say(f"not JSON: {reason}", f"不是 JSON 文件：{reason}")) from None


def read_export(data: Any) -> ChildExport:
    """The export ``data`` (parsed JSON) after the schema, or InvalidExport."""
    if not _fast().is_valid(data):
        error = best_match(Draft202012Validator(_schema()).iter_errors(data))
        where = field_path(tuple(error.absolute_path)) if error is not None else ""
        what = printable(error.message)[:200] if error is not None else "?"
        raise InvalidExport(
            say(
                f"does not match the export schema: {where or '(top)'}: {what}",
                f"不符合开放数据格式（export.schema.json）：{where or '（顶层）'}：{what}",
            )
        )
    return _child(data)


def clean(text: Any, limit: int = TITLE_CHARS) -> str:
    """Untrusted text as one line: refused characters dropped, cut to ``limit`` characters."""
    if not isinstance(text, str):
        return ""
    line = " ".join(REFUSED_IN_VALUES.sub("", text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def https_or_none(url: Any) -> str | None:
    """An https URL that may become a link, else None (``javascript:``, quotes, spaces …)."""
    if not isinstance(url, str) or not url.startswith("https://") or len(url) > 2000:
        return None
    if any(ch in _HTTPS_CHARS for ch in url) or REFUSED_IN_VALUES.search(url):
        return None
    return url


def _date(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _child(data: dict[str, Any]) -> ChildExport:
    repository = data.get("repository") or {}
    as_of = _date(data.get("as_of"))
    plans = {p["id"]: clean(p.get("title")) for p in data["plans"]}
    holders = {h["id"]: clean(h.get("name")) for h in (*data["units"], *data["groups"])}
    tasks = {}
    for task in data["tasks"]:
        tasks[task["id"]] = ExportTask(
            id=task["id"],
            plan_id=task["plan_id"],
            label=clean(task.get("label")),
            title=clean(task.get("title")),
            implements=tuple(
                (link["to"], clean(link.get("as_written")) or None)
                for link in task.get("implements") or ()
            ),
        )
    obligations = tuple(
        ExportObligation(o["task_id"], o["holder_id"], o.get("bucket")) for o in data["obligations"]
    )
    linked = tuple(_linked(row) for row in data.get("linked") or ())
    return ChildExport(
        format=data["format"],
        as_of=as_of,
        repository_id=repository.get("id"),
        repository_name=clean(repository.get("name")) or None,
        plans=plans,
        tasks=tasks,
        holders=holders,
        obligations=obligations,
        linked=tuple(row for row in linked if row is not None),
    )


def _linked(row: dict[str, Any]) -> LinkedRow | None:
    as_of = _date(row["as_of"])
    if as_of is None:
        return None
    return LinkedRow(
        target=row["target"],
        source_id=row["source_id"],
        source_name=clean(row["source_name"]),
        plan_id=row["plan_id"],
        plan_title=clean(row["plan_title"]),
        task_id=row["task_id"],
        task_label=clean(row["task_label"]),
        task_title=clean(row["task_title"]),
        holder_id=row["holder_id"],
        holder_name=clean(row["holder_name"]),
        bucket=row["bucket"],
        as_of=as_of,
        url=https_or_none(row.get("url")),
        as_written=clean(row.get("as_written")) or None,
        via=tuple(row.get("via") or ()),
    )
