from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_router
from cms.health import healthz, readyz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Benchmark baseline (bench/): the stock Wagtail API v2, only under bench.settings with BENCH_STOCK_API=1.
if getattr(settings, "BENCH_STOCK_API", False):
    urlpatterns += [path("", include("bench.urls"))]

# Pages are rendered by the website; Wagtail's serve view redirects there (HeadlessMixin).
urlpatterns += [path("", include(wagtail_urls))]
