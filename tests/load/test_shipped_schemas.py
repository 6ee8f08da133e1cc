"""duban's own schemas are valid JSON Schemas (h24o: loading skips the metaschema check for a
schema equal to the shipped one, so it is made here), and a schema beside the data that differs
from the shipped one is still checked."""

from __future__ import annotations

import json
import shutil

from jsonschema import Draft202012Validator

from duban.load.schemas import default_schema_dir, load_schemas


def test_every_shipped_schema_passes_the_metaschema():
    shipped = sorted(default_schema_dir().glob("*.schema.json"))
    assert len(shipped) >= 10
    for path in shipped:
        Draft202012Validator.check_schema(json.loads(path.read_text("utf-8")))


def test_a_changed_schema_is_still_checked(tmp_path):
    schemas = tmp_path / "schemas"
    shutil.copytree(default_schema_dir(), schemas)
    assert load_schemas(schemas)[0] is not None  # the shipped ones, copied
    path = schemas / "status.schema.json"
    content = json.loads(path.read_text("utf-8"))
    content["type"] = "no such type"  # still JSON, no longer a schema
    path.write_text(json.dumps(content), "utf-8")
    found, problems = load_schemas(schemas)
    assert found is None
    assert {p.path for p in problems} == {str(path)}
    assert any("not a usable JSON Schema" in p.message for p in problems)
