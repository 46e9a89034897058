"""The only place that knows SQL: schema, migrations, journal, projections, read queries."""
