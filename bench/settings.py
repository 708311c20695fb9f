"""Benchmark runs: the production settings, plus two bench-only switches set by bench/run.py.

- WHITENOISE_ROOT serves the static-file baseline (the listing's bytes) from the same server.
- BENCH_STOCK_API makes cms/urls.py mount the stock Wagtail API v2 at /bench/stock/.
Neither exists in settings.production, so neither can be on in production.
"""

from settings.production import *  # noqa: F403
from settings.production import VAR_DIR, env

BENCH_WWW = env("BENCH_WWW", default=str(VAR_DIR / "bench" / "www"))
WHITENOISE_ROOT = BENCH_WWW
BENCH_STOCK_API = env.bool("BENCH_STOCK_API", default=False)
