"""Benchmarks (`make bench`): figures printed against DESIGN.md targets; never timed unit tests."""
