"""Server-rendered pages; each links its JSON twin."""
