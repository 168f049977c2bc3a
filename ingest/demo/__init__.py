"""Demo dataset shipped with Coopmap (fictional organisations)."""
