"""Relations between articles: events (and, later, duplicates and derivations)."""
