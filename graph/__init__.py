"""archive-graph: knowledge graphs, with evidence, from archival records."""

__version__ = "0.1.0"
