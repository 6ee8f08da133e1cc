"""The words duban.js needs on every page, hand-written ones included (the plugin appends them).

duban.js marks a box wider than the screen (a table, a chart, a code block) with a scroll cue:
a faded right edge and a hint above it. The hint's words come from the locale, like every word
of the site; a hand-written page has no template to carry them, so each page gets this one
hidden element, whose attribute the script reads.
"""

from __future__ import annotations

from markupsafe import escape

from duban.i18n.locale import load_locale


def page_words(language: str) -> str:
    """A hidden element carrying the scroll hint (``data-scroll-hint``) in ``language``."""
    t = load_locale(language)
    return f'<div hidden class="dbn-words" data-scroll-hint="{escape(t.phone.scroll_hint)}"></div>'
