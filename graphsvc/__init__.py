"""graphsvc: a researcher knowledge graph and its HTTP API."""

__version__ = "0.1.0"
