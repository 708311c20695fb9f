"""A real SMTP server on 127.0.0.1 (aiosmtpd, in a thread) and the press fixtures."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from wagtail.models import Page

from cms.models import Institution, MediaOutlet
from news.models import NewsIndexPage
from tests.factories import CategoryFactory, DocumentFactory, ImageFactory, NewsPageFactory


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingHandler:
    """Accepts every message and keeps it (envelope recipients and the parsed message)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append({"rcpt": list(envelope.rcpt_tos), "message": message})
        return "250 2.0.0 Message accepted for delivery"


class RefusingHandler(RecordingHandler):
    """Answers every recipient with the given SMTP reply (a 4xx or 5xx)."""

    def __init__(self, reply):
        super().__init__()
        self.reply = reply
        self.refused = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.refused += 1
        return self.reply


class SMTPServer:
    def __init__(self, handler):
        self.handler = handler
        self.port = free_port()
        self.controller = Controller(handler, hostname="127.0.0.1", port=self.port)

    @property
    def messages(self):
        return self.handler.messages

    def settings(self):
        return override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=self.port,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_TIMEOUT=10,
        )


@pytest.fixture
def smtp_server():
    server = SMTPServer(RecordingHandler())
    server.controller.start()
    with server.settings():
        yield server
    server.controller.stop()


@pytest.fixture
def database_queue():
    """Tasks go to the database queue that `manage.py worker` runs (settings.test runs them at once)."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


@pytest.fixture
def categories(db):
    return {slug: CategoryFactory(name=slug.title(), slug=slug) for slug in ("obras", "cultura", "deporte")}


def outlet(name, email, categories=(), accredited=True, **extra):
    contact = MediaOutlet.objects.create(
        name=name, kind=MediaOutlet.Kind.DIGITAL, email=email, accredited=accredited, **extra
    )
    contact.categories.set(categories)
    return contact


@pytest.fixture
def contacts(categories):
    """Two accredited contacts who want "obras", and four who must get nothing."""
    obras, cultura = categories["obras"], categories["cultura"]
    wanted = [
        outlet("Ejemplo Noticias", "ana@noticias.example.org", [obras, cultura]),
        Institution.objects.create(
            name="Asociación Ejemplo",
            sector=Institution.Sector.CIVIC,
            email="info@asociacion.example.org",
            accredited=True,
        ),
    ]
    wanted[1].categories.set([obras])
    unwanted = [
        outlet("Radio Otra Cosa", "radio@otra.example.net", [categories["deporte"]]),
        outlet("Semanario Sin Acreditar", "jorge@semanario.example.org", [obras], accredited=False),
        outlet("Canal Dado de Baja", "baja@canal.example.com", [obras], unsubscribed_at="2026-01-01T00:00:00Z"),
        outlet("Medio Sin Correo", "", [obras]),
    ]
    return {"wanted": wanted, "unwanted": unwanted}


@pytest.fixture
def news_index(site_tree):
    return NewsIndexPage.objects.get(slug="notas-de-prensa", locale__language_code="es")  # also in qu and en


def make_note(news_index, categories, **kwargs):
    document = DocumentFactory(title="Boletín de obras (PDF)")
    note = NewsPageFactory.build(
        title=kwargs.pop("title", "Inauguración del puente de Sapantiana"),
        lead="El Alcalde inauguró el puente restaurado.",
        body=[("paragraph", "<p>Texto de la nota.</p>"), ("document", document)],
        main_image=ImageFactory(description="Puente de Sapantiana restaurado"),
        **kwargs,
    )
    news_index.add_child(instance=note)
    note.categories.set(categories)
    note.save()
    return Page.objects.get(pk=note.pk).specific
