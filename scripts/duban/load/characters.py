"""The characters no key or value in the data may hold, and how a message names them.

One rule for the loader (which refuses them) and the plan importer (which drops them from a
document's text, so that what it writes loads).
"""

from __future__ import annotations

import re
import unicodedata

# Characters no key or value may hold: C0 controls but the line break (tab included: it shows
# differently everywhere), DEL and C1 controls, bidirectional controls (U+061C, U+200E/F,
# U+202A-U+202E, U+2066-U+2069) and zero-width characters (U+200B-U+200D, U+2060, U+FEFF).
# Keys may not hold a line break either.
_REFUSED = (
    "\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f"
    "\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff"
)
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
    """``right-to-left override`` for U+202E; control characters have no Unicode name."""
    code = ord(char)
    if code in _CONTROL_NAMES:
        return _CONTROL_NAMES[code]
    name = unicodedata.name(char, "")
    if name:
        return name.lower()
    return "control character" if unicodedata.category(char) == "Cc" else "not a character"


def refused_character(char: str) -> str:
    """The message for a character no key or value may contain."""
    return f"contains U+{ord(char):04X} ({character_name(char)}): remove it"
