"""Another duban site's open-data export as this repository reads it, and each source's health.

Built by ``load/export_reader.py`` from a fetched (or local) export after it passed the export
schema; every text in it is untrusted (cut to size, refused characters dropped, but still to be
escaped wherever it is shown, and links are https only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.model.links import Implementer

FORMAT_V3 = "duban-export/3"
FORMAT_V4 = "duban-export/4"

# the health of a source (SourceHealth.state)
OK = "ok"
STALE = "stale"
"""A copy older than the source's ``stale_after_days``: shown as 数据截至 <date>."""
OUTDATED = "outdated"
"""A copy in format 3, which carries no roll-up (no buckets, no links): no rows."""
UNREACHABLE = "unreachable"
"""No copy: nothing could be fetched (or never tried)."""
INVALID = "invalid"
"""No copy: what came was not a valid export."""
HEALTH_STATES = (OK, STALE, OUTDATED, UNREACHABLE, INVALID)


@dataclass(frozen=True)
class ExportTask:
    id: str
    """``<plan>/<task>`` or ``<plan>/<task>/<item>`` in the source."""
    plan_id: str
    label: str
    title: str
    implements: tuple[tuple[str, str | None], ...] = ()
    """(to, as_written) of each link, ``to`` as written (``<repo>:<plan>/<task>`` or local)."""


@dataclass(frozen=True)
class ExportObligation:
    task_id: str
    holder_id: str
    bucket: str | None


LinkedRow = Implementer
"""One row the source rolled up from ITS sources (export v4 ``linked``), in its terms: the
same fields as a row rolled up here."""


@dataclass(frozen=True)
class ChildExport:
    format: str
    as_of: dt.date | None
    repository_id: str | None
    repository_name: str | None
    plans: dict[str, str]
    """plan id -> title."""
    tasks: dict[str, ExportTask]
    holders: dict[str, str]
    """unit or group id -> name."""
    obligations: tuple[ExportObligation, ...]
    linked: tuple[LinkedRow, ...] = ()

    @property
    def outdated(self) -> bool:
        return self.format == FORMAT_V3


@dataclass(frozen=True)
class SourceHealth:
    source_id: str
    source_name: str
    state: str
    """One of :data:`HEALTH_STATES`."""
    copy_date: dt.date | None = None
    """The date the copy's data is as of (its export's ``as_of``, else the day it was fetched)."""
    reason: str | None = None
    """Why there is no copy, or why the last refresh failed (already in the chosen language)."""
    site: str | None = None
    """The source's site (https), for a link to it."""

    @property
    def healthy(self) -> bool:
        return self.state == OK


@dataclass(frozen=True)
class Feed:
    """One source as the roll-up reads it: its copy (None when there is none) and health."""

    source_id: str
    source_name: str
    site: str | None
    export: ChildExport | None
    health: SourceHealth
