"""shorewise.storage layer."""
