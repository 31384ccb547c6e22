"""The local web app (`shorewise serve`)."""
