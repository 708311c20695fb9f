"""Admin: the flat press-notes listing (campaign and gestión columns)."""

from wagtail import hooks

from news.admin_listing import NewsListingViewSet


@hooks.register("register_admin_viewset")
def register_news_listing():
    return NewsListingViewSet("notas")
