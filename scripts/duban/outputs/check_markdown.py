"""The check report as Markdown: ``duban check --format markdown``, the run's summary page on
GitHub and the body of the issue the daily overdue workflow keeps up to date (each within a
size budget, with links into the published site)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from duban.evaluation.cascade import LinkedReport
from duban.evaluation.check_report import CheckReport
from duban.i18n.messages import say
from duban.model.org import display_name
from duban.outputs import urls
from duban.outputs.check_linked import NOTHING_LATE, counts_words, row_parts
from duban.outputs.check_words import item_parts, reported_line

# -- Markdown ------------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~@!&#])")
# What GitHub could read as a mention (@user, @org/team): an @ and a name character, with what
# follows up to the next character no name has (a later @ too, so "@a@b" is one piece).
_MENTION = re.compile(r"@[A-Za-z0-9][A-Za-z0-9@._/-]*")


def md(text: str) -> str:
    """Data as literal Markdown text: no formatting, links, HTML, tables or @-mentions.

    Every special character is backslash-escaped, but an escape is not enough for a mention:
    GitHub finds mentions in the rendered text, where ``\\@user`` (and ``&#64;user``) is
    ``@user`` again. It never looks inside code, so ``@user`` is written as an inline code span
    (`` `@user` ``; CommonMark: a code span's content is literal, and the piece holds no
    backtick, while every backtick of the data around it is escaped)."""
    text = " ".join(text.split())
    parts, last = [], 0
    for found in _MENTION.finditer(text):
        parts += [_MD_SPECIAL.sub(r"\\\1", text[last : found.start()]), f"`{found.group()}`"]
        last = found.end()
    parts.append(_MD_SPECIAL.sub(r"\\\1", text[last:]))
    return "".join(parts)


_SAFE_URL = re.compile(r"https://[^\s()<>\[\]\\`\"']+")
"""A link from another repository's export, written into Markdown as it is: https only, and
nothing that could end the link or start markup."""


def _md_link(text: str, url: str | None) -> str:
    return f"[{md(text)}]({url})" if url else md(text)


@dataclass(frozen=True)
class SiteLinks:
    """Links into the published site, by the site's own URL rules (duban.outputs.urls).

    ``directory_urls`` must match ``use_directory_urls`` in mkdocs.yml (false there, so the
    site also works from a file share: ``units/beta.html``).
    """

    base: str | None
    directory_urls: bool = False

    def _url(self, src_uri: str) -> str | None:
        if not self.base:
            return None
        page = urls.page_url(src_uri, self.directory_urls).removeprefix("./")
        return self.base.rstrip("/") + "/" + page

    def task(self, task_id: str) -> str | None:
        return self._url(urls.task_page(task_id))

    def unit(self, holder_id: str) -> str | None:
        return self._url(urls.unit_page(holder_id))

    def overdue(self) -> str | None:
        return self._url(urls.OVERDUE)


def _md_items(report: CheckReport, links: SiteLinks, budget: int | None = None) -> list[str]:
    """Items as Markdown lines by unit; with a ``budget`` (characters), the lines that would
    exceed it are left out and counted in a last line instead."""
    lines: list[str] = []
    used, left_out = 0, 0
    for holder, items in report.units:
        heading = ["", f"### {_md_link(holder.name, links.unit(holder.id))}", ""]
        rows = []
        for ci in items:
            words = item_parts(ci)
            parts = [md(p) for p in words]
            parts[0] = f"**{parts[0]}**"
            # the same words as the text format: plan, task, the deadline's label and period
            parts[1] = _md_link(words[1], links.task(ci.task.id))
            rows.append("- " + " · ".join(parts))
        for row in rows:
            size = len(row) + 1 + (sum(len(h) + 1 for h in heading) if heading else 0)
            if budget is not None and used + size > budget:
                left_out += 1
                continue
            lines += [*heading, row]
            used += size
            heading = []
    if left_out:
        lines += ["", f"……另有 {left_out} 项因篇幅所限未列出，完整清单见督办清单或 `duban check`。"]
    return lines


def _md_flags(report: CheckReport, budget: int | None = None) -> list[str]:
    """Flags as Markdown lines; with a ``budget`` (characters), those beyond it are counted."""
    if not report.flags:
        return []
    lines = ["", "### 标记 Flags", ""]
    used, left_out = sum(len(line) + 1 for line in lines), 0
    for flag in report.flags:
        since = f"（{flag.since.isoformat()} 起）" if flag.since else ""
        who = display_name(report.holders.get(flag.holder_id), flag.holder_id)
        line = f"- {md(who)}：{md(flag.message)}{since}"
        if budget is not None and used + len(line) + 1 > budget:
            left_out += 1
            continue
        lines.append(line)
        used += len(line) + 1
    if left_out:
        lines += ["", f"……另有 {left_out} 个标记因篇幅所限未列出，完整清单见 `duban check`。"]
    return lines


SUMMARY_BUDGET = 250_000
"""Characters the step summary's item list may take: GitHub drops a step summary over 1 MiB
whole, and a character is at most 4 bytes of UTF-8 (a province lists megabytes of items)."""


def render_markdown(
    report: CheckReport,
    site_url: str | None = None,
    budget: int | None = None,
    linked: LinkedReport | None = None,
) -> str:
    """The report as Markdown (the ``--format markdown`` output and, with a ``budget`` of
    characters for its items and flags, the step summary); ``linked``: with its late rows, the
    ``--include-linked`` section at the end."""
    links = SiteLinks(site_url)
    lines = [
        f"## 督办检查：截至 {report.as_of.isoformat()}",
        "",
        f"逾期 **{report.overdue}** 项（其中未报送 {report.overdue_not_reported} 项），"
        f"临期（{report.due_soon_days} 天内）"
        f"**{report.due_soon}** 项，标记 **{len(report.flags)}** 个。",
    ]
    first = reported_line(report)
    if first:
        lines += ["", md(first)]
    lines += _md_items_and_flags(report, links, budget)
    if linked is not None:
        lines += _md_linked(linked, links, report.as_of)
    return "\n".join(lines) + "\n"


def _md_linked(linked: LinkedReport, links: SiteLinks, as_of: dt.date) -> list[str]:
    """Under each upper task, its overdue and not-reported rows below (``--include-linked``)."""
    if not linked.late:
        return ["", md(NOTHING_LATE)] if linked.linked and linked.late is not None else []
    lines = ["", "### 下级落实情况（逾期、逾期未报送）"]
    for key, rows in linked.late.items():
        plan, heading = linked.headings.get(key, ("", key))
        title = _md_link(f"《{plan}》{heading}", links.task(key))
        lines += ["", f"**{title}**：{md(counts_words(linked.linked.get(key, {})))}", ""]
        for row in rows:
            words = row_parts(row, as_of)
            parts = [md(p) for p in words]
            parts[0] = f"**{parts[0]}**"
            url = links.task(f"{row.plan_id}/{row.task_id}") if not row.source_id else None
            if row.source_id and row.url and _SAFE_URL.fullmatch(row.url):
                url = row.url
            parts[1] = _md_link(words[1], url)
            lines.append("- " + " · ".join(parts))
    return lines


def _md_items_and_flags(report: CheckReport, links: SiteLinks, budget: int | None) -> list[str]:
    """Items, then flags, within one ``budget`` of characters (None: all of them)."""
    items = _md_items(report, links, budget)
    if budget is None:
        return items + _md_flags(report)
    flags = _md_flags(report, budget - sum(len(line) + 1 for line in items))
    return items + flags


def issue_title(report: CheckReport) -> str:
    return f"督办：{report.overdue} 项逾期未完成（截至 {report.as_of.isoformat()}）"


ISSUE_BUDGET = 60_000
"""Characters the issue's items and flags may take: GitHub refuses issue bodies over 65,536."""


def render_overdue_issue(
    report: CheckReport, site_url: str | None = None, budget: int = ISSUE_BUDGET
) -> str:
    """The body of the issue the daily workflow keeps open while anything is overdue."""
    links = SiteLinks(site_url)
    overdue_page = links.overdue()
    lines = [
        f"截至 **{report.as_of.isoformat()}**，共有 **{report.overdue}** 项逾期未完成，"
        f"涉及 {len(report.units)} 个单位。",
        "",
        "各单位的逾期事项如下（按单位分组，逾期最久的在前）；完成后请在本单位的状态文件"
        "（`data/status/<单位>.yaml`）中登记，本议题每天自动更新，全部完成后自动关闭。",
    ]
    if overdue_page:
        lines += ["", f"督办清单：{overdue_page}"]
    lines += _md_items_and_flags(report, links, budget)
    lines += [
        "",
        "---",
        say(
            f"逾期 {report.overdue} 项 / {report.overdue} overdue as of "
            f"{report.as_of.isoformat()}。",
            f"截至 {report.as_of.isoformat()} 逾期 {report.overdue} 项。",
        )
        + "本议题由 `duban report overdue-issue` 生成，请勿手工编辑。",
    ]
    return "\n".join(lines) + "\n"
