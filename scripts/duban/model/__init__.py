"""The resolved data as frozen dataclasses, and the values every stage shares.

``org`` (units, groups, kinds, bodies), ``plan`` (plans, tasks, deadlines, occurrences), ``status``
(what holders reported), ``supervision`` (the office's rules and records), ``model`` (the whole
data folder, and each obligation), ``refs`` (the key of an occurrence, a record's place),
``problems`` (a problem with the data, as a value) and ``deadlines`` (calendar arithmetic for
deadlines). May import only :mod:`duban.i18n`.
"""
