"""Generated pages handed to MkDocs as files whose placeholder is made when first read (h24l).

The hand-off (:mod:`.handoff`) gives MkDocs a placeholder of each generated page, and making
it reads the whole page (a few hundred KB for a province's unit page). A page the page cache
gives whole (:mod:`.reuse`) needs none: in ``on_pre_page``, before MkDocs reads the page, its
file is given the page's front matter alone. So a :class:`HandedPage` holds its page's source
and makes the placeholder only when MkDocs reads it; an incremental build makes the
placeholders of the pages it makes again, not of the thousands it reuses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from duban.plugin.handoff import Handoff, old_way

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class HandedPage(File):
    """A generated page: its placeholder is made from ``source`` when its content is read."""

    source: str | None = None
    handoff: Handoff | None = None
    made: str | bytes | None = None

    @property
    def _content(self) -> str | bytes | None:
        if self.source is not None and self.handoff is not None:
            source, self.source = self.source, None
            self.made = self.handoff.one(self.src_uri, source)
        return self.made

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self.made, self.source = value, None


def handed_files(
    config: MkDocsConfig, handoff: Handoff, generated: Mapping[str, str | bytes]
) -> list[File]:
    """The generated files as MkDocs is given them: pages as :class:`HandedPage`, the rest as
    they are (and with ``DUBAN_SITE_HANDOFF=markdown``, pages too)."""
    handoff.start()
    found: list[File] = []
    for uri, content in generated.items():
        if isinstance(content, str) and uri.endswith(".md") and not old_way():
            page = HandedPage.generated(config, uri, content="")
            assert isinstance(page, HandedPage)
            page.source, page.handoff = content, handoff
            found.append(page)
        else:
            found.append(File.generated(config, uri, content=content))
    return found
