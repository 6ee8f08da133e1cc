"""``duban notify``: each unit's reminder and the office's summary, sent where officials read.

The digests come from the check report (outputs/notify_digest.py), are split for each platform
(outputs/notify_messages.py) and go to the routes of ``data/notify.yaml``; addresses and keys come
from the environment only. ``--dry-run`` prints every message and sends nothing. The state file
keeps a second run for the same as-of date from sending a message again. A channel that fails is
retried with backoff and reported; the others go on; the exit code is 1 if anything was not
delivered (docs/notify.md).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

from duban.cli.common import (
    EXIT_INVALID_DATA,
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    as_of_date,
    load_or_report,
    narrowed,
)
from duban.cli.notify_send import Channel, State, check_address, deliver, message_key
from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.i18n.messages import say
from duban.load.notify_config import NOTIFY_FILE, NotifyConfig, Route, notify_config
from duban.model.model import Model
from duban.model.problems import printable
from duban.outputs.check_markdown import SiteLinks
from duban.outputs.notify_digest import Digest, office_digest, unit_digests
from duban.outputs.notify_messages import Message, shown, split, within_rate

BUNDLE = "DUBAN_NOTIFY_SECRETS"
"""One variable (one CI secret) that may hold every route's variables, a NAME=value a line:
the workflow then passes one secret, whatever routes notify.yaml names (docs/notify.md)."""

NO_ROUTE = Route("-", "webhook", "")


def env_value(name: str) -> str:
    """The variable's value: from the environment, else from the DUBAN_NOTIFY_SECRETS bundle."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    for line in os.environ.get(BUNDLE, "").splitlines():
        key, sep, found = line.strip().partition("=")
        if sep and key.strip() == name:
            return found.strip()
    return ""


"""Where digests of units without a route are shown by --dry-run (nothing is sent there)."""


def default_state_path(data_dir: Path) -> Path:
    """Outside the repository: $DUBAN_NOTIFY_STATE, else the user's state folder, one file per
    data folder."""
    chosen = os.environ.get("DUBAN_NOTIFY_STATE")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    tag = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:12]
    return Path(base) / "duban" / f"notify-{tag}.json"


def groups_of(model: Model, holder_id: str) -> tuple[str, ...]:
    return tuple(
        g.id for g in model.groups.values() if any(m.unit_id == holder_id for m in g.members)
    )


def planned(
    model: Model, config: NotifyConfig, digests: list[Digest], office: Digest, overdue: str | None
) -> tuple[dict[str, list[Message]], list[str]]:
    """Route name -> its messages, and the units with something to say but no route."""
    by_route: dict[str, list[Digest]] = {}
    unrouted = []
    for digest in digests:
        routes = config.routes_of(digest.key, groups_of(model, digest.key))
        if not routes:
            unrouted.append(digest.key)
        for name in routes:
            by_route.setdefault(name, []).append(digest)
    for name in config.office:
        by_route.setdefault(name, []).append(office)
    plan = {}
    for name, routed in by_route.items():
        kind = config.routes[name].kind
        messages = [m for d in routed for m in split(d, kind)]
        plan[name] = within_rate(messages, kind, overdue)
    return plan, unrouted


def cmd_notify(args: argparse.Namespace) -> int:
    as_of = as_of_date(args.as_of)
    data_dir = Path(args.data)
    project = load_or_report(data_dir)
    if not project.ok:
        return EXIT_INVALID_DATA
    assert project.model is not None
    model = narrowed(project.model, args)
    document = next((d for d in project.documents if d.file == NOTIFY_FILE), None)
    config = notify_config(document)
    report = check_report(model, evaluate(model, as_of, args.due_soon_days))
    links = SiteLinks(args.site_url)
    digests = unit_digests(report, links, config.form_url)
    office = office_digest(report, links)
    plan, unrouted = planned(model, config, digests, office, links.overdue())
    state_path = Path(args.state) if args.state else default_state_path(data_dir)
    state = State.read(state_path, as_of)  # --dry-run only reads it
    if args.dry_run:
        if not config.routes:  # no notify.yaml: show what there is to say
            plan = {NO_ROUTE.name: [m for d in [*digests, office] for m in split(d, "webhook")]}
            unrouted = []
        print_plan(plan, config, unrouted, state)
        return EXIT_OK
    if unrouted:
        names = ", ".join(unrouted)
        print(say(f"no route for: {names}", f"以下单位没有发送路线：{names}"), file=sys.stderr)
    try:
        return send_all(plan, config, state, args.retries, args.retry_delay)
    except OSError as error:  # the state file: what was sent is then not remembered
        shown, reason = printable(str(state_path)), error.strerror or type(error).__name__
        raise UsageError(
            say(
                f"--state: cannot write {shown}: {reason} (a next run may send again)",
                f"--state：无法写入 {shown}：{reason}（下次运行可能重复发送）",
            )
        ) from None


