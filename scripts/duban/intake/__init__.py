"""The clerk's ways into a status file: the unit's workbook (export, reading, planning the
changes), the issue form, and edits to a status file's text that keep its comments and layout
(``status_text``). Returns new file contents; the command line writes them.

May import :mod:`duban.outputs`, :mod:`duban.evaluation`, :mod:`duban.load`, :mod:`duban.model`
and :mod:`duban.i18n`.
"""
