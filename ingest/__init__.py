"""Ingest: sources, normalisation, geocoding and matching; persists through app.services."""
