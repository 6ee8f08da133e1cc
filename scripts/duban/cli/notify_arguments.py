"""The arguments of ``duban notify`` (cli/notify.py, docs/notify.md)."""

from __future__ import annotations

import argparse

from duban.cli.common import non_negative
from duban.cli.parser import as_of_options
from duban.i18n.messages import say


def notify_arguments(sub: argparse.ArgumentParser) -> None:
    as_of_options(sub)
    sub.add_argument(
        "--dry-run",
        action="store_true",
        help=say(
            "print every message, by route, and send nothing",
            "按路线列出每条要发送的消息，不发送",
        ),
    )
    sub.add_argument(
        "--state",
        metavar="FILE",
        help=say(
            "what was sent for this as-of date, so a second run sends nothing twice (default: "
            "$DUBAN_NOTIFY_STATE, else ~/.local/state/duban/; keep it outside the repository)",
            "记录本日期已发送的消息，再次运行不重复发送（默认：$DUBAN_NOTIFY_STATE，"
            "否则 ~/.local/state/duban/；放在仓库之外）",
        ),
    )
    sub.add_argument(
        "--retries",
        metavar="N",
        type=non_negative,
        default=3,
        help=say("retries of a failed message (default: 3)", "发送失败时重试的次数（默认：3）"),
    )
    sub.add_argument(
        "--retry-delay",
        metavar="SECONDS",
        type=non_negative,
        default=2,
        help=say(
            "the first wait before a retry, doubled each time (default: 2)",
            "第一次重试前等待的秒数，之后每次加倍（默认：2）",
        ),
    )
