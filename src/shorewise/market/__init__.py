"""shorewise.market layer."""
