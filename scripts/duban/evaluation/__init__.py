"""States as of a date: pure functions of the model and ``as_of``, never the clock.

``evaluate`` (the state of each occurrence, progress), ``indicators`` (targets against figures),
``escalation`` (the stage a late item has reached), ``flags`` (ranking and grading outcomes) and
``check_report`` (what is late and due soon, by holder: the one selection every office output
reads). May import :mod:`duban.model` and :mod:`duban.i18n`.
"""
