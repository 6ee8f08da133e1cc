"""The workbook's shared strings written in one pass over all of them (h24af), XlsxWriter's bytes.

A province's 台账 holds some 55,000 shared strings at 500 units (its progress texts, problems
and plans are mostly unique). XlsxWriter writes each through four calls and three regular
expressions (control characters, ``_xHHHH_`` look-alikes, leading or trailing whitespace, XML's
``& < >``): a tenth of the 台账's time in a CI build. Here the strings are joined once with a
character none of them holds and escaped in one ``replace`` each; when any string needs what the
one pass does not do (a control character or ``_xHHHH_`` to escape, a rich string, the joining
character itself), XlsxWriter's own writer writes them all. Whitespace is Python's ``isspace``
on the first and last character, which is what XlsxWriter's ``^\\s`` and ``\\s$`` test (``$``
also matches before a final line feed, itself whitespace). Tested against XlsxWriter's writer.
"""

from __future__ import annotations

import re

from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings
from xlsxwriter.workbook import Workbook

_JOIN = "\ue000"  # a private-use character: no text of duban's holds it (checked)
_NOT_PLAIN = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|<r>")


class _SharedStrings(SharedStrings):
    def _write_sst_strings(self) -> None:
        strings = self.string_table.string_array
        joined = _JOIN.join(strings)
        if joined.count(_JOIN) != len(strings) - 1 or _NOT_PLAIN.search(joined):
            super()._write_sst_strings()
            return
        escaped = joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        kept, plain = '<si><t xml:space="preserve">', "<si><t>"
        self.fh.write(
            "".join(
                [
                    f"{kept if (s[:1].isspace() or s[-1:].isspace()) else plain}{e}</t></si>"
                    for s, e in zip(strings, escaped.split(_JOIN), strict=True)
                ]
            )
        )


class _Packager(Packager):
    def _write_shared_strings_file(self) -> None:
        # XlsxWriter's own, with the writer above
        sst = _SharedStrings()
        sst.string_table = self.workbook.str_table
        if not self.workbook.str_table.count:
            return
        sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        sst._assemble_xml_file()


class SheetsWorkbook(Workbook):
    """XlsxWriter's workbook whose shared strings are written as above (its packager hook)."""

    def _get_packager(self) -> Packager:
        return _Packager()
