"""Atomic builds: the site is built into a temporary folder beside ``site_dir`` and swapped in
only when the whole build succeeded (:mod:`duban.site.swap` does the exchange)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from duban.i18n.messages import say
from duban.site import swap

log = logging.getLogger("mkdocs.plugins.duban")


class AsideBuild:
    """A build into a temporary folder beside ``site_dir``, swapped in only when it succeeded."""

    def __init__(self, config: MkDocsConfig, site_dir: Path, building: Path):
        self.config, self.site_dir, self.building = config, site_dir, building
        # MkDocs checks strict mode's warnings only after on_post_build: count them ourselves
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        if config.strict:
            logging.getLogger("mkdocs").addHandler(self.warnings)

    @classmethod
    def start(cls, config: MkDocsConfig) -> AsideBuild:
        """Clear what killed builds left (site/swap.py) and make the folder to build in; a folder
        that cannot be made is one line (PluginError), not a traceback."""
        site_dir = Path(config.site_dir).absolute()
        try:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            for line in swap.clean_leftovers(site_dir):
                log.warning("duban: %s", line)
            building = swap.building_folder(site_dir)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            where = error.filename or site_dir.parent
            message = say(
                f"duban: cannot build the site beside {site_dir}: {where}: {reason}",
                f"duban：无法在 {site_dir} 旁边生成网站：{where}：{reason}",
            )
            raise PluginError(message) from None
        config.site_dir = os.fspath(building)
        return cls(config, site_dir, building)

    def finish(self, config: MkDocsConfig) -> None:
        """Swap the new site in, unless strict mode is about to fail the build."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.warnings.get_counts():
            self.abandon()
            return
        umask = os.umask(0)
        os.umask(umask)
        try:
            self.building.chmod(0o777 & ~umask)  # mkdtemp made it 0700
            left = swap.swap_in(self.building, self.site_dir)  # never a moment without site/
        except OSError as error:
            self.abandon()
            reason = error.strerror or type(error).__name__
            message = say(
                f"duban: cannot put the new site in place: {self.site_dir}: {reason}",
                f"duban：无法用新生成的网站替换 {self.site_dir}：{reason}",
            )
            raise PluginError(message) from None
        config.site_dir = os.fspath(self.site_dir)  # gh-deploy reads it after the build
        if left:
            log.warning("duban: %s", left)

    def abandon(self) -> None:
        """A failed or interrupted build: drop it; the previous site stays as it was."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        self.config.site_dir = os.fspath(self.site_dir)
        swap.remove_tree(self.building)
