"""After the build: the site's bytes and files against ``site_size_limit`` (and the 200,000
files GitLab Pages accepts), one warning line each, which ``mkdocs build --strict`` turns into a
failure (:mod:`duban.site.size` measures and words them)."""

from __future__ import annotations

import logging
from pathlib import Path

from duban.site.size import SiteSize, measure, too_large

log = logging.getLogger("mkdocs.plugins.duban")


def check_site_size(site_dir: Path | str, limit: int) -> SiteSize:
    """Measure the built site in ``site_dir`` and warn for each limit it passes."""
    size = measure(site_dir)
    for line in too_large(size, limit):
        log.warning(line)
    log.debug("duban: the site is %d bytes in %d files", size.bytes, size.files)
    return size
