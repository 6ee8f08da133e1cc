"""Lines the plugin writes to the build's log about the data."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from duban.model.problems import Problem, shown

log = logging.getLogger("mkdocs.plugins.duban")


def log_warnings(warnings: Sequence[Problem]) -> None:
    """Personal data and the like: logged as MkDocs warnings, so a --strict build fails."""
    shown_warnings, more = shown(warnings)
    for warning in shown_warnings:
        log.warning("duban: %s", warning)
    if more:
        log.warning("duban: %s", more.replace("problems", "warnings").replace("问题", "警告"))
