"""Assembled results: summaries of a Monte Carlo run, eligibility and recommendations."""
