"""The arguments of what serves GitLab and Gitea / Forgejo (docs/ci.md): ``validate --format
gitlab``, ``codeowners --forge``, ``gitlab-issue`` and ``gitea-issue``."""

from __future__ import annotations

import argparse

from duban.cli.parser import as_of_options, output_option
from duban.i18n.messages import say


def forge_validate_options(sub: argparse.ArgumentParser) -> None:
    """``validate --format text|gitlab`` and ``-o``: the GitLab Code Quality report."""
    sub.add_argument(
        "--format",
        choices=("text", "gitlab"),
        default="text",
        help=say(
            "text (default), or gitlab: also write the problems as a GitLab Code Quality "
            "report (JSON) to stdout or -o",
            "text（默认）；gitlab：同时把问题写成 GitLab 代码质量报告（JSON），输出到屏幕或 -o",
        ),
    )
    output_option(sub)


def forge_option(sub: argparse.ArgumentParser) -> None:
    """``codeowners --forge``: whose syntax."""
    sub.add_argument(
        "--forge",
        choices=("github", "gitlab", "gitea"),
        default="github",
        help=say(
            "whose syntax: github (.github/CODEOWNERS, default), gitlab (.gitlab/CODEOWNERS, "
            "sections) or gitea (.gitea/CODEOWNERS, regular expressions; Forgejo too)",
            "文件语法：github（.github/CODEOWNERS，默认）、gitlab（.gitlab/CODEOWNERS，分节）"
            "或 gitea（.gitea/CODEOWNERS，正则表达式；Forgejo 相同）",
        ),
    )


def gitlab_issue_arguments(sub: argparse.ArgumentParser) -> None:
    as_of_options(sub)
    output_option(sub)
    sub.add_argument(
        "--api",
        metavar="URL",
        help=say(
            "GitLab's API, https://HOST/api/v4 (default: $CI_API_V4_URL)",
            "GitLab API 地址 https://主机/api/v4（默认：$CI_API_V4_URL）",
        ),
    )
    sub.add_argument(
        "--project",
        metavar="ID",
        help=say(
            "the project's id or path (default: $CI_PROJECT_ID)",
            "项目编号或路径（默认：$CI_PROJECT_ID）",
        ),
    )


def gitea_issue_arguments(sub: argparse.ArgumentParser) -> None:
    as_of_options(sub)
    output_option(sub)
    sub.add_argument(
        "--api",
        metavar="URL",
        help=say(
            "Gitea's or Forgejo's API, https://HOST/api/v1 (default: $GITHUB_SERVER_URL/api/v1)",
            "Gitea / Forgejo API 地址 https://主机/api/v1（默认：$GITHUB_SERVER_URL/api/v1）",
        ),
    )
    sub.add_argument(
        "--repo",
        metavar="OWNER/REPO",
        help=say(
            "the repository (default: $GITHUB_REPOSITORY)",
            "仓库（默认：$GITHUB_REPOSITORY）",
        ),
    )
