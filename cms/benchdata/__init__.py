"""Bulk content for the benchmark harness (bench/): seed_bench builds on these."""
