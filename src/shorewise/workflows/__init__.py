"""shorewise.workflows layer."""
