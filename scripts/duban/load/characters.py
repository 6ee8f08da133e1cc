"""The characters no key or value in the data may hold, and how a message names them.

One rule for the loader (which refuses them) and the plan importer (which drops them from a
document's text, so that what it writes loads).
"""

from __future__ import annotations

import re
import unicodedata

# Characters no key or value may hold (docs/data-format.md lists them for the editor):
# - C0 controls but the line break (tab included: it shows differently everywhere), DEL and C1
#   controls (U+0000-U+0009, U+000B-U+001F, U+007F-U+009F);
# - every Default_Ignorable_Code_Point of Unicode's DerivedCoreProperties.txt (invisible: a
#   name holding one looks like another name but is not the same text): the soft hyphen, the
#   combining grapheme joiner, bidirectional controls, zero-width characters, Mongolian free
#   variation selectors, the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), variation
#   selectors (U+FE0F too: an emoji's style has no place in a plan's data), tags;
# - the 66 noncharacters (U+FDD0-U+FDEF and the last two code points of every plane: U+FFFE,
#   U+FFFF ... U+10FFFE, U+10FFFF), which no text exchanges and XML cannot hold.
# Keys may not hold a line break either.
DEFAULT_IGNORABLE: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
"""Unicode's Default_Ignorable_Code_Point ranges (Unicode 15.1, first and last code point)."""
CONTROLS: tuple[tuple[int, int], ...] = ((0x00, 0x09), (0x0B, 0x1F), (0x7F, 0x9F))
NONCHARACTERS: tuple[tuple[int, int], ...] = (
    (0xFDD0, 0xFDEF),
    *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)),
)
REFUSED_RANGES = CONTROLS + DEFAULT_IGNORABLE + NONCHARACTERS
"""Every range of code points no key or value may hold."""
_REFUSED = "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in REFUSED_RANGES)
REFUSED_IN_VALUES = re.compile(f"[{_REFUSED}]")
REFUSED_IN_KEYS = re.compile(f"[{_REFUSED}\\n]")
_CONTROL_NAMES = {
    0x00: "null",
    0x07: "bell",
    0x08: "backspace",
    0x09: "tab",
    0x0A: "line break",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x0D: "carriage return",
    0x1B: "escape",
    0x7F: "delete",
    0x85: "next line",
}


def character_name(char: str) -> str:
    """``right-to-left override`` for U+202E; control characters have no Unicode name, the 66
    noncharacters are ``noncharacter``."""
    code = ord(char)
    if code in _CONTROL_NAMES:
        return _CONTROL_NAMES[code]
    if (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        return "noncharacter"
    name = unicodedata.name(char, "")
    if name:
        return name.lower()
    return "control character" if unicodedata.category(char) == "Cc" else "unassigned"


def refused_character(char: str) -> str:
    """The message for a character no key or value may contain."""
    return f"contains U+{ord(char):04X} ({character_name(char)}): remove it"
