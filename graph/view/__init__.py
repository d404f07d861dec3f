"""The view stage: RDF -> networkx -> one offline HTML page (see ``network.py`` and ``html.py``)."""

from graph.view.html import render_html, write_view
from graph.view.network import to_networkx

__all__ = ["render_html", "to_networkx", "write_view"]
