"""Exporters: one module per format (tables, GraphML, BibTeX, RDF, HTML)."""