def _channel(route: Route) -> tuple[Channel | None, str]:
    url = env_value(route.url_env)
    if not url:
        return None, say(
            f"environment variable {route.url_env} is not set",
            f"环境变量 {route.url_env} 未设置",
        )
    secret = env_value(route.secret_env) if route.secret_env else None
    if route.secret_env and not secret:
        return None, say(
            f"environment variable {route.secret_env} is not set",
            f"环境变量 {route.secret_env} 未设置",
        )
    problem = check_address(route.kind, url)
    if problem:
        return None, f"{route.url_env}{say(': ', '：')}{problem}"
    return Channel(route, url, secret), ""


def print_plan(
    plan: dict[str, list[Message]], config: NotifyConfig, unrouted: list[str], state: State
) -> None:
    out = sys.stdout
    for name, messages in plan.items():
        route = config.routes.get(name, NO_ROUTE)
        if route is NO_ROUTE:
            head = say(
                "== no data/notify.yaml: the messages there are (nothing is sent) ==",
                "== 没有 data/notify.yaml：以下是要发送的消息（不会发送）==",
            )
        else:
            is_set = say("set", "已设置") if env_value(route.url_env) else say("NOT SET", "未设置")
            head = say(
                f"== route {name} ({route.kind}, {route.url_env}: {is_set}): "
                f"{len(messages)} messages ==",
                f"== 路线 {name}（{route.kind}，{route.url_env}：{is_set}）："
                f"{len(messages)} 条消息 ==",
            )
        print(printable(head), file=out)
        for message in messages:
            done = say(" (sent already: skipped)", "（今天已发送过，将跳过）")
            mark = done if message_key(name, message) in state.sent else ""
            print(f"--- {printable(message.label)}{mark} ---", file=out)
            print(shown(route.kind, message.title, message.body), file=out)
        print(file=out)
    if unrouted:
        names = ", ".join(unrouted)
        print(say(f"no route for: {names}", f"以下单位没有发送路线：{names}"), file=out)


def send_all(
    plan: dict[str, list[Message]],
    config: NotifyConfig,
    state: State,
    retries: int,
    delay: float,
) -> int:
    """Send every route's messages; one failing route never stops the others."""
    sent = skipped = failed = 0
    for name, messages in plan.items():
        route = config.routes[name]
        channel, why = _channel(route)
        if channel is None:
            failed += len(messages)
            print(
                printable(say(f"route {name}: not sent: {why}", f"路线 {name}：未发送：{why}")),
                file=sys.stderr,
            )
            continue
        for message in messages:
            key = message_key(name, message)
            if key in state.sent:
                skipped += 1
                continue
            ok, error, attempts = deliver(channel, message, retries=retries, base_delay=delay)
            if ok:
                sent += 1
                state.remember(key)
                print(
                    printable(
                        say(
                            f"route {name}: sent {message.label}",
                            f"路线 {name}：已发送 {message.label}",
                        )
                    )
                )
            else:
                failed += 1
                print(
                    printable(
                        say(
                            f"route {name}: {message.label} not delivered after {attempts} "
                            f"attempts: {error}",
                            f"路线 {name}：{message.label} 尝试 {attempts} 次仍未送达：{error}",
                        )
                    ),
                    file=sys.stderr,
                )
    print(
        say(
            f"sent {sent}, already sent today {skipped}, not delivered {failed}",
            f"已发送 {sent} 条，今天已发送过（跳过）{skipped} 条，未送达 {failed} 条",
        )
    )
    return EXIT_PROBLEMS if failed else EXIT_OK
