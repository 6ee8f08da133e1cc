"""The clerk's ways into a status file, with one set of rules: the unit's workbook
(``duban export xlsx --unit``, then ``duban import``), ``duban record`` and the issue form.

- ``rows``: the workbook's columns and their words (the issue form's labels), a row, its cells;
- ``targets``: the obligation occurrences a unit reports on, and which one a row names;
- ``workbook_export``: the workbook a unit fills in; ``workbook_read``: reading it (or a CSV) back;
- ``issue_form``: a submitted 报送进展 form as the cells of one row;
- ``changes``: what the rows change in ``data/status/<unit>.yaml``, planned and applied;
- ``status_text``: edits to a status file's text that keep its comments and layout.

Returns new file contents; the command line writes them. May import :mod:`duban.outputs`,
:mod:`duban.evaluation`, :mod:`duban.load`, :mod:`duban.model` and :mod:`duban.i18n`.
"""
