"""The /api/v2/ router: our endpoints replace Wagtail's stock ones under the same names."""

from wagtail.api.v2.router import WagtailAPIRouter

from cms.api.media import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from cms.api.resolve import ResolveAPIView
from cms.api.views import PublicPagesAPIViewSet


class PublicAPIRouter(WagtailAPIRouter):
    def get_model_endpoint(self, model):
        # Endpoints without a model (resolve, and other apps' feeds) are never a model's endpoint.
        for name, class_ in self._endpoints.items():
            if getattr(class_, "model", None) is not None and issubclass(model, class_.model):
                return name, class_
        return None


api_router = PublicAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("resolve", ResolveAPIView)
