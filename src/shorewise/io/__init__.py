"""shorewise.io layer."""
