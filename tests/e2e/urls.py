"""The project's URLs plus the uploaded media, which only DEBUG serves in cms/urls.py."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import handler500  # noqa: F401  (the project's 500/503 answers, as in production)
from cms.urls import urlpatterns as cms_urlpatterns

urlpatterns = [
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *cms_urlpatterns,
]
