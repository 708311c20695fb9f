"""The public read API (DESIGN.md §6): Wagtail API v2 made complete, bulk-loaded and cached.

Reusable pieces for other apps (import them from their modules, not from here, so that
importing this package during app loading stays free of model imports):

- ``cms.api.public.public_pages`` / ``public_images`` / ``public_documents``: querysets of
  live, public content only.
- ``cms.api.cache.cached_public_response``: view decorator adding ETag/304, Cache-Control,
  Last-Modified and a server-side cache invalidated by the content generation.
- ``cms.api.schema.registry.register_openapi``: add paths/components to ``/api/schema/``.
- ``cms.api.registry.register_page_type``: per-type filters (date field, category…).
"""


def __getattr__(name):
    # `from cms.api import api_router` (cms/urls.py) without importing views at app loading.
    if name == "api_router":
        from cms.api.router import api_router

        return api_router
    raise AttributeError(name)
