"""duban (督办): track government implementation plans kept as schema-validated YAML."""

__version__ = "0.1.0"
