"""``data/notify.yaml``: where ``duban notify`` sends each unit's reminder and the office's summary.

The file names routes (a platform and the NAME of the environment variable holding its address),
which units or groups go to which routes, and the office's routes. Addresses, keys and passwords
never stand in the file: ``privacy.leaked_secrets`` refuses them in every data file, and the
schema only lets an environment variable's name through (docs/notify.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from duban.load.strict_yaml import Document
from duban.model.model import Model
from duban.model.problems import Problem

NOTIFY_FILE = "notify.yaml"

DIRECT_KINDS = ("wecom", "dingtalk", "feishu")
"""Group bots sent by duban's own small sender (cli/notify_send.py says why not Apprise)."""
APPRISE_KINDS = ("email", "webhook", "apprise")
SIGNED_KINDS = ("dingtalk", "feishu")


@dataclass(frozen=True)
class Route:
    name: str
    kind: str
    url_env: str
    secret_env: str | None = None


@dataclass(frozen=True)
class NotifyConfig:
    routes: dict[str, Route]
    units: dict[str, tuple[str, ...]]
    default: tuple[str, ...] = ()
    office: tuple[str, ...] = ()
    form_url: str | None = None

    def routes_of(self, holder_id: str, groups_of: tuple[str, ...]) -> tuple[str, ...]:
        """The unit's own routes, else its groups' (in the order of org.yaml), else the default."""
        if holder_id in self.units:
            return self.units[holder_id]
        found: list[str] = []
        for group in groups_of:
            found += [r for r in self.units.get(group, ()) if r not in found]
        return tuple(found) if found else self.default


EMPTY = NotifyConfig({}, {})


def notify_config(document: Document | None) -> NotifyConfig:
    """The configuration of a schema-valid ``notify.yaml`` (EMPTY without one)."""
    if document is None or not isinstance(document.data, dict):
        return EMPTY
    data: dict[str, Any] = document.data
    routes = {
        name: Route(name, spec["kind"], spec["url_env"], spec.get("secret_env"))
        for name, spec in (data.get("routes") or {}).items()
    }
    units = {key: tuple(value) for key, value in (data.get("units") or {}).items()}
    return NotifyConfig(
        routes,
        units,
        tuple(data.get("default") or ()),
        tuple(data.get("office") or ()),
        data.get("form_url"),
    )


def notify_problems(document: Document, model: Model) -> list[Problem]:
    """What the schema cannot see: unknown units and routes, a secret for a platform that
    signs nothing, a route nobody uses."""
    config = notify_config(document)
    problems: list[Problem] = []
    known = ", ".join(sorted(config.routes)) or "-"
    used: set[str] = set()

    def check_list(keys: tuple[Any, ...], names: tuple[str, ...]) -> None:
        for index, name in enumerate(names):
            used.add(name)
            if name not in config.routes:
                message = f"there is no route {name} under routes (routes: {known})"
                problems.append(document.problem((*keys, index), message))

    for holder_id, names in config.units.items():
        if model.entity(holder_id) is None:
            message = f"{holder_id} is not a unit or group in org.yaml"
            problems.append(document.problem(("units", holder_id), message, of_key=True))
        check_list(("units", holder_id), names)
    check_list(("default",), config.default)
    check_list(("office",), config.office)
    for name, route in config.routes.items():
        if route.secret_env is not None and route.kind not in SIGNED_KINDS:
            message = f"secret_env is only for dingtalk and feishu routes, not {route.kind}"
            problems.append(document.problem(("routes", name, "secret_env"), message))
        if name not in used:
            message = f"route {name} is not used by units, default or office: use it or remove it"
            problems.append(document.problem(("routes", name), message, of_key=True))
    return problems
