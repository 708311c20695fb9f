"""Absolute links to an activity: its detail in the pages API and its page on the website."""

from django.conf import settings


def api_url(page_id):
    return f"{settings.WAGTAILAPI_BASE_URL.rstrip('/')}/api/v2/pages/{page_id}/"


def public_url(page, request=None):
    """The website URL: WEBSITE_URL + the page path relative to its site root (as HeadlessMixin serves),
    with /<language> first for a translation whose ``language`` is annotated (as cms.api.public.SiteRoots)."""
    parts = page.get_url_parts(request)
    if not parts or parts[2] is None:
        return None
    language = getattr(page, "language", None)
    prefix = f"/{language}" if language and language != settings.LANGUAGE_CODE else ""
    return f"{settings.WEBSITE_URL}{prefix}{parts[2]}"
