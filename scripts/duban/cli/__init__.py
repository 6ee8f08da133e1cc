"""The command line: arguments, files, the clock and exit codes; one module per command family
(``main`` holds the command table). The only package besides :mod:`duban.plugin` that reads the
clock or writes files, and the only one that may import every other."""
