"""The sources of data/federation.yaml as a build and a check read them: each source's cached
copy (load/source_cache.py), a local export file, or a local data folder loaded and exported in
place at the build's date; the rows they give (outputs/federation.py) and each source's health;
and the refresh of the cached copies (load/fetch.py), the only way to the network, which
``duban sources refresh``, ``duban check --refresh`` and the plugin's ``refresh_sources`` ask for.

Between ``outputs`` and the edges (``cli``, ``plugin``), which both read it: it loads data folders
(``load``), evaluates them (``evaluation``) and exports them (``outputs``). Nothing here fails
for a source: a source that cannot be fetched, sends what is not an export, or is older than its
``stale_after_days`` is a health state and one line, never an exception.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from duban.evaluation.evaluate import DEFAULT_DUE_SOON_DAYS, evaluate
from duban.i18n.dates import iso_date
from duban.i18n.messages import say
from duban.i18n.os_errors import os_reason
from duban.load.export_reader import InvalidExport, parse_export, read_export
from duban.load.federation_config import (
    FEDERATION_FILE,
    NO_FEDERATION,
    FederationConfig,
    SourceConfig,
    federation_config,
)
from duban.load.fetch import FAILED, UNCHANGED, fetch
from duban.load.files import read_regular
from duban.load.project import Project, load_project
from duban.load.source_cache import (
    CopyMeta,
    cache_dir,
    digest,
    read_copy,
    read_meta,
    write_copy,
    write_meta,
)
from duban.model.federation import (
    INVALID,
    OK,
    OUTDATED,
    STALE,
    UNREACHABLE,
    ChildExport,
    Feed,
    SourceHealth,
)
from duban.model.problems import printable
from duban.outputs.federation import Rows, federated_implementers, rolled_up_rows
from duban.outputs.open_data import export_data

MAX_DEPTH = 8
"""Local data folders read inside each other (province -> city -> county …) at most."""


def config_of(project: Project) -> FederationConfig:
    document = next((d for d in project.documents if d.file == FEDERATION_FILE), None)
    return federation_config(document, project.data_dir)


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- refreshing ----------------------------------------------------------------------------------
def refresh_source(source: SourceConfig, folder: Path) -> tuple[str, str | None]:
    """Fetch one https source into the cache: (outcome, reason); outcome is ``updated``,
    ``unchanged``, ``unreachable`` or ``invalid``. The last good copy stays on any failure."""
    meta = read_meta(folder, source.id)
    raw = read_copy(folder, source.id, source.max_bytes)
    trusted = raw is not None and meta.sha256 == digest(raw) and meta.url == source.export
    got = fetch(
        source.export,
        timeout=source.timeout,
        max_bytes=source.max_bytes,
        ca_bundle=source.ca_path,
        etag=meta.etag if trusted else None,
        last_modified=meta.last_modified if trusted else None,
    )
    checked = _now()
    if got.outcome == FAILED:
        write_meta(
            folder,
            source.id,
            replace(meta, checked=checked, error=got.reason, error_kind=UNREACHABLE),
        )
        return UNREACHABLE, got.reason
    if got.outcome == UNCHANGED:
        write_meta(folder, source.id, replace(meta, checked=checked, error=None, error_kind=None))
        return UNCHANGED, None
    try:
        read_export(parse_export(got.body))
    except InvalidExport as invalid:
        write_meta(
            folder,
            source.id,
            replace(meta, checked=checked, error=str(invalid), error_kind=INVALID),
        )
        return INVALID, str(invalid)
    fresh = CopyMeta(checked, source.export, got.etag, got.last_modified, None, checked)
    write_copy(folder, source.id, got.body, fresh)
    return "updated", None


def refresh_all(config: FederationConfig, data_dir: Path, only: str | None = None) -> list[str]:
    """Refresh every https source (or ``only``): one line each, in the chosen language."""
    folder = cache_dir(data_dir)
    lines = []
    for source in config.sources:
        if only is not None and source.id != only:
            continue
        name = f"{printable(source.name)}（{source.id}）"
        if not source.is_url:
            lines.append(
                say(
                    f"{name}: local, read in place at each build",
                    f"{name}：本地数据，构建时直接读取",
                )
            )
            continue
        try:
            outcome, reason = refresh_source(source, folder)
        except OSError as error:  # the cache folder cannot be written: the copy stays as it was
            where = printable(str(folder))
            outcome, reason = (
                UNREACHABLE,
                say(
                    f"cannot write the copy in {where}: {os_reason(error)}",
                    f"无法在 {where} 中保存副本：{os_reason(error)}",
                ),
            )
        lines.append(name + say(": ", "：") + _outcome_words(outcome, reason))
    return lines


def _outcome_words(outcome: str, reason: str | None) -> str:
    if outcome == "updated":
        return say("updated", "已更新")
    if outcome == UNCHANGED:
        return say("unchanged", "未变化")
    if outcome == INVALID:
        return say(f"invalid data: {reason}", f"数据无效：{reason}")
    return say(f"cannot be fetched: {reason}", f"无法获取：{reason}")


# -- reading: the feeds of a build --------------------------------------------------------------
def feeds(
    config: FederationConfig,
    data_dir: Path,
    as_of: dt.date,
    *,
    refresh: bool = False,
    _inside: tuple[Path, ...] = (),
) -> list[Feed]:
    """Every source as a build reads it (``refresh``: fetch the https ones first)."""
    if refresh:
        refresh_all(config, data_dir)
    folder = cache_dir(data_dir)
    result = []
    for source in config.sources:
        if source.is_url:
            export, health = _cached(source, folder, as_of)
        elif source.local_path.is_dir():
            export, health = _local_folder(source, as_of, (*_inside, data_dir.resolve()))
        else:
            export, health = _local_file(source, as_of)
        health = replace(health, site=source.site)
        result.append(Feed(source.id, source.name, source.site, export, health))
    return result


def _health(
    source: SourceConfig, export: ChildExport, copied: dt.date | None, as_of: dt.date
) -> SourceHealth:
    day = export.as_of or copied
    if export.outdated:
        return SourceHealth(source.id, source.name, OUTDATED, day)
    if day is not None and (as_of - day).days > source.stale_after_days:
        return SourceHealth(source.id, source.name, STALE, day)
    return SourceHealth(source.id, source.name, OK, day)


def _cached(
    source: SourceConfig, folder: Path, as_of: dt.date
) -> tuple[ChildExport | None, SourceHealth]:
    meta = read_meta(folder, source.id)
    raw = read_copy(folder, source.id, source.max_bytes)
    if raw is None:
        state = INVALID if meta.error_kind == INVALID else UNREACHABLE
        reason = meta.error or say(
            "not fetched yet: run duban sources refresh", "尚未获取：请运行 duban sources refresh"
        )
        return None, SourceHealth(source.id, source.name, state, None, reason)
    try:
        export = read_export(parse_export(raw))
    except InvalidExport as invalid:
        return None, SourceHealth(source.id, source.name, INVALID, None, str(invalid))
    health = _health(source, export, iso_date((meta.fetched or "")[:10]), as_of)
    return export, replace(health, reason=meta.error)


def _local_file(source: SourceConfig, as_of: dt.date) -> tuple[ChildExport | None, SourceHealth]:
    try:
        raw = read_regular(source.local_path, source.max_bytes + 1)
        if len(raw) > source.max_bytes:
            raise InvalidExport(
                say(
                    f"larger than its max_bytes ({source.max_bytes} bytes)",
                    f"超过 max_bytes 规定的大小（{source.max_bytes} 字节）",
                )
            )
        export = read_export(parse_export(raw))
    except OSError as error:
        reason = say(f"cannot read {source.export}: ", f"无法读取 {source.export}：")
        return None, SourceHealth(source.id, source.name, INVALID, None, reason + os_reason(error))
    except InvalidExport as error:
        reason = printable(str(error))
        return None, SourceHealth(source.id, source.name, INVALID, None, reason)
    return export, _health(source, export, None, as_of)


def _local_folder(
    source: SourceConfig, as_of: dt.date, inside: tuple[Path, ...]
) -> tuple[ChildExport | None, SourceHealth]:
    data_dir = source.local_path
    if data_dir.resolve() in inside or len(inside) > MAX_DEPTH:
        reason = say("the local sources lead back here", "本地数据来源循环引用")
        return None, SourceHealth(source.id, source.name, INVALID, None, reason)
    project = load_project(data_dir)
    if not project.ok or project.model is None:
        first = printable(str(project.problems[0])) if project.problems else "?"
        reason = say(f"the data folder has problems: {first}", f"数据文件夹有问题：{first}")
        return None, SourceHealth(source.id, source.name, INVALID, None, reason)
    export = child_export(project, as_of, inside)
    return export, _health(source, export, None, as_of)


def child_export(project: Project, as_of: dt.date, inside: tuple[Path, ...] = ()) -> ChildExport:
    """A data folder's export 4 at ``as_of`` (its own sources read from its cache), as a parent
    reads it: the same checks as a fetched copy."""
    assert project.model is not None
    evaluation = evaluate(project.model, as_of, DEFAULT_DUE_SOON_DAYS)
    config = config_of(project)
    rows = federated_implementers(config.id, feeds(config, project.data_dir, as_of, _inside=inside))
    data = export_data(
        project.model,
        evaluation=evaluation,
        repository=(config.id, config.name) if config.id else None,
        linked=rolled_up_rows(rows),
    )
    return read_export(data)


def federation_rows(
    project: Project, as_of: dt.date, *, refresh: bool = False
) -> tuple[FederationConfig, Rows, list[SourceHealth]]:
    """This repository's config, the rows its sources give (target -> rows) and their health."""
    config = config_of(project)
    if config is NO_FEDERATION or not config.sources:
        return config, {}, []
    found = feeds(config, project.data_dir, as_of, refresh=refresh)
    return config, federated_implementers(config.id, found), [f.health for f in found]


def health_line(health: SourceHealth) -> str:
    """One warning line for a source that is not healthy (``duban check``, the build's log)."""
    name = f"{printable(health.source_name)}（{health.source_id}）"
    day = health.copy_date.isoformat() if health.copy_date else "?"
    if health.state == STALE:
        return say(f"source {name}: data as of {day}", f"数据来源 {name}：数据截至 {day}")
    if health.state == OUTDATED:
        return say(
            f"source {name}: an export of format 3 carries no roll-up "
            "(its site runs an older duban)",
            f"数据来源 {name}：开放数据为旧格式 duban-export/3，没有汇总数据"
            "（下级网站的 duban 版本较旧）",
        )
    reason = printable(health.reason or "")
    if health.state == INVALID:
        return say(
            f"source {name}: invalid data: {reason}",
            f"数据来源 {name}：数据无效（无法获取）：{reason}",
        )
    return say(
        f"source {name}: cannot be fetched: {reason}", f"数据来源 {name}：无法获取：{reason}"
    )
