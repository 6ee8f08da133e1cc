"""The plugin's settings in mkdocs.yml and the checks of their values (one line each, in the
chosen language, as a PluginError: MkDocs prints it without a traceback)."""

from __future__ import annotations

import datetime as dt
import os
import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from duban.i18n.dates import iso_date
from duban.i18n.languages import LANGUAGES
from duban.i18n.messages import say
from duban.site.size import DEFAULT_LIMIT, parse_size


class DubanConfig(base.Config):
    data_dir = c.Type(str, default="data")
    # a date, or a string; YAML (and !ENV) read an unquoted 2010-12-15 as a date
    as_of: c.Type[str | dt.date] = c.Type((str, dt.date), default="")
    language = c.Choice(LANGUAGES, default="zh")
    due_soon_days = c.Type(int, default=30)
    edit_url = c.Type(str, default="")
    repository = c.Type(str, default="")
    branch = c.Type(str, default="main")
    site_title = c.Type(str, default="")
    # h20b: fetch the sources of data/federation.yaml before building (default: their copies)
    refresh_sources = c.Type(bool, default=False)
    # h24b: the built site's size above which the build warns (--strict: fails); 300MB, 1GB…
    site_size_limit: c.Type[str | int] = c.Type((str, int), default=DEFAULT_LIMIT)
    # h24c: how many processes render the pages and downloads: auto (every usable CPU) or N
    render_processes: c.Type[str | int] = c.Type((str, int), default="auto")
    # h24d: a folder (relative to mkdocs.yml) where each generated page's final HTML is kept,
    # keyed by what it reads (duban/plugin/page_cache.py); empty: off (serve: in memory)
    page_cache = c.Type(str, default="")


def as_of_setting(value: str | dt.date, today: dt.date) -> dt.date:
    """The configured date, or ``today`` when none is set (the only place the clock matters)."""
    if isinstance(value, dt.date):
        return value
    text = (value or "").strip()
    if not text:
        return today
    found = iso_date(text)
    if found is None:
        raise PluginError(
            say(
                f"duban: as_of must be a date written YYYY-MM-DD, not {text!r}",
                f"duban：as_of 必须是 YYYY-MM-DD 格式的日期，而不是 {text!r}",
            )
        )
    return found


_REPOSITORY = re.compile(r"https://github\.com/[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}")


def check_repository(url: str) -> str | None:
    """``https://github.com/OWNER/REPO`` (setting ``repository``, else env DUBAN_REPOSITORY):
    the base of the edit links and the issue form's "报送进展" links."""
    url = (url or os.environ.get("DUBAN_REPOSITORY", "")).strip().rstrip("/")
    if not url:
        return None
    if not _REPOSITORY.fullmatch(url):
        raise PluginError(
            say(
                f"duban: repository must be https://github.com/OWNER/REPO, not {url!r}",
                f"duban：repository 必须写成 https://github.com/所有者/仓库，而不是 {url!r}",
            )
        )
    return url


def check_edit_url(url: str) -> str | None:
    url = (url or "").strip()
    if not url:
        return None
    if not url.startswith("https://") or any(ch in url for ch in "\"'<> \t\r\n"):
        raise PluginError(
            say(
                f"duban: edit_url must be an https:// URL, not {url!r}",
                f"duban：edit_url 必须是 https:// 开头的网址，而不是 {url!r}",
            )
        )
    return url if url.endswith("/") else url + "/"


def size_limit_setting(value: str | int) -> int:
    """``site_size_limit`` in bytes (h24b): ``300MB``, ``1GB``, ``500 KB`` or a number of bytes."""
    found = parse_size(value)
    if found is None:
        raise PluginError(
            say(
                f"duban: site_size_limit must be a size such as 300MB or 1GB, not {value!r}",
                f"duban：site_size_limit 必须是 300MB、1GB 这样的大小，而不是 {value!r}",
            )
        )
    return found


MAX_RENDER_PROCESSES = 256


def render_processes_setting(value: str | int) -> int | None:
    """``render_processes``: ``auto`` (``None``: every usable CPU, the default) or a number of
    processes from 1 (this one alone) to 256."""
    text = str(value).strip().lower()
    if text in ("", "auto"):
        return None
    if not isinstance(value, bool) and text.isdigit() and 1 <= int(text) <= MAX_RENDER_PROCESSES:
        return int(text)
    raise PluginError(
        say(
            f"duban: render_processes must be auto or a number from 1 to "
            f"{MAX_RENDER_PROCESSES}, not {value!r}",
            f"duban：render_processes 必须是 auto 或 1 到 {MAX_RENDER_PROCESSES} 之间的整数，"
            f"而不是 {value!r}",
        )
    )
