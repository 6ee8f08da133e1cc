"""The plugin's part in federation (h20b): the rows the sources of data/federation.yaml give."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

from duban.federation.sources import federation_rows, health_line
from duban.load.project import Project
from duban.outputs.federation import rolled_up_rows
from duban.site import LinkedSource, Settings
from duban.site.implementers import linked_sources

log = logging.getLogger("mkdocs.plugins.duban")


def federation(
    project: Project, settings: Settings, as_of: dt.date, refresh: bool
) -> tuple[Settings, dict[str, LinkedSource]]:
    """The rows from the sources' cached copies (fetched first with ``refresh_sources:
    true``); a source in poor health is one line of the build's log (INFO: a strict build must
    not fail for another site) and its pages say so."""
    config, rows, healths = federation_rows(project, as_of, refresh=refresh)
    for health in healths:
        if not health.healthy:
            log.info("duban: " + health_line(health))
    settings = replace(
        settings,
        federation_id=(config.id, config.name) if config.id else None,
        federated=tuple(rolled_up_rows(rows)),
        source_health=tuple(healths),
    )
    return settings, linked_sources(config)
