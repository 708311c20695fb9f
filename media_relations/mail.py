"""The press-note email: Spanish subject and body, plain text and HTML, one-click unsubscribe."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from cms.api.public import absolute_api_url, public_documents, public_images
from media_relations import links
from publishing.outbox import public_url

SENDER_NAME = "Oficina de Relaciones Públicas y Protocolo — Municipalidad Provincial del Cusco"


@dataclass(frozen=True)
class NoteContent:
    """What the email says about one public press note (the same for every recipient)."""

    title: str
    lead: str
    url: str
    date: object
    place: str
    image: dict | None
    documents: list


def note_content(page):
    image = None
    if page.main_image_id and public_images().filter(pk=page.main_image_id).exists():
        image = {"url": absolute_api_url(page.main_image.file.url), "alt": page.main_image.description}
    document_ids = [block.value.pk for block in page.body if block.block_type == "document" and block.value]
    documents = [
        {"title": document.title, "url": absolute_api_url(document.url)}
        for document in public_documents().filter(pk__in=document_ids).order_by("title")
    ]
    return NoteContent(
        title=page.title,
        lead=page.lead,
        url=public_url(page),
        date=page.date,
        place=page.place,
        image=image,
        documents=documents,
    )


def build_message(content, contact, email, connection=None):
    unsubscribe = links.unsubscribe_url(contact)
    context = {"note": content, "contact": contact, "unsubscribe_url": unsubscribe, "sender": SENDER_NAME}
    message = EmailMultiAlternatives(
        subject=f"Nota de prensa: {content.title}",
        body=render_to_string("media_relations/email/press_note.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
        connection=connection,
    )
    message.attach_alternative(render_to_string("media_relations/email/press_note.html", context), "text/html")
    return message
