"""Keep bulletins' PDF text current when a document's file is replaced."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model


def refresh_bulletins_pdf_text(sender, instance, raw=False, **kwargs):
    from news.models import BulletinPage

    if raw:
        return
    for page in BulletinPage.objects.filter(pdf=instance):
        page.pdf = instance
        if page.refresh_pdf_text():
            # Only these two columns: the page's other (live) content stays as it is.
            page.save(update_fields=["pdf_text", "pdf_text_source"], clean=False)


def register():
    post_save.connect(refresh_bulletins_pdf_text, sender=get_document_model(), dispatch_uid="search_bulletin_pdf_text")
