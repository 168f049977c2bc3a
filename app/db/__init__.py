"""Data layer: engine and sessions, models, repositories, and the one dialect module."""
