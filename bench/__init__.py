"""Benchmarks of the planning engine against published instances and other solvers (not shipped)."""
