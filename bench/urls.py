"""The stock Wagtail API v2 pages endpoint: the baseline the public API is compared with.

Mounted by cms/urls.py only when settings.BENCH_STOCK_API is on (bench/settings.py).
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

stock_router = WagtailAPIRouter("benchstockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("bench/stock/", stock_router.urls)]
