"""The civic calendar: an activity page with its recurrence and per-occurrence changes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from cms.mixins import CampaignMixin, ScreenHeadlineMixin, SectionIndexPage
from events import occurrences
from events.choices import EventStatus, EventType
from events.forms import CivicEventPageForm
from events.jsonld import event_json_ld, occurrence_json
from events.panels import NextOccurrencesPanel
from events.recurrence import Series
from events.validators import duration_error, moment_errors, validate_exception_dates, validate_rrule
from events.widgets import ExceptionDatesWidget, RecurrenceWidget

EVENT_TIME_ZONE = "America/Lima"
NEXT_OCCURRENCES = 5


class EventIndexPage(SectionIndexPage):
    subpage_types = ["events.CivicEventPage"]

    class Meta:
        verbose_name = _("Calendario cívico")
        verbose_name_plural = _("Calendario cívico")


class CivicEventPage(HeadlessMixin, ScreenHeadlineMixin, CampaignMixin, Page):
    EventType = EventType

    start = models.DateTimeField(_("inicio"), db_index=True)
    end = models.DateTimeField(
        _("fin"), help_text=_("En actividades de todo el día, indique como fin la fecha de su último día.")
    )
    all_day = models.BooleanField(
        _("todo el día"), default=False, help_text=_("Se publica por fechas, sin hora (p. ej. del 24 al 24 de junio).")
    )
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
    # Computed on save from the dates, the rule and the overrides: a cheap SQL pre-filter for
    # range queries and the admin's "upcoming first" order. series_end is empty for endless rules.
    series_start = models.DateTimeField(_("primera fecha"), null=True, editable=False, db_index=True)
    series_end = models.DateTimeField(_("última fecha"), null=True, editable=False, db_index=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Fecha y hora (America/Lima)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "recurrence",
                    widget=RecurrenceWidget(),
                    help_text=_("Elija arriba cómo se repite; la regla técnica (RRULE) se escribe sola."),
                ),
                FieldPanel(
                    "exception_dates",
                    widget=ExceptionDatesWidget(),
                    help_text=_("Fechas en que la actividad no ocurre."),
                ),
            ],
            heading=_("Repetición"),
        ),
        InlinePanel("occurrence_overrides", label=_("Cambios en una fecha concreta")),
        NextOccurrencesPanel(count=NEXT_OCCURRENCES, heading=_("Próximas fechas")),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_reason")], heading=_("Estado")),
        FieldPanel("event_type"),
        *CampaignMixin.campaign_panels,
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
        APIField("next_occurrences"),
        APIField("json_ld"),
        *ScreenHeadlineMixin.screen_api_fields,
        *CampaignMixin.campaign_api_fields,
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    base_form_class = CivicEventPageForm

    class Meta:
        verbose_name = _("Actividad")
        verbose_name_plural = _("Actividades")

    def clean(self):
        super().clean()
        errors = moment_errors(start=self.start, end=self.end)
        if self.start and self.end and not errors:
            start, end = (
                (timezone.localdate(self.start), timezone.localdate(self.end))
                if self.all_day
                else (self.start, self.end)
            )
            if end < start:
                errors["end"] = _("El fin no puede ser anterior al inicio.")
            elif too_long := duration_error(self.start, self.end):
                errors["end"] = too_long
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None and self.start and self.end:
            try:
                self.series_start, self.series_end = self.series().span()
            except (OverflowError, ValueError):
                # Out-of-range dates that bypassed validation: no span means "always a candidate".
                self.series_start = self.series_end = None
        full_save = kwargs.get("update_fields") is None
        with occurrences.paused():
            result = super().save(*args, **kwargs)  # modelcluster writes the overrides in here
        if full_save:
            occurrences.store_event(self)
        return result

    def series(self):
        """The recurrence of this activity, with its (prefetched) per-occurrence overrides."""
        return Series.for_event(self)

    @property
    def next_occurrences(self):
        """The next occurrences not yet over, for the API detail."""
        return [occurrence_json(o) for o in self.series().upcoming(timezone.now(), NEXT_OCCURRENCES)]

    @property
    def json_ld(self):
        """schema.org Event for the website's SEO (never includes the internal notes)."""
        return event_json_ld(self, timezone.now())


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
        errors = moment_errors(original_start=self.original_start, new_start=self.new_start, new_end=self.new_end)
        if errors:
            raise ValidationError(errors)
        if too_long := duration_error(self.new_start, self.new_end):
            raise ValidationError({"new_end": too_long})
        if self.status == EventStatus.CANCELLED and (self.new_start or self.new_end):
            raise ValidationError({"new_start": _("Una fecha cancelada no lleva nuevo inicio ni nuevo fin.")})
        if self.status == EventStatus.RESCHEDULED and not self.new_start:
            raise ValidationError({"new_start": _("Indique el nuevo inicio de la fecha reprogramada.")})
        if self.new_start and self.new_end and self.new_end < self.new_start:
            raise ValidationError({"new_end": _("El nuevo fin no puede ser anterior al nuevo inicio.")})
