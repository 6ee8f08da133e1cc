"""The floor a validator is measured against: libyaml's C parser and jsonschema-rs over the same
files, in one process, with no positions, no messages and no cross-file rules.

    python tests/benchmarks/floor.py DATA_DIR SCHEMA_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import ClassVar

import jsonschema_rs
import yaml

KINDS = {"org": "org", "plan": "plan", "rules": "rules", "tasks": "task", "status": "status"}
KINDS["records"] = "records"


class Loader(yaml.CSafeLoader):
    """The C loader with dates kept as text, as the schemas expect them."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    }


def main(data: Path, schemas: Path) -> int:
    contents = {p.name: json.loads(p.read_text()) for p in schemas.glob("*.schema.json")}
    resources = list(contents.items())
    resources += [(c["$id"], c) for c in contents.values() if "$id" in c]
    registry = jsonschema_rs.Registry(resources)
    validators = {
        kind: jsonschema_rs.validator_for(
            contents[f"{kind}.schema.json"], registry=registry, validate_formats=True
        )
        for kind in set(KINDS.values())
    }
    valid = 0
    for path in sorted(data.rglob("*.yaml")):
        named = path.stem in ("org", "plan", "rules")
        kind = KINDS[path.stem] if named else KINDS[path.parent.name]
        valid += validators[kind].is_valid(yaml.load(path.read_bytes(), Loader=Loader))
    print(valid)
    return 0 if valid else 1


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
