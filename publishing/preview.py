"""Draft preview for the website: the admin opens PREVIEW_URL?content_type=…&token=…, and the
website fetches the draft from /api/v2/preview/ with the same pair, in the public detail's shape."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.api.v2.serializers import DetailUrlField
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from publishing.conf import conf
from publishing.http import json_error


class DraftDetailUrlField(DetailUrlField):
    """A page previewed before its first save has no detail URL yet: null, same shape."""

    def get_attribute(self, instance):
        if instance.pk is None:
            return None
        return super().get_attribute(instance)


def serialize_page_detail(request, page):
    """`page` as the pages endpoint's detail view would serialise it (fields, meta, renditions).

    Uses whatever view class is registered for pages in cms.api's router, so pointing the
    router at the final API changes the preview with it.
    """
    from cms.api import api_router

    _name, view_class = api_router.get_model_endpoint(Page)
    request.wagtailapi_router = api_router
    view = view_class(request=request, action="detail_view", format_kwarg=None, kwargs={"pk": page.pk})
    view._cached_object = page
    serializer_class = view.get_serializer_class()
    serializer_class = type(serializer_class.__name__, (serializer_class,), {"detail_url": DraftDetailUrlField()})
    return serializer_class(page, context=view.get_serializer_context()).data


def preview_model(content_type):
    """'news.newspage' → the page model, if it is a headless-previewable page type."""
    try:
        app_label, model_name = content_type.split(".")
        model = apps.get_model(app_label, model_name)
    except (ValueError, LookupError):
        return None
    if issubclass(model, Page) and issubclass(model, HeadlessPreviewMixin):
        return model
    return None


def preview_view(request):
    content_type = request.GET.get("content_type", "")
    token = request.GET.get("token", "")
    if not content_type or not token:
        return json_error(_("Faltan los parámetros «content_type» y «token»."), status=400)
    model = preview_model(content_type)
    if model is None:
        return json_error(_("Tipo de contenido desconocido: %s") % content_type, status=400)
    try:
        model.get_preview_signer().unsign(token, max_age=conf("PREVIEW_MAX_AGE"))
    except SignatureExpired:
        return json_error(_("El token de vista previa expiró; vuelva a pulsar «Vista previa»."), status=403)
    except BadSignature:
        return json_error(_("Token de vista previa inválido."), status=403)
    preview = PagePreview.objects.filter(content_type=ContentType.objects.get_for_model(model), token=token).first()
    if preview is None:
        return json_error(_("No hay vista previa para ese token."), status=404)
    try:
        data = serialize_page_detail(request, preview.as_page())
    except BadRequestError as exc:
        return json_error(str(exc), status=400)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, no_store=True, private=True)
    response["X-Robots-Tag"] = "noindex"
    return response
