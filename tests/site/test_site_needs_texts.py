"""A model loaded without what holders wrote (``duban check``'s and ``validate``'s lighter
load) is refused by what shows those words: its empty texts would pass for silent reports."""

from __future__ import annotations

import datetime as dt

import pytest

from duban.load.project import load_project
from duban.outputs.open_data import export_data
from duban.site import render_site
from duban.site.context import Settings
from sitekit import DEMO


def test_the_site_and_the_open_data_refuse_a_model_without_texts():
    lean = load_project(DEMO / "data", texts=False).model
    assert lean is not None
    with pytest.raises(ValueError, match="texts"):
        render_site(lean, Settings(as_of=dt.date(2011, 3, 31)))
    with pytest.raises(ValueError, match="texts"):
        export_data(lean)
    full = load_project(DEMO / "data").model
    assert full is not None
    assert export_data(full)["tasks"]  # the same call on the whole model goes through
