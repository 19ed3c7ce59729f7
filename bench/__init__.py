"""Benchmarks: one command each, results in bench/results/."""
