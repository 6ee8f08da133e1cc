"""The plan's period as written to plan.yaml (moved out of task_reading by h18cc, which had
reached its size; read by year.py, held by the reading of tasks)."""

from __future__ import annotations

import datetime as dt
from typing import NotRequired, TypedDict


class Period(TypedDict):
    """The plan's period as written to plan.yaml."""

    start: dt.date
    end: dt.date
    as_written: NotRequired[str]
