"""Every word duban shows a person: the message catalogue (``messages``: English lines and their
Chinese, as the command line prints them) and the site's UI text (``locale``: one YAML file per
language). Imports nothing of duban's."""
