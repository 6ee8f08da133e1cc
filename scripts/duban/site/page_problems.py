"""The page ``mkdocs serve`` shows while the data has problems (never part of a real build).

A preview that kept the last good pages after an invalid edit would tell the editor nothing:
while serving, every generated page becomes this page, which lists each problem as the
validator prints it (``file:line:col: field: message``, in the site's language), and every
hand-written page starts with the same list. The browser's live reload shows it on whichever
page it was on; when the data is fixed, the next build brings the normal pages back.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence

from markupsafe import Markup

from duban.i18n.locale import load_locale
from duban.i18n.messages import say
from duban.model.problems import Problem, shown
from duban.site.env import environment
from duban.site.render import front_matter, tidy


def problem_report(problems: Sequence[Problem]) -> str:
    """The validator's lines, as ``duban validate`` prints them; MkDocs shows no traceback
    for a PluginError."""
    shown_problems, more = shown(problems)
    lines = [str(p) for p in shown_problems] + ([more] if more else [])
    files = len({p.path for p in problems})
    count = len(problems)
    lines.append(
        say(
            f"duban: the data has {count} problem(s) in {files} file(s)",
            f"duban：数据中有 {count} 个问题，涉及 {files} 个文件",
        )
    )
    return "\n".join(lines)


def problem_list(problems: Sequence[Problem], language: str, whole_page: bool = False) -> Markup:
    """The list itself, as HTML (every value escaped): a block for the top of a hand-written
    page (its heading is no heading there: the page keeps its own title), or a whole page."""
    t = load_locale(language)
    listed, more = shown(problems)
    return Markup(
        environment()
        .get_template("page_problems.html")
        .render(
            t=t,
            problems=[str(problem) for problem in listed],
            more=more,
            count=len(problems),
            files=len({problem.path for problem in problems}),
            whole_page=whole_page,
        )
        .strip()
    )


def problems_page(problems: Sequence[Problem], language: str, title: str | None = None) -> str:
    """The Markdown MkDocs receives for a generated page while the data has problems; ``title``:
    the page's title in the last good build (the nav keeps its labels), else 数据有误."""
    t = load_locale(language)
    body = problem_list(problems, language, whole_page=True)
    heading = title or t.problems.title
    return front_matter(heading, hide=["navigation", "toc"], search=False) + tidy(body)


_TITLE = re.compile(r"^title: (.*)$", re.MULTILINE)


def page_title(page: str) -> str | None:
    """The title in a generated page's front matter (see :func:`duban.site.render.front_matter`:
    a JSON string, already HTML-escaped), unescaped again for :func:`problems_page`."""
    found = _TITLE.search(page[:2000])
    if found is None:
        return None
    try:
        title = json.loads(found.group(1))
    except ValueError:
        return None
    return html.unescape(title) if isinstance(title, str) else None


def nav_pages(nav: object) -> frozenset[str]:
    """Every page path named in mkdocs.yml's ``nav`` (links to other sites left out)."""
    if isinstance(nav, str):
        return frozenset([nav]) if nav.endswith(".md") and "://" not in nav else frozenset()
    if isinstance(nav, dict):
        return frozenset().union(*(nav_pages(value) for value in nav.values()))
    if isinstance(nav, list):
        return frozenset().union(*(nav_pages(value) for value in nav))
    return frozenset()
