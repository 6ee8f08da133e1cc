"""The arguments of ``duban sources refresh`` (cli/sources.py, docs/sources.md)."""

from __future__ import annotations

import argparse

from duban.cli.parser import data_option
from duban.i18n.messages import say


def sources_arguments(sub: argparse.ArgumentParser) -> None:
    actions = sub.add_subparsers(dest="action", required=True, metavar="ACTION")
    refresh = actions.add_parser(
        "refresh",
        help=say(
            "fetch each source's export into .duban/sources/ (the last good copy stays)",
            "获取各数据来源的开放数据，保存到 .duban/sources/（获取失败时保留上次的副本）",
        ),
    )
    data_option(refresh)
    refresh.add_argument(
        "--source",
        metavar="ID",
        help=say("only this source", "只更新这个数据来源"),
    )


def refresh_option(sub: argparse.ArgumentParser) -> None:
    """``check --refresh``: fetch the sources first (otherwise only the cached copies are read)."""
    sub.add_argument(
        "--refresh",
        action="store_true",
        help=say(
            "fetch the sources of data/federation.yaml first (default: read the cached copies)",
            "先获取 data/federation.yaml 中各数据来源的最新数据（默认：只读取已保存的副本）",
        ),
    )
