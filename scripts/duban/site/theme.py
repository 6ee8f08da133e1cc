"""Material's own pages in the site's language: a theme folder the plugin puts before Material's
templates (after a ``custom_dir`` of mkdocs.yml, which can still override them), so that every
data set's site gets them without a line in its mkdocs.yml.

Material's 404 page says "404 - Not found"; ours says it in the site's language, with a link home.
"""

from __future__ import annotations

from pathlib import Path

from duban.i18n.locale import load_locale

THEME_DIR = Path(__file__).resolve().parent / "templates" / "theme"


def not_found_words(language: str) -> dict[str, str]:
    """What the 404 page says (the template reads them as ``duban_404``)."""
    t = load_locale(language)
    return {
        "title": t.not_found.title,
        "heading": t.not_found.heading,
        "text": t.not_found.text,
        "home": t.not_found.home,
    }
