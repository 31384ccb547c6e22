"""shorewise.decision layer."""
