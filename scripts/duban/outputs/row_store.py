"""A workbook's body rows as numbers (h24af): each row a template's number and its texts'
numbers, every template and text held once.

A 台账 repeats a few hundred row templates (:class:`~duban.outputs.sheet_rows.Piece`: the cells'
XML with fields for the row's number, its ordinal and its texts' shared-string indices) and its
names, states and headings on thousands of rows. Held so, a row is two small values, and what a
sheet does with its rows is done on lists of numbers in one pass each (its texts numbered as
shared strings in the order ``write_string`` would number them, :meth:`TableSheet.take_rows`),
not row by row through objects. A CI build keeps a 台账's rows in this form between builds
(:mod:`duban.site.kept_ledger`: the numbers as JSON, read back into a store without making a
row object); a full build puts the rows it makes into a store of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class RowStore:
    """Templates, texts and rows by number; a row's number is its place in :attr:`templates_of`."""

    def __init__(self, templates: Sequence[str] = (), texts: Sequence[str] = ()) -> None:
        self.templates: list[str] = list(templates)
        self.texts: list[str] = list(texts)
        self._template_ids = {t: n for n, t in enumerate(self.templates)}
        self._text_ids = dict(zip(self.texts, range(len(self.texts)), strict=True))
        self.templates_of: list[int] = []
        """Each row's template, by number."""
        self.texts_of: list[list[int]] = []
        """Each row's texts, by number, in the order of its cells' fields."""
        self.values_of: list[Sequence[str]] = []
        """Each row's dates' and numbers' values as its cells hold them, in their order."""

    def add(self, template: str, texts: Iterable[str], values: Sequence[str] = ()) -> int:
        """A row made now (its template and texts as strings): its number."""
        number = self._template_ids.get(template)
        if number is None:
            number = self._template_ids[template] = len(self.templates)
            self.templates.append(template)
        ids, known = [], self._text_ids
        for text in texts:
            found = known.get(text)
            if found is None:
                found = known[text] = len(self.texts)
                self.texts.append(text)
            ids.append(found)
        self.templates_of.append(number)
        self.texts_of.append(ids)
        self.values_of.append(values)
        return len(self.templates_of) - 1

    def extend(
        self, templates: list[int], texts: list[list[int]], values: list[list[str]]
    ) -> range:
        """Rows by their templates' and texts' numbers and their values (checked by whoever
        read them): their numbers."""
        first = len(self.templates_of)
        self.templates_of.extend(templates)
        self.texts_of.extend(texts)
        self.values_of.extend(values)
        return range(first, len(self.templates_of))

    def texts_of_row(self, row: int) -> tuple[str, ...]:
        return tuple(self.texts[n] for n in self.texts_of[row])
