"""The only reader of a data folder: strict YAML with positions (``strict_yaml``), the schemas
(``schemas``), personal data (``privacy``), org.yaml's maintainers (``maintainers``), resolving the
model and every rule that spans files (``resolve/``), the office's rules and records
(``records/``), the validation cache (``cache``) and the whole folder (``project``).

May import :mod:`duban.model` and :mod:`duban.i18n`.
"""
