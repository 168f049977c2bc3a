"""Use cases. Services flush through repositories and raise domain errors; the unit of work commits."""
