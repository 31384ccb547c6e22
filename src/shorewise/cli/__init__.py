"""shorewise.cli layer."""
