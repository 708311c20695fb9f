"""A press note going live for the first time becomes a release to the distribution list."""

from wagtail.signals import page_published

from cms.api.public import public_pages


def on_news_published(sender, instance, revision=None, **kwargs):
    # Wagtail also sends this when a revision is only scheduled (embargo): send only what is public now.
    if not instance.live or revision is None:
        return
    if not public_pages(type(instance)).filter(pk=instance.pk).exists():
        return
    from media_relations.delivery import create_release

    create_release(instance, revision)


def register():
    from news.models import NewsPage

    page_published.connect(on_news_published, sender=NewsPage, dispatch_uid="media_relations_news_published")
