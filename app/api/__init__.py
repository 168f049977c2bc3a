"""The JSON API under /api: thin routes, response schemas, dependencies and one error handler."""
