"""``data/federation.yaml``: this repository's id and the duban sites feeding its roll-ups.

A lower plan's task that says ``implements: <this id>:<plan>/<task>`` counts under that task
here once its repository is one of ``sources``: an https URL of its open-data export (fetched
by ``duban sources refresh``, load/fetch.py, and kept in the cache, load/source_cache.py), or a
local path relative to this file: an exported JSON file or another duban data folder, read in
place at the build's date. docs/sources.md describes every field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from duban.load.strict_yaml import Document
from duban.model.problems import Problem

FEDERATION_FILE = "federation.yaml"

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_STALE_AFTER_DAYS = 7


@dataclass(frozen=True)
class SourceConfig:
    """One other duban site (or data folder) whose export feeds this repository's roll-ups."""

    id: str
    name: str
    export: str
    """An https URL, or a path relative to ``base`` (a JSON export file or a data folder)."""
    base: Path
    """The folder of federation.yaml (the data folder), which local paths are relative to."""
    site: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    ca_bundle: str | None = None

    @property
    def is_url(self) -> bool:
        return self.export.startswith("https://")

    @property
    def local_path(self) -> Path:
        return self.base / self.export

    @property
    def ca_path(self) -> Path | None:
        return self.base / self.ca_bundle if self.ca_bundle else None


@dataclass(frozen=True)
class UpperSite:
    """A repository this one's tasks implement (``implements: <id>:<plan>/<task>``): where the
    lower task's page links up to."""

    id: str
    name: str
    site: str | None = None


@dataclass(frozen=True)
class FederationConfig:
    id: str | None = None
    """This repository's id (what lower plans write before ``:`` in ``implements``)."""
    name: str | None = None
    sources: tuple[SourceConfig, ...] = ()
    upper: tuple[UpperSite, ...] = ()

    def source(self, source_id: str) -> SourceConfig | None:
        return next((s for s in self.sources if s.id == source_id), None)


NO_FEDERATION = FederationConfig()


def federation_config(document: Document | None, base: Path) -> FederationConfig:
    """The configuration of a schema-valid ``federation.yaml`` (NO_FEDERATION without one);
    ``base``: the folder holding it."""
    if document is None or not isinstance(document.data, dict):
        return NO_FEDERATION
    data: dict[str, Any] = document.data
    sources = tuple(
        SourceConfig(
            id=spec["id"],
            name=spec["name"],
            export=spec["export"],
            base=base,
            site=spec.get("site"),
            timeout=float(spec.get("timeout", DEFAULT_TIMEOUT)),
            max_bytes=int(spec.get("max_bytes", DEFAULT_MAX_BYTES)),
            stale_after_days=int(spec.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)),
            ca_bundle=spec.get("ca_bundle"),
        )
        for spec in data.get("sources") or ()
    )
    upper = tuple(UpperSite(u["id"], u["name"], u.get("site")) for u in data.get("upper") or ())
    return FederationConfig(data.get("id"), data.get("name"), sources, upper)


def federation_problems(document: Document, base: Path) -> list[Problem]:
    """What the schema cannot see: two sources with one id, a source (or upper site) named
    like this repository, an address that is neither https nor a path, a missing local path
    or CA file."""
    config = federation_config(document, base)
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, source in enumerate(config.sources):
        at = ("sources", index)
        if source.id in seen:
            problems.append(
                document.problem((*at, "id"), f"another source has the id {source.id} too")
            )
        seen.add(source.id)
        if source.id == config.id:
            message = f"source {source.id} has the id of this repository: give it its own"
            problems.append(document.problem((*at, "id"), message))
        if not source.is_url:
            if "://" in source.export or source.export.lower().startswith(("http:", "file:")):
                message = "must be an https:// address or a path relative to federation.yaml"
                problems.append(document.problem((*at, "export"), message))
            elif not source.local_path.exists():
                message = f"{source.export} does not exist (a path is relative to federation.yaml)"
                problems.append(document.problem((*at, "export"), message))
            if source.ca_bundle:
                message = "is only for an https:// export"
                problems.append(document.problem((*at, "ca_bundle"), message))
        elif source.ca_path is not None and not source.ca_path.is_file():
            message = f"{source.ca_bundle} does not exist (a path is relative to federation.yaml)"
            problems.append(document.problem((*at, "ca_bundle"), message))
    for index, upper in enumerate(config.upper):
        if upper.id == config.id:
            message = f"source {upper.id} has the id of this repository: give it its own"
            problems.append(document.problem(("upper", index, "id"), message))
    return problems
