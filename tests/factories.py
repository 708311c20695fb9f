"""Factories for every content type; pages are created under the bootstrapped sections."""

import datetime
import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model

from cms.models import Category, CustomImage, Person
from events.models import CivicEventPage
from news.models import BulletinPage, CampaignPage, NewsPage, SpeechPage


def png_bytes(width=64, height=48, color=(180, 30, 40)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(text="Boletín municipal"):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number, line in enumerate(text.splitlines() or [text]):
        pdf.drawString(72, 760 - 16 * number, line)
    pdf.save()
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda n: f"Imagen {n}")
    description = factory.Sequence(lambda n: f"Fotografía de la Plaza de Armas del Cusco {n}")
    file = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="foto.png"))


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Documento {n}")
    file = factory.LazyFunction(lambda: ContentFile(pdf_bytes(), name="boletin.pdf"))


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Autoridad {n}")
    role = Person.Role.REGIDOR


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Categoría {n}")
    slug = factory.Sequence(lambda n: f"categoria-{n}")


def paragraph(html):
    return ("paragraph", html)


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Nota de prensa {n}")
    date = factory.LazyFunction(timezone.now)
    lead = "La Municipalidad Provincial del Cusco informa a la ciudadanía."
    body = factory.LazyFunction(lambda: [paragraph("<p>Texto de la nota de prensa.</p>")])
    main_image = factory.SubFactory(ImageFactory)


class SpeechPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SpeechPage

    title = factory.Sequence(lambda n: f"Discurso {n}")
    speaker = factory.SubFactory(PersonFactory, role=Person.Role.ALCALDE)
    delivered_on = factory.LazyFunction(timezone.now)
    speech_type = SpeechPage.SpeechType.AS_DELIVERED
    body = factory.LazyFunction(lambda: [paragraph("<p>Vecinas y vecinos del Cusco.</p>")])


class BulletinPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BulletinPage

    title = factory.Sequence(lambda n: f"Boletín {n}")
    kind = BulletinPage.Kind.BULLETIN
    issue_number = factory.Sequence(lambda n: n + 1)
    edition_date = factory.LazyFunction(lambda: timezone.localdate())
    pdf = factory.SubFactory(DocumentFactory)


class CivicEventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CivicEventPage

    title = factory.Sequence(lambda n: f"Actividad {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    event_type = CivicEventPage.EventType.PROTOCOL
    place = "Plaza de Armas del Cusco"


class CampaignPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Campaña {n}")
    purpose = "Difundir la buena imagen de la Municipalidad Provincial del Cusco."
    start_date = factory.LazyFunction(lambda: timezone.localdate())
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


def publish(page):
    """Save a revision and publish it, as the Director's approval does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# Lobby displays (screens app).
from screens.models import Alert, Screen  # noqa: E402


class ScreenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Screen

    slug = factory.Sequence(lambda n: f"pantalla-{n}")
    name = factory.Sequence(lambda n: f"Pantalla {n}")
    building = "Palacio Municipal, Plaza Regocijo S/N"
    play_from = datetime.time(0, 0)
    play_until = datetime.time(0, 0)  # equal times: round the clock
    play_days = "1234567"


class AlertFactory(factory.django.DjangoModelFactory):
    """An alert in force for the next hour, on every screen; published unless published=False."""

    class Meta:
        model = Alert
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Alerta {n}")
    message = "Mensaje de la Municipalidad Provincial del Cusco."
    severity = Alert.Severity.INFO
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(minutes=5))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    all_screens = True

    @factory.post_generation
    def screens(alert, create, extracted, **kwargs):
        """AlertFactory(screens=[...]) targets only those screens."""
        if extracted:
            alert.all_screens = False
            alert.screens.set(extracted)
            if create:
                alert.save()

    @factory.post_generation
    def published(alert, create, extracted, **kwargs):
        if not create:
            return
        if extracted is False:
            alert.live = False
            alert.save()
            alert.save_revision()
        else:
            alert.save_revision().publish()
        alert.refresh_from_db()
