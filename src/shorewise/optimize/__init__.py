"""shorewise.optimize layer."""
