"""Where each generated page and download lives, and relative links between them.

Pages from data are raw HTML, which MkDocs does not rewrite, so links are made relative here,
following MkDocs' own rule for the page URL (``use_directory_urls``). Relative links keep the
site working under any base path and from a file share.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

HOME = "index.md"
UNITS = "units/index.md"
OVERDUE = "overdue.md"
DOWNLOADS = "downloads.md"
PLANS_DIR = "plans"

DOWNLOAD_DIR = "downloads"
EXPORT_JSON = f"{DOWNLOAD_DIR}/duban.json"
FEED = f"{DOWNLOAD_DIR}/updates.atom"
LEDGER_XLSX = f"{DOWNLOAD_DIR}/ledger.xlsx"
LEDGER_CSV = f"{DOWNLOAD_DIR}/ledger.csv"
ALL_ICS = f"{DOWNLOAD_DIR}/all.ics"
ASSET_CSS = "assets/duban/duban.css"
ASSET_JS = "assets/duban/duban.js"


def plan_page(plan_id: str, page: str = "index") -> str:
    """A page of one plan: ``index`` (the task table), ``progress``, ``overdue``, ``leadership``."""
    return f"{PLANS_DIR}/{plan_id}/{page}.md"


def plan_tasks_csv(plan_id: str) -> str:
    return f"{DOWNLOAD_DIR}/{plan_id}/tasks.csv"


def plan_tasks_xlsx(plan_id: str) -> str:
    return f"{DOWNLOAD_DIR}/{plan_id}/tasks.xlsx"


def plan_ics(plan_id: str) -> str:
    return f"{DOWNLOAD_DIR}/{plan_id}/plan.ics"


def task_page(task_id: str) -> str:
    """The page of a task (``<plan>/<task>``); a sub-item (``<plan>/<task>/<item>``) lives on
    its task's page (see :func:`item_anchor`)."""
    plan, _, rest = task_id.partition("/")
    return f"{PLANS_DIR}/{plan}/tasks/{rest.split('/')[0]}.md"


def item_anchor(task_id: str) -> str:
    """The anchor of a sub-item on its task's page ("" for a task)."""
    parts = task_id.split("/")
    return "item-" + "-".join(parts[2:]) if len(parts) > 2 else ""


def unit_page(holder_id: str) -> str:
    return f"units/{holder_id}.md"


def unit_history(holder_id: str, part: int = 1) -> str:
    """A unit's full history of reports, beyond the latest ones its page shows: the newest on
    ``history.md``, older ones on ``history-2.md``, ``history-3.md``…"""
    return f"units/{holder_id}/history.md" if part == 1 else f"units/{holder_id}/history-{part}.md"


def group_page(plan_id: str, slug: str) -> str:
    """One group's occurrences in one plan (``slug``: a group id, or ``_ungrouped``), where
    the plan's long lists send their detail (see :mod:`duban.site.groups`)."""
    return f"{PLANS_DIR}/{plan_id}/groups/{slug}.md"


def task_anchor(task_id: str) -> str:
    """The anchor of a task's section on a group page."""
    return "task-" + task_id.split("/")[1]


def unit_ics(holder_id: str) -> str:
    return f"{DOWNLOAD_DIR}/ics/{holder_id}.ics"


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a Markdown page, relative to the site root (``File._get_url``):
    ``tasks/03.md`` is ``tasks/03.html``, or ``tasks/03/`` with directory URLs."""
    stem = src_uri.removesuffix(".md")
    parent, name = posixpath.split(stem)
    if name in ("index", "README"):
        dest = posixpath.join(parent, "index.html")
    elif directory_urls:
        dest = posixpath.join(stem, "index.html")
    else:
        dest = f"{stem}.html"
    if directory_urls and dest.endswith("index.html"):
        folder = posixpath.dirname(dest)
        return f"{folder}/" if folder else "./"
    return dest


@lru_cache(maxsize=1 << 12)
def _folder(here: str, directory_urls: bool) -> str:
    """The folder of a page's URL ("" at the site root)."""
    url = page_url(here, directory_urls)
    folder = url if url.endswith("/") else posixpath.dirname(url)
    return "" if folder in ("./", "") else folder.rstrip("/")


@lru_cache(maxsize=1 << 16)
def _relative(folder: str, target: str) -> str:
    # cached: pages in one folder (units/, a plan's tasks/) link to the same targets, and
    # posixpath.relpath was a tenth of the renderer's time at province scale
    directory = target.endswith("/")
    rel = posixpath.relpath(target.rstrip("/") or ".", folder or ".")
    if directory:
        rel = "./" if rel == "." else rel + "/"
    return rel


@dataclass(frozen=True)
class Linker:
    """Links from one page (``here``, a src_uri) to other pages and files."""

    here: str
    directory_urls: bool

    def _relative(self, target: str) -> str:
        """``target`` (a site-root URL) relative to the folder of this page's URL."""
        return _relative(_folder(self.here, self.directory_urls), target)

    def page(self, src_uri: str, anchor: str = "") -> str:
        rel = self._relative(page_url(src_uri, self.directory_urls))
        return f"{rel}#{anchor}" if anchor else rel

    def file(self, path: str) -> str:
        return self._relative(path)

    def task(self, task_id: str) -> str:
        return self.page(task_page(task_id), item_anchor(task_id))

    def plan(self, plan_id: str, page: str = "index") -> str:
        return self.page(plan_page(plan_id, page))

    def unit(self, holder_id: str) -> str:
        return self.page(unit_page(holder_id))

    def group(self, plan_id: str, slug: str, anchor: str = "") -> str:
        return self.page(group_page(plan_id, slug), anchor)

    def leader(self, leader_id: str) -> str:
        return self.page(leader_page(leader_id))


# -- named leaders -------------------------------------------------------------------
LEADERS = "leaders/index.md"
"""领导督办: every leader the plans name, and what each leads (only when any leader exists)."""


def leader_page(leader_id: str) -> str:
    """One leader's page (``leader_id`` from :func:`duban.model.leaders.leader_id`)."""
    return f"leaders/{leader_id}.md"


def https_url(value: str | None) -> str | None:
    """The URL if it is an https link, else None (the schemas already insist; this is the
    second lock on the door, so a javascript: link can never become an href)."""
    if not value:
        return None
    text = str(value).strip()
    if not text.lower().startswith("https://") or any(c in text for c in "\"'<>` \t\r\n"):
        return None
    return text
