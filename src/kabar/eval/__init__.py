"""Metrics and gold loaders behind ``kabar eval`` and the golden tests."""
