from django.urls import path

from cms.api.schema.views import docs_view, schema_view

urlpatterns = [
    path("schema/", schema_view, name="api-schema"),
    path("docs/", docs_view, name="api-docs"),
]
