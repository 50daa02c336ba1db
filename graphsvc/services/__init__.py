"""Query and shaping logic behind the API routes, one module per area."""
