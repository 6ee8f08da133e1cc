"""``duban gitlab-issue``: keep ONE open issue listing what is overdue on a GitLab project, the
way ``.github/workflows/overdue.yml`` does on GitHub (create it, update it, close it when
nothing is overdue), through GitLab's REST API (v4) with urllib alone.

- The issue's text is ``duban report overdue-issue``'s (the same function, the same golden).
- The issue is found by its label (``duban-overdue``, made by GitLab when the issue is created
  with it): ``GET /projects/:id/issues?labels=…&state=opened``; then ``PUT …/issues/:iid``
  (title, description), ``POST …/issues`` (title, description, labels), or a note and
  ``PUT …/issues/:iid`` with ``state_event=close``.
- The token is a project access token (role Reporter, scope ``api``) in ``DUBAN_GITLAB_TOKEN``
  (a masked, protected CI/CD variable), sent as ``PRIVATE-TOKEN`` and never printed.
- HTTPS only; plain HTTP is accepted for a loopback address alone (the tests' stand-in for
  GitLab). Redirects are not followed: urllib would send the token on to wherever they point.
- The API address and project default to GitLab CI's ``CI_API_V4_URL`` and ``CI_PROJECT_ID``.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
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

TOKEN_VARIABLE = "DUBAN_GITLAB_TOKEN"
LABEL = "duban-overdue"
CLOSING_NOTE = "已无逾期事项，自动关闭。 Nothing is overdue any more."
TIMEOUT = 30


class ApiError(Exception):
    """A request GitLab refused or that never reached it: one line for the job's log."""


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
class GitLab:
    api: str
    project: str
    token: str

    def call(self, method: str, path: str, fields: dict[str, str] | None = None) -> Any:
        project = urllib.parse.quote(self.project, safe="")
        url = f"{self.api}/projects/{project}{path}"
        data = urllib.parse.urlencode(fields).encode("utf-8") if fields is not None else None
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("PRIVATE-TOKEN", self.token)
        request.add_header("Accept", "application/json")
        try:
            with _OPENER.open(request, timeout=TIMEOUT) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            raise ApiError(_refusal(method, path, error.code)) from None
        except (urllib.error.URLError, OSError) as error:
            reason = printable(str(getattr(error, "reason", error)))
            raise ApiError(
                say(
                    f"{method} {path}: GitLab could not be reached ({reason})",
                    f"{method} {path}：无法连接 GitLab（{reason}）",
                )
            ) from None
        try:
            return json.loads(body) if body else None
        except ValueError:
            raise ApiError(
                say(
                    f"{method} {path}: the answer is not JSON (is --api the API's address, "
                    "ending in /api/v4?)",
                    f"{method} {path}：返回的不是 JSON（--api 应为以 /api/v4 结尾的 API 地址）",
                )
            ) from None


def _refusal(method: str, path: str, code: int) -> str:
    if code in (401, 403):
        return say(
            f"{method} {path}: GitLab refused the token (HTTP {code}): check that "
            f"{TOKEN_VARIABLE} holds a project access token with the api scope and at "
            "least the Reporter role, and that it has not expired",
            f"{method} {path}：GitLab 拒绝了令牌（HTTP {code}）：请确认 {TOKEN_VARIABLE} "
            "是具有 api 权限、角色至少为 Reporter 且未过期的项目访问令牌",
        )
    if code == 404:
        return say(
            f"{method} {path}: not found (HTTP 404): check --project and --api",
            f"{method} {path}：未找到（HTTP 404）：请检查 --project 和 --api",
        )
    if 300 <= code < 400:
        return say(
            f"{method} {path}: GitLab answered with a redirect (HTTP {code}), which is not "
            "followed: give the API's final https:// address in --api",
            f"{method} {path}：GitLab 返回重定向（HTTP {code}），为保护令牌不予跟随："
            "请在 --api 中写出最终的 https:// 地址",
        )
    return say(
        f"{method} {path}: GitLab answered HTTP {code}",
        f"{method} {path}：GitLab 返回 HTTP {code}",
    )


def sync_issue(gitlab: GitLab, overdue: int, title: str, body: str, label: str = LABEL) -> str:
    """Create, update or close the one issue; what was done, as one line."""
    query = urllib.parse.urlencode({"labels": label, "state": "opened", "per_page": "1"})
    found = gitlab.call("GET", f"/issues?{query}") or []
    iid = str(found[0]["iid"]) if found else None
    if overdue > 0 and iid:
        gitlab.call("PUT", f"/issues/{iid}", {"title": title, "description": body})
        return say(f"updated issue #{iid}", f"已更新议题 #{iid}")
    if overdue > 0:
        made = gitlab.call(
            "POST", "/issues", {"title": title, "description": body, "labels": label}
        )
        return say(f"opened issue #{made['iid']}", f"已新建议题 #{made['iid']}")
    if iid:
        gitlab.call("POST", f"/issues/{iid}/notes", {"body": CLOSING_NOTE})
        gitlab.call("PUT", f"/issues/{iid}", {"state_event": "close"})
        return say(f"closed issue #{iid}", f"已关闭议题 #{iid}")
    return say("nothing is overdue and no issue is open", "没有逾期事项，也没有未关闭的议题")


def cmd_gitlab_issue(args: argparse.Namespace) -> int:
    api = args.api or os.environ.get("CI_API_V4_URL", "")
    project = args.project or os.environ.get("CI_PROJECT_ID", "")
    if not api or not project:
        raise UsageError(
            say(
                "--api and --project are needed outside GitLab CI (CI_API_V4_URL, CI_PROJECT_ID)",
                "在 GitLab CI 之外运行时须给出 --api 和 --project（CI_API_V4_URL、CI_PROJECT_ID）",
            )
        )
    api = checked_api_url(api)
    token = os.environ.get(TOKEN_VARIABLE, "")
    if not token.strip():
        raise UsageError(
            say(
                f"{TOKEN_VARIABLE} is not set: add a project access token (api scope, role "
                "Reporter) as a masked CI/CD variable of that name",
                f"未设置 {TOKEN_VARIABLE}：请在 CI/CD 变量中添加同名的项目访问令牌"
                "（api 权限，角色 Reporter，设为 masked）",
            )
        )
    found = evaluated(args)
    if found is None:
        return EXIT_INVALID_DATA  # the issue is left as it was
    model, evaluation = found
    report = check_report(model, evaluation, only_overdue=True)
    body = render_overdue_issue(report, args.site_url)
    if args.output:  # a copy of the text, e.g. for the job's artifacts
        write_output(body, args.output)
    try:
        done = sync_issue(
            GitLab(api, project, token.strip()), report.overdue, issue_title(report), body
        )
    except ApiError as error:
        print(str(error), file=sys.stderr)
        return EXIT_PROBLEMS
    print(done)
    return EXIT_OK
