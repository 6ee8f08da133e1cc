"""The one rule for text written into XML (the 通报's .docx, every workbook, the Atom feed).

XML 1.0 can hold neither C0 control characters other than tab, line feed and carriage return
(U+0000-U+0008, U+000B, U+000C, U+000E-U+001F), nor U+FFFE and U+FFFF, nor a lone surrogate
(U+D800-U+DFFF: what Python makes of bytes in a command-line argument that are not UTF-8), not
even as character references: python-docx refuses such text ("All strings must be XML
compatible") and a workbook holding them does not open. The loader refuses them in data
(:mod:`duban.load.characters`); text from other paths (``--title``, ``--issuer``) can still hold
them, so every XML output drops them here.

Document properties (the .docx's and the workbook's title, author) hold at most 255 characters
(python-docx refuses more, as Office does): :func:`xml_property` cuts them there, and the text
itself stays whole in the document's body.
"""

from __future__ import annotations

import re

ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Every character XML 1.0 cannot hold, in a Python string."""
PROPERTY_MAX = 255
"""The longest document property (title, author) python-docx and Office accept."""


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (see the module's docstring)."""
    return ILLEGAL_XML.sub("", text)


def xml_property(text: str) -> str:
    """A document property's value: XML text, at most 255 characters (the rest is cut)."""
    return xml_text(text)[:PROPERTY_MAX]
