"""Pure typed values: scenarios, workstreams, strategies, assumptions and distributions."""
