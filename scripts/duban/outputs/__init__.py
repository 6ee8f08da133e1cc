"""The office's files, as ``str`` or ``bytes``:

- ``check_formats``: text, JSON, Markdown, GitHub annotations, the overdue issue;
- ``bulletin`` + ``bulletin_docx``: the 督办通报;
- ``ledger``: the 任务落实台账;
- ``ics``: calendars; ``open_data``: the JSON export; ``codeowners``;
- ``spreadsheet``: the one XLSX and CSV writer;
- ``xml_text``: the characters XML cannot hold, dropped from every XML output (.docx, .xlsx,
  the Atom feed), and document properties cut at 255 characters;
- ``urls``: the site's URL rules, which the Markdown report's links share with the site.

Writes nothing; the command line and the site do.

May import :mod:`duban.evaluation`, :mod:`duban.model`, :mod:`duban.i18n` and
:mod:`duban.load.maintainers`' account rule.
"""
