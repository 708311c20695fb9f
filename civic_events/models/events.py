"""The civic calendar: an activity page with its recurrence and per-occurrence changes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from cms.mixins import ScreenHeadlineMixin, SectionIndexPage
from civic_events.validators import validate_exception_dates, validate_rrule

EVENT_TIME_ZONE = "America/Lima"


class EventStatus(models.TextChoices):
    SCHEDULED = "programado", _("Programado")
    CANCELLED = "cancelado", _("Cancelado")
    POSTPONED = "postergado", _("Postergado")
    RESCHEDULED = "reprogramado", _("Reprogramado")


class EventIndexPage(SectionIndexPage):
    subpage_types = ["events.CivicEventPage"]

    class Meta:
        verbose_name = _("Calendario cívico")
        verbose_name_plural = _("Calendario cívico")


class CivicEventPage(HeadlessMixin, ScreenHeadlineMixin, Page):
    class EventType(models.TextChoices):
        CIVIC_DATE = "fecha_civica", _("Fecha cívica")
        PROTOCOL = "acto_protocolar", _("Acto protocolar")
        SOLEMN_SESSION = "sesion_solemne", _("Sesión solemne")
        PRESS_CONFERENCE = "conferencia_prensa", _("Conferencia de prensa")
        CAMPAIGN = "campana", _("Campaña")
        CEREMONY = "ceremonia", _("Ceremonia")
        OTHER = "otro", _("Otra actividad")

    start = models.DateTimeField(_("inicio"), db_index=True)
    end = models.DateTimeField(_("fin"))
    all_day = models.BooleanField(_("todo el día"), default=False)
    recurrence = models.CharField(
        _("repetición (RRULE)"),
        max_length=255,
        blank=True,
        validators=[validate_rrule],
        help_text=_("Regla RFC 5545, p. ej. FREQ=YEARLY para una fecha cívica anual. Vacío: no se repite."),
    )
    exception_dates = models.TextField(
        _("fechas de excepción"),
        blank=True,
        validators=[validate_exception_dates],
        help_text=_("Fechas en que no ocurre (AAAA-MM-DD), una por línea."),
    )
    status = models.CharField(_("estado"), max_length=16, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
    status_reason = models.CharField(
        _("motivo público del estado"), max_length=255, blank=True, help_text=_("Se publica junto al estado.")
    )
    event_type = models.CharField(_("tipo de actividad"), max_length=32, choices=EventType.choices)
    description = RichTextField(_("descripción"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    place = models.CharField(_("lugar"), max_length=255)
    address = models.CharField(_("dirección"), max_length=255, blank=True)
    presided_by = models.ForeignKey(
        "cms.Person",
        verbose_name=_("preside"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presided_events",
    )
    protocol_notes = models.TextField(
        _("notas de protocolo (internas)"),
        blank=True,
        help_text=_("Solo para la oficina: nunca se publican."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Fecha y hora (America/Lima)"),
        ),
        MultiFieldPanel([FieldPanel("recurrence"), FieldPanel("exception_dates")], heading=_("Repetición")),
        InlinePanel("occurrence_overrides", label=_("Cambios en una fecha concreta")),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_reason")], heading=_("Estado")),
        FieldPanel("event_type"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("address"), FieldPanel("presided_by")], heading=_("Lugar")),
        FieldPanel("protocol_notes"),
        *ScreenHeadlineMixin.screen_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("place"),
        index.FilterField("start"),
        index.FilterField("event_type"),
    ]
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("recurrence"),
        APIField("status"),
        APIField("status_reason"),
        APIField("event_type"),
        APIField("description"),
        APIField("place"),
        APIField("address"),
        APIField("presided_by"),
        *ScreenHeadlineMixin.screen_api_fields,
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Actividad")
        verbose_name_plural = _("Actividades")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("El fin no puede ser anterior al inicio.")})


class EventOccurrenceOverride(Orderable):
    """One occurrence of a recurring activity that was cancelled, postponed or moved."""

    event = ParentalKey(CivicEventPage, on_delete=models.CASCADE, related_name="occurrence_overrides")
    original_start = models.DateTimeField(_("fecha y hora original"))
    status = models.CharField(_("estado"), max_length=16, choices=EventStatus.choices)
    new_start = models.DateTimeField(_("nuevo inicio"), null=True, blank=True)
    new_end = models.DateTimeField(_("nuevo fin"), null=True, blank=True)
    reason = models.CharField(_("motivo público"), max_length=255, blank=True)

    panels = [
        FieldPanel("original_start"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cambio de una fecha")
        verbose_name_plural = _("cambios de fechas")

    def clean(self):
        super().clean()
        if self.status == EventStatus.RESCHEDULED and not self.new_start:
            raise ValidationError({"new_start": _("Indique el nuevo inicio de la fecha reprogramada.")})
        if self.new_start and self.new_end and self.new_end < self.new_start:
            raise ValidationError({"new_end": _("El nuevo fin no puede ser anterior al nuevo inicio.")})
