"""Test-only urlconf: our project's URLs plus stock Wagtail API v2 under /stock-api/v2/, over
the same database, so that tests/api/test_stock_compat.py can send both the same requests."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.urls import urlpatterns as project_urlpatterns

stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)
stock_router.register_endpoint("images", ImagesAPIViewSet)
stock_router.register_endpoint("documents", DocumentsAPIViewSet)

urlpatterns = [path("stock-api/v2/", stock_router.urls), *project_urlpatterns]
