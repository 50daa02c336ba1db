"""Ingestion of arXiv papers into the graphsvc graph."""
