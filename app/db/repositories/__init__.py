"""Repositories: all SQL of the app, one class per aggregate; they flush, never commit."""
