"""``duban gitea-issue``: the overdue issue of ``overdue.yml`` on Gitea or Forgejo, whose Actions
cannot run ``gh``. The same steps as ``gitlab-issue`` through Gitea's REST API (v1), which
Forgejo shares: ``GET /repos/:owner/:repo/issues?state=open&type=issues&labels=…`` finds the
issue; ``PATCH …/issues/:number`` updates it (title, body) or closes it (``state: closed``) after
a comment (``POST …/issues/:number/comments``); ``POST …/issues`` opens it. Gitea attaches labels
by id, so the label is looked up (``GET …/labels``) and made when missing (``POST …/labels``).

The token (``Authorization: token …``) comes from ``DUBAN_GITEA_TOKEN``: in a workflow, the
job's own token (``${{ secrets.GITHUB_TOKEN }}``); the API address defaults to
``$GITHUB_SERVER_URL/api/v1`` and the repository to ``$GITHUB_REPOSITORY``, which Gitea and
Forgejo Actions set as GitHub does.
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

TOKEN_VARIABLE = "DUBAN_GITEA_TOKEN"
TOKEN_HINT = (
    f"check that {TOKEN_VARIABLE} holds a token that may write the repository's issues "
    "(in a workflow: secrets.GITHUB_TOKEN)",
    f"请确认 {TOKEN_VARIABLE} 是可以编辑本仓库议题的令牌（工作流中为 secrets.GITHUB_TOKEN）",
)
LABEL_COLOR = "#b60205"
LABEL_DESCRIPTION = "逾期未完成事项（由 overdue 工作流维护） / kept by the overdue workflow"


def gitea_api(api: str, repository: str, token: str) -> Api:
    owner, _, name = repository.partition("/")
    if not owner or not name or "/" in name:
        raise UsageError(
            say(
                f"--repo: write OWNER/REPO, not {repository!r}",
                f"--repo：请写成 所有者/仓库，而不是“{repository}”",
            )
        )
    quoted = "/".join(urllib.parse.quote(part, safe="") for part in (owner, name))
    return Api(
        f"{api}/repos/{quoted}", {"Authorization": f"token {token}"}, TOKEN_HINT, as_json=True
    )


def _label_id(gitea: Api, label: str) -> int:
    for page in range(1, 21):  # 50 a page, up to 1,000 labels
        found = gitea.call("GET", f"/labels?limit=50&page={page}") or []
        for item in found:
            if item.get("name") == label:
                return int(item["id"])
        if len(found) < 50:
            break
    made = gitea.call(
        "POST", "/labels", {"name": label, "color": LABEL_COLOR, "description": LABEL_DESCRIPTION}
    )
    return int(made["id"])


def sync_gitea_issue(gitea: Api, overdue: int, title: str, body: str, label: str = LABEL) -> str:
    """Create, update or close the one issue; what was done, as one line."""
    query = urllib.parse.urlencode(
        {"state": "open", "type": "issues", "labels": label, "limit": "1"}
    )
    found = gitea.call("GET", f"/issues?{query}") or []
    number = str(found[0]["number"]) if found else None

    def create() -> str:
        labels = [_label_id(gitea, label)]
        made = gitea.call("POST", "/issues", {"title": title, "body": body, "labels": labels})
        return str(made["number"])

    def close(issue: str) -> None:
        gitea.call("POST", f"/issues/{issue}/comments", {"body": CLOSING_NOTE})
        gitea.call("PATCH", f"/issues/{issue}", {"state": "closed"})

    return keep_one_issue(
        number,
        overdue,
        lambda issue: gitea.call("PATCH", f"/issues/{issue}", {"title": title, "body": body}),
        create,
        close,
    )


def cmd_gitea_issue(args: argparse.Namespace) -> int:
    server = os.environ.get("GITHUB_SERVER_URL", "")
    api = args.api or (f"{server.rstrip('/')}/api/v1" if server else "")
    repository = args.repo or os.environ.get("GITHUB_REPOSITORY", "")
    if not api or not repository:
        raise UsageError(
            say(
                "--api and --repo are needed outside Gitea or Forgejo Actions "
                "(GITHUB_SERVER_URL, GITHUB_REPOSITORY)",
                "在 Gitea / Forgejo Actions 之外运行时须给出 --api 和 --repo"
                "（GITHUB_SERVER_URL、GITHUB_REPOSITORY）",
            )
        )
    api = checked_api_url(api)
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if not token:
        raise UsageError(
            say(
                f"{TOKEN_VARIABLE} is not set: in the workflow, set it to "
                "${{ secrets.GITHUB_TOKEN }} in the step's env",
                f"未设置 {TOKEN_VARIABLE}：请在工作流步骤的 env 中设为 "
                "${{ secrets.GITHUB_TOKEN }}",
            )
        )
    gitea = gitea_api(api, repository, token)
    return run_overdue_issue(
        args, lambda overdue, title, body: sync_gitea_issue(gitea, overdue, title, body)
    )
