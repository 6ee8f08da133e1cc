"""The languages duban speaks: Chinese by default, English too (messages and the site alike)."""

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
