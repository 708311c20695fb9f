"""Lobby displays (pantallas) and the alerts that can take them over."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index


class Screen(models.Model):
    class Orientation(models.TextChoices):
        LANDSCAPE = "horizontal", _("Horizontal")
        PORTRAIT = "vertical", _("Vertical")

    slug = models.SlugField(_("identificador"), max_length=64, unique=True)
    name = models.CharField(_("nombre"), max_length=255)
    building = models.CharField(_("local"), max_length=255, help_text=_("Local municipal donde está la pantalla."))
    orientation = models.CharField(
        _("orientación"), max_length=16, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    play_from = models.TimeField(_("encender a las"), default="07:00")
    play_until = models.TimeField(_("apagar a las"), default="20:00")
    play_days = models.CharField(
        _("días de funcionamiento"),
        max_length=7,
        default="12345",
        help_text=_("Días ISO: 1 = lunes … 7 = domingo. Ejemplo: 123456 de lunes a sábado."),
    )
    show_news = models.BooleanField(_("mostrar notas de prensa"), default=True)
    show_events = models.BooleanField(_("mostrar actividades del calendario"), default=True)
    items = models.PositiveSmallIntegerField(_("número de elementos"), default=8)
    seconds_per_slide = models.PositiveSmallIntegerField(_("segundos por diapositiva"), default=12)
    last_seen_at = models.DateTimeField(_("última conexión"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("building"),
        FieldPanel("orientation"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("play_from"), FieldPanel("play_until")]), FieldPanel("play_days")],
            heading=_("Horario"),
        ),
        MultiFieldPanel(
            [FieldPanel("show_news"), FieldPanel("show_events"), FieldPanel("items"), FieldPanel("seconds_per_slide")],
            heading=_("Contenido"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("pantalla")
        verbose_name_plural = _("pantallas")

    def __str__(self):
        return self.name

    def clean(self):
        if not self.play_days or any(c not in "1234567" for c in self.play_days):
            raise ValidationError({"play_days": _("Use solo dígitos del 1 (lunes) al 7 (domingo).")})


class Alert(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """An urgent or informative message; published only through the Director's workflow."""

    class Severity(models.TextChoices):
        INFO = "informacion", _("Información")
        WARNING = "aviso", _("Aviso")
        EMERGENCY = "emergencia", _("Emergencia")

    title = models.CharField(_("título"), max_length=120)
    message = models.TextField(_("mensaje"), max_length=600)
    severity = models.CharField(_("gravedad"), max_length=16, choices=Severity.choices, default=Severity.INFO)
    starts_at = models.DateTimeField(_("desde"), default=timezone.now)
    ends_at = models.DateTimeField(_("hasta"), help_text=_("Obligatorio: la alerta desaparece sola a esa hora."))
    all_screens = models.BooleanField(_("en todas las pantallas"), default=True)
    screens = ParentalManyToManyField(Screen, verbose_name=_("pantallas elegidas"), blank=True)
    show_on_website = models.BooleanField(_("mostrar en el sitio web"), default=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("severity"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [FieldPanel("all_screens"), FieldPanel("screens"), FieldPanel("show_on_website")], heading=_("Destino")
        ),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("message")]

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("alerta")
        verbose_name_plural = _("alertas")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("El fin debe ser posterior al inicio.")})
