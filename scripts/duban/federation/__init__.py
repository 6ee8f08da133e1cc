"""Federation: other duban repositories feeding this one's roll-ups (``sources``)."""
