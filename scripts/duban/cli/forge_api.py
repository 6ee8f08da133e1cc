"""A forge's REST API through urllib, for the commands that keep the overdue issue on GitLab
(``gitlab-issue``) and on Gitea / Forgejo (``gitea-issue``): HTTPS only (plain HTTP to a
loopback address alone, the tests' stand-in for the forge), no redirects followed (urllib would
send the token on to wherever they point), the token in a header and never printed, and every
failure one line (:class:`ApiError`)."""

from __future__ import annotations

import argparse
import ipaddress
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from duban.cli.common import (
    EXIT_INVALID_DATA,
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    evaluated,
    write_output,
)
from duban.evaluation.check_report import check_report
from duban.i18n.messages import say
from duban.model.problems import printable
from duban.outputs.check_markdown import issue_title, render_overdue_issue

LABEL = "duban-overdue"
CLOSING_NOTE = "已无逾期事项，自动关闭。 Nothing is overdue any more."
TIMEOUT = 30


class ApiError(Exception):
    """A request the forge refused or that never reached it: one line for the job's log."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 3xx is then raised as an HTTPError


_OPENER = urllib.request.build_opener(_NoRedirects)


def checked_api_url(url: str) -> str:
    """The API's base address, refused unless it is https (or http to a loopback address)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if (parts.scheme == "https" and host) or (parts.scheme == "http" and loopback):
        return url.rstrip("/")
    shown = printable(url)
    raise UsageError(
        say(
            f"--api: {shown!r} is not an https:// address (the token would travel in clear)",
            f"--api：“{shown}”不是 https:// 地址（令牌会以明文传输），请改用 https",
        )
    )


@dataclass(frozen=True)
class Api:
    """One project's (or repository's) part of a forge's API."""

    base: str
    """Everything before the paths the calls name, e.g. ``https://HOST/api/v4/projects/7``."""
    headers: dict[str, str] = field(repr=False)
    """The token's header among them: never shown."""
    token_hint: tuple[str, str]
    """What to check when the token is refused, in English and in Chinese."""
    as_json: bool = False
    """Send bodies as JSON (Gitea) rather than as a form (GitLab)."""

    def call(self, method: str, path: str, fields: dict[str, Any] | None = None) -> Any:
        data = None
        request = urllib.request.Request(f"{self.base}{path}", method=method)
        if fields is not None:
            if self.as_json:
                data = json.dumps(fields, ensure_ascii=False).encode("utf-8")
                request.add_header("Content-Type", "application/json")
            else:
                data = urllib.parse.urlencode(fields).encode("utf-8")
            request.data = data
        for name, value in self.headers.items():
            request.add_header(name, value)
        request.add_header("Accept", "application/json")
        try:
            with _OPENER.open(request, timeout=TIMEOUT) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            raise ApiError(self._refusal(method, path, error.code)) from None
        except (urllib.error.URLError, OSError) as error:
            reason = printable(str(getattr(error, "reason", error)))
            raise ApiError(
                say(
                    f"{method} {path}: the forge could not be reached ({reason})",
                    f"{method} {path}：无法连接代码托管平台（{reason}）",
                )
            ) from None
        try:
            return json.loads(body) if body else None
        except ValueError:
            raise ApiError(
                say(
                    f"{method} {path}: the answer is not JSON (is --api the API's address?)",
                    f"{method} {path}：返回的不是 JSON（--api 是否为 API 地址？）",
                )
            ) from None

    def _refusal(self, method: str, path: str, code: int) -> str:
        shown = printable(path.split("?")[0])
        if code in (401, 403):
            english, chinese = self.token_hint
            return say(
                f"{method} {shown}: the token was refused (HTTP {code}): {english}",
                f"{method} {shown}：令牌被拒绝（HTTP {code}）：{chinese}",
            )
        if code == 404:
            return say(
                f"{method} {shown}: not found (HTTP 404): check --api and the project",
                f"{method} {shown}：未找到（HTTP 404）：请检查 --api 和项目（仓库）",
            )
        if 300 <= code < 400:
            return say(
                f"{method} {shown}: the forge answered with a redirect (HTTP {code}), which is "
                "not followed: give the API's final https:// address in --api",
                f"{method} {shown}：返回重定向（HTTP {code}），为保护令牌不予跟随："
                "请在 --api 中写出最终的 https:// 地址",
            )
        return say(
            f"{method} {shown}: the forge answered HTTP {code}",
            f"{method} {shown}：代码托管平台返回 HTTP {code}",
        )


def keep_one_issue(
    open_issue: str | None,
    overdue: int,
    update: Callable[[str], object],
    create: Callable[[], str],
    close: Callable[[str], object],
) -> str:
    """The one rule of the overdue issue on every forge: while anything is overdue the open issue
    is updated (or opened), once nothing is it is closed with a note; what was done, as one line.
    ``open_issue`` is the number of the open issue, if any; the callables talk to the forge."""
    if overdue > 0 and open_issue:
        update(open_issue)
        return say(f"updated issue #{open_issue}", f"已更新议题 #{open_issue}")
    if overdue > 0:
        made = create()
        return say(f"opened issue #{made}", f"已新建议题 #{made}")
    if open_issue:
        close(open_issue)
        return say(f"closed issue #{open_issue}", f"已关闭议题 #{open_issue}")
    return say("nothing is overdue and no issue is open", "没有逾期事项，也没有未关闭的议题")


Sync = Callable[[int, str, str], str]
"""Keeps the forge's overdue issue for (number overdue, title, body); says what it did."""


def run_overdue_issue(args: argparse.Namespace, sync: Sync) -> int:
    """What every forge's overdue-issue command does once it has its API: evaluate, write the
    issue's text (and a copy with ``-o``), keep the issue, and say what happened in one line."""
    found = evaluated(args)
    if found is None:
        return EXIT_INVALID_DATA  # the issue is left as it was
    model, evaluation = found
    report = check_report(model, evaluation, only_overdue=True)
    body = render_overdue_issue(report, args.site_url)
    if args.output:  # a copy of the text, e.g. for the job's artifacts
        write_output(body, args.output)
    try:
        done = sync(report.overdue, issue_title(report), body)
    except ApiError as error:
        print(str(error), file=sys.stderr)
        return EXIT_PROBLEMS
    print(done)
    return EXIT_OK
