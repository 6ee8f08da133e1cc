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
- HTTPS only, no redirects, one line per failure: :mod:`duban.cli.forge_api`.
- The API address and project default to GitLab CI's ``CI_API_V4_URL`` and ``CI_PROJECT_ID``.
"""

from __future__ import annotations

import argparse
import os
import urllib.parse

from duban.cli.common import (
    UsageError,
)
from duban.cli.forge_api import (
    CLOSING_NOTE,
    LABEL,
    Api,
    checked_api_url,
    keep_one_issue,
    run_overdue_issue,
)
from duban.i18n.messages import say

__all__ = ["LABEL", "checked_api_url", "cmd_gitlab_issue", "gitlab_api", "sync_issue"]

TOKEN_VARIABLE = "DUBAN_GITLAB_TOKEN"
TOKEN_HINT = (
    f"check that {TOKEN_VARIABLE} holds a project access token with the api scope and at "
    "least the Reporter role, and that it has not expired",
    f"请确认 {TOKEN_VARIABLE} 是具有 api 权限、角色至少为 Reporter 且未过期的项目访问令牌",
)


def gitlab_api(api: str, project: str, token: str) -> Api:
    quoted = urllib.parse.quote(project, safe="")
    return Api(f"{api}/projects/{quoted}", {"PRIVATE-TOKEN": token}, TOKEN_HINT)


def sync_issue(gitlab: Api, overdue: int, title: str, body: str, label: str = LABEL) -> str:
    """Create, update or close the one issue; what was done, as one line."""
    query = urllib.parse.urlencode({"labels": label, "state": "opened", "per_page": "1"})
    found = gitlab.call("GET", f"/issues?{query}") or []
    iid = str(found[0]["iid"]) if found else None

    def create() -> str:
        made = gitlab.call(
            "POST", "/issues", {"title": title, "description": body, "labels": label}
        )
        return str(made["iid"])

    def close(issue: str) -> None:
        gitlab.call("POST", f"/issues/{issue}/notes", {"body": CLOSING_NOTE})
        gitlab.call("PUT", f"/issues/{issue}", {"state_event": "close"})

    return keep_one_issue(
        iid,
        overdue,
        lambda issue: gitlab.call("PUT", f"/issues/{issue}", {"title": title, "description": body}),
        create,
        close,
    )


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
    gitlab = gitlab_api(api, project, token.strip())
    return run_overdue_issue(
        args, lambda overdue, title, body: sync_issue(gitlab, overdue, title, body)
    )
