"""The Jinja2 environment every page is rendered with: autoescape on, undefined names fatal.

Generated pages are Markdown files made of raw HTML blocks, and Markdown preprocessors (fenced
code, for one) look at every line *before* raw HTML is set aside. So a value from data must never
start a line: ``finalize`` escapes every string and writes its line breaks as ``&#10;``
(the browser still breaks the line where CSS says ``white-space: pre-line``), and the templates
put every value after a tag. ``tests/site/test_site_render.py`` checks that invariant on hostile
data.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from duban.outputs.urls import https_url

_LINE_BREAKS = str.maketrans({"\r": None, "\u2028": "\n", "\u2029": "\n"})


def escape_text(value: Any) -> Markup:
    """Any value as escaped HTML on a single source line."""
    if isinstance(value, Markup):
        return value
    return _escaped(str(value))


@lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> Markup:
    # cached: a province's pages print the same names, state words and labels millions of times
    text = text.translate(_LINE_BREAKS)
    return Markup(str(escape(text)).replace("\n", "&#10;"))


def download_size(n: int) -> str:
    """A download's size as the pages print it (``1.2 MB``, ``36 KB``; the page keys read it
    too: :mod:`.summary_keys`)."""
    if n >= 1048576:
        return "%.1f MB" % (n / 1048576)
    if n >= 1024:
        return "%.0f KB" % (n / 1024)
    return f"{n} B"


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape_text(value)
    return value


def html(value: Any) -> Markup:
    """What ``{{ value }}`` prints in a template: ``_finalize`` then autoescape, for HTML built
    in Python (:mod:`duban.site.row_printer`). Interpolate it (f-strings, ``join``); ``str +
    Markup`` would escape the ``str``."""
    if value is None:
        return Markup()
    if isinstance(value, str):
        return escape_text(value)  # a Markup comes back as it is
    return escape(value)


def iso(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def percent(value: float | None, digits: int = 0) -> str:
    """A share 0-1 as a percentage (``None`` as an en dash)."""
    if value is None:
        return "–"
    return f"{value * 100:.{digits}f}%"


def number(value: float | None) -> str:
    """A figure without a spurious ``.0``."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("duban.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(iso=iso, percent=percent, number=number, https_url=https_url)
    env.filters["download_size"] = download_size
    return env


def compile_templates() -> None:
    """Every page template compiled into :func:`environment` (h24k): before a fork, so that the
    forked processes (:mod:`.split`) share the compiled templates instead of each compiling
    them again (a second of CPU per process)."""
    env = environment()
    for name in env.list_templates(filter_func=lambda name: "/" not in name):
        env.get_template(name)
