"""The MkDocs edge: configuration, the clock, and handing generated pages to MkDocs.

Everything else happens in :mod:`duban.project` (load and check the data) and
:mod:`duban.render` (pure functions that build strings). Only the core plugin API is used:
``on_config``, ``on_files`` with ``File.generated`` and ``on_serve``, so moving to another site
engine later means rewriting this one module.

mkdocs.yml::

    plugins:
      - search
      - duban:
          data_dir: data            # the data folder, relative to mkdocs.yml
          as_of: ""                 # YYYY-MM-DD; empty means the day of the build
          language: zh              # zh | en: the site's UI text
          due_soon_days: 30
          edit_url: https://github.com/OWNER/REPO/edit/main/   # "edit this record" links
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .problems import shown
from .project import find_schema_dir, load_project
from .render import Settings, asset_files, render_site, urls
from .render.locale import LANGUAGES


class DubanConfig(base.Config):
    data_dir = c.Type(str, default="data")
    # a date, or a string; YAML (and !ENV) read an unquoted 2010-12-15 as a date
    as_of = c.Type((str, dt.date), default="")
    language = c.Choice(LANGUAGES, default="zh")
    due_soon_days = c.Type(int, default=30)
    edit_url = c.Type(str, default="")


def parse_as_of(value: str | dt.date, today: dt.date) -> dt.date:
    """The configured date, or ``today`` when none is set (the only place the clock matters)."""
    if isinstance(value, dt.date):
        return value
    text = (value or "").strip()
    if not text:
        return today
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PluginError(f"duban: as_of must be a date written YYYY-MM-DD, not {text!r}") from None


def check_edit_url(url: str) -> str | None:
    url = (url or "").strip()
    if not url:
        return None
    if not url.startswith("https://") or any(ch in url for ch in "\"'<> \t\r\n"):
        raise PluginError(f"duban: edit_url must be an https:// URL, not {url!r}")
    return url if url.endswith("/") else url + "/"


class DubanPlugin(BasePlugin[DubanConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Material's search segments Chinese with jieba, which logs its dictionary loading to
        # stderr at DEBUG level on every build: noise in a build log that should show problems.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        root = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = (root / self.config.data_dir).resolve()
        self.schema_dir = find_schema_dir(self.data_dir)
        self.as_of = parse_as_of(self.config.as_of, dt.date.today())
        self.edit_url = check_edit_url(self.config.edit_url)
        if self.config.due_soon_days < 0:
            raise PluginError("duban: due_soon_days must not be negative")
        try:
            self.data_path = self.data_dir.relative_to(root).as_posix()
        except ValueError:  # data outside the repository: no edit links can point at it
            self.data_path, self.edit_url = "", None
        # our stylesheet and script, served from the site itself like Material's own
        if urls.ASSET_CSS not in config.extra_css:
            config.extra_css.append(urls.ASSET_CSS)
        if urls.ASSET_JS not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(urls.ASSET_JS)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        project = load_project(self.data_dir, self.schema_dir)
        if not project.ok or project.model is None:
            raise PluginError(_problem_report(project.problems))
        settings = Settings(
            as_of=self.as_of,
            language=self.config.language,
            due_soon_days=self.config.due_soon_days,
            edit_url=self.edit_url,
            data_path=self.data_path,
            directory_urls=config.use_directory_urls,
            site_url=config.site_url,
            data_files=frozenset(d.file for d in project.documents if d.file),
        )
        site = render_site(project.model, settings)
        generated: dict[str, str | bytes] = {**site.pages, **site.files, **asset_files()}
        clashes = sorted(uri for uri in generated if files.get_file_from_path(uri) is not None)
        if clashes:
            raise PluginError(
                "duban: these files in docs/ clash with generated pages; remove them: "
                + ", ".join(clashes)
            )
        for uri, content in generated.items():
            files.append(File.generated(config, uri, content=content))
        return files

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):
        # `mkdocs serve` rebuilds when the data or its schemas change, not only docs/
        for folder in (self.data_dir, self.schema_dir):
            if Path(folder).is_dir():
                server.watch(os.fspath(folder))
        return server


def _problem_report(problems) -> str:
    """The validator's lines, as ``duban validate`` prints them; MkDocs shows no traceback
    for a PluginError."""
    shown_problems, more = shown(problems)
    lines = [str(p) for p in shown_problems] + ([more] if more else [])
    files = len({p.path for p in problems})
    lines.append(f"duban: the data has {len(problems)} problem(s) in {files} file(s)")
    return "\n".join(lines)
