"""Benchmark harness: seeds content at scale, serves it with gunicorn and measures it with wrk."""
