"""shorewise.uncertainty layer."""
