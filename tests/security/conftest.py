from tests.api.conftest import recording_cdn  # noqa: F401  (the CDN purge recorder)
