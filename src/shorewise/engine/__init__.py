"""shorewise.engine layer."""
