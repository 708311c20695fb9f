from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.admin_help import admin_js_catalog
from cms.api import api_router
from cms.api.cache import cached_public_response
from cms.health import healthz, readyz
from events import api as events_api
from media_relations.api import interview_requests
from news.feeds import NewsFeed
from publishing.preview import preview_view
from screens.api import screen_feed

# A database still locked or unreachable after its timeout is a JSON 503, not an HTML 500.
handler500 = "cms.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/jsi18n/", admin_js_catalog),  # Wagtail's JS catalog plus cms/locale (cms/admin_help.py)
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Lobby displays (screens app): each screen's feed, before the api/v2/ router, and the display page.
    path("api/v2/screens/<str:slug>/", screen_feed, name="screens_feed"),
    path("screens/", include("screens.urls")),
    # Publishing integrations: RSS and draft preview (withdrawn pages answer 410 in resolve).
    path("feeds/noticias/", NewsFeed(), name="feed_noticias"),
    path("api/v2/preview/", preview_view, name="api_preview"),
    # Civic calendar (events app): occurrences in a range and the iCalendar feed.
    # Server-cached by content generation: expanding 2,000 activities costs seconds (bench/).
    path("api/v2/calendar/", cached_public_response(events_api.calendar, one_at_a_time=True), name="calendar"),
    path(
        "api/v2/calendar.ics",
        cached_public_response(events_api.calendar_ics, one_at_a_time=True),
        name="calendar_ics",
    ),
    # Press (media_relations): the website's interview requests, the only public write.
    path("api/v2/interview-requests/", interview_requests, name="interview_requests"),
    path("prensa/", include("media_relations.urls")),
    path("api/v2/", api_router.urls),
    path("api/", include("cms.api.urls")),  # OpenAPI schema and docs page of the public API
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Benchmark baseline (bench/): the stock Wagtail API v2, only under bench.settings with BENCH_STOCK_API=1.
if getattr(settings, "BENCH_STOCK_API", False):
    urlpatterns += [path("", include("bench.urls"))]

# Pages are rendered by the website; Wagtail's serve view redirects there (HeadlessMixin).
urlpatterns += [path("", include(wagtail_urls))]
