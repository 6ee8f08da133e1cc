"""The iCalendar export: RFC 5545 folding and escaping, stable UIDs, reproducible output."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duban.evaluation.evaluate import evaluate
from duban.i18n.locale import load_locale
from duban.load.project import load_project
from duban.model.model import Model
from duban.outputs.ics import calendar_ics, escape_text, fold
from helpers import BASE, CASES, lay_out_case

D = dt.date
MARCH = D(2011, 3, 15)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


@given(st.text(max_size=400))
def test_folding_keeps_lines_within_75_octets_and_never_cuts_a_character(text):
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line)
    parts = folded.split("\r\n")
    for part in parts:
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line
    # each line is as long as it may be: the next one's first character would not have fitted
    for part, following in itertools.pairwise(parts):
        assert len((part + following[1]).encode("utf-8")) > 75


@given(st.text(max_size=200))
def test_escaping_round_trips_and_leaves_no_bare_separators(text):
    escaped = escape_text(text)
    assert unescape(escaped) == text.replace("\r\n", "\n").replace("\r", "\n")
    assert "\n" not in escaped and "\r" not in escaped
    for match in re.finditer(r"(\\*)[;,]", escaped):
        assert len(match[1]) % 2 == 1  # every ; and , is preceded by an escaping backslash


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Model:
    project = lay_out_case(CASES / "valid" / "supervision", tmp_path_factory.mktemp("s") / "p")
    loaded = load_project(project / "data")
    assert loaded.model is not None
    return loaded.model


def events(text: str) -> list[dict[str, str]]:
    found, current = [], None
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif (
            current is not None
            and ":" in line
            and not line.startswith(("BEGIN:VALARM", "END:VALARM", "ACTION:", "TRIGGER:"))
        ):
            name, _, value = line.partition(":")
            current.setdefault(name, value)
    return found


def test_every_occurrence_is_an_all_day_event_with_alarms_while_still_to_do(model):
    text = calendar_ics(model, evaluate(model, D(2011, 3, 15)))
    assert text.endswith("END:VCALENDAR\r\n") and "\n" not in text.replace("\r\n", "")
    items = [i for i in evaluate(model, D(2011, 3, 15)).items if i.state.value != "not-applicable"]
    targets = sum(len(d.targets) for t in model.tasks.values() for d in t.due if d.indicator)
    found = events(text)
    assert len(found) == len(items) + targets
    for event in found:
        start = dt.datetime.strptime(event["DTSTART;VALUE=DATE"], "%Y%m%d").date()
        end = dt.datetime.strptime(event["DTEND;VALUE=DATE"], "%Y%m%d").date()
        assert end - start == dt.timedelta(days=1)
    # three alarms on what is still to do from the as-of day on; none on what is done or past
    done = tuple(f"：{load_locale('zh').state[s]}" for s in ("done-on-time", "done-late"))
    blocks = text.split("BEGIN:VEVENT")[1:]
    ringing = 0
    for block, event in zip(blocks, found, strict=True):
        start = dt.datetime.strptime(event["DTSTART;VALUE=DATE"], "%Y%m%d").date()
        description = "".join(unfold(block))
        still_to_do = start >= D(2011, 3, 15) and not any(w in description for w in done)
        assert block.count("BEGIN:VALARM") == (3 if still_to_do else 0), event["UID"]
        ringing += still_to_do
    assert 0 < ringing < len(found)
    assert [t for t in re.findall(r"TRIGGER:(\S+)", text)][:3] == ["-P30D", "-P7D", "-P1D"]
    uids = [e["UID"] for e in found]
    assert len(uids) == len(set(uids))


def test_uids_are_stable_when_the_data_and_the_date_change(model):
    before = {
        e["UID"] for e in events(calendar_ics(model, evaluate(model, D(2011, 3, 15)), "beta"))
    }
    entry = next(iter(model.status.values()))
    changed = dataclasses.replace(
        model, status={k: v for k, v in model.status.items() if v != entry}
    )
    after = {
        e["UID"] for e in events(calendar_ics(changed, evaluate(changed, D(2012, 6, 1)), "beta"))
    }
    assert before == after
    assert "test-plan.01.beta.main.once@duban" in before
    assert "test-plan.02.beta.training.2011@duban" in before


def test_output_is_reproducible_and_dtstamp_comes_from_the_data(model):
    assert calendar_ics(model, evaluate(model, D(2011, 3, 15))) == calendar_ics(
        model, evaluate(model, D(2011, 3, 15))
    )
    assert "DTSTAMP:20110315T000000Z" in calendar_ics(model, evaluate(model, D(2011, 3, 15)))
    undated = calendar_ics(model)
    assert undated == calendar_ics(model)
    assert "DTSTAMP:20121210T000000Z" in undated  # the latest record: the 2012 grading
    assert "截至" not in undated  # no evaluation, no state


def test_a_target_of_a_task_without_deadline_words_is_an_event_without_a_description(model):
    tasks = {k: dataclasses.replace(t, deadline_as_written=None) for k, t in model.tasks.items()}
    bare = dataclasses.replace(model, tasks=tasks)
    targets = [e for e in events(calendar_ics(bare)) if ".target." in e["UID"]]
    assert len(targets) == sum(len(d.targets) for t in tasks.values() for d in t.due if d.indicator)
    assert "" in {e["DESCRIPTION"] for e in targets}  # those whose due has no words either
    duties = [e for e in events(calendar_ics(bare)) if ".target." not in e["UID"]]
    assert duties and not [e for e in duties if "None" in e["DESCRIPTION"]]  # no "完成时限：None"


def test_follow_up_deadlines_appear_once_they_are_set(model):
    def rectifications(as_of):
        return [e["UID"] for e in events(calendar_ics(model, evaluate(model, as_of), "shifan-c"))]

    assert rectifications(D(2010, 12, 1)) == []
    assert rectifications(D(2011, 1, 1)) == ["test-plan.05.shifan-c.rectification.2010@duban"]


def test_a_group_with_members_stands_for_its_members(model):
    members = {
        e["UID"].split(".")[2]
        for e in events(calendar_ics(model, evaluate(model, D(2011, 3, 15)), "shifan"))
    }
    assert members == {"shifan-b", "shifan-c"}  # shifan-a has no deadline set by 2011-03-15
    with pytest.raises(ValueError, match="'nobody' is not a unit or group"):
        calendar_ics(model, None, "nobody")


def test_hostile_text_is_escaped_not_interpreted():
    loaded = load_project(BASE / "data")
    assert loaded.model is not None
    task = loaded.model.tasks["test-plan/01"]
    nasty = dataclasses.replace(task, title="制度;\r\nEND:VCALENDAR\r\nBEGIN:VEVENT,x\\")
    model = dataclasses.replace(loaded.model, tasks={**loaded.model.tasks, "test-plan/01": nasty})
    text = calendar_ics(model, evaluate(model, D(2010, 1, 1)), "alpha")
    lines = unfold(text)
    assert lines.count("END:VCALENDAR") == 1
    assert lines.count("BEGIN:VEVENT") == len(events(text))
    summary = next(line for line in lines if line.startswith("SUMMARY:") and "制度" in line)
    assert summary.endswith("制度\\;\\nEND:VCALENDAR\\nBEGIN:VEVENT\\,x\\\\")
