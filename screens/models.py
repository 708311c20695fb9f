"""Lobby displays (pantallas) and the alerts that can take them over."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from screens.forms import AlertForm
from screens.widgets import WeekdayDigitsWidget

SCREEN_TIME_ZONE = ZoneInfo("America/Lima")
# The stored last_seen_at may lag the real last poll by this much (see screens.api.record_poll).
SEEN_WRITE_INTERVAL = datetime.timedelta(seconds=60)


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
    play_from = models.TimeField(
        _("encender a las"),
        default=datetime.time(7, 0),
        help_text=_("Hora de Lima. Si es posterior a la de apagado, el horario cruza la medianoche."),
    )
    play_until = models.TimeField(
        _("apagar a las"), default=datetime.time(20, 0), help_text=_("Igual a la de encendido: funciona las 24 horas.")
    )
    play_days = models.CharField(
        _("días de funcionamiento"),
        max_length=7,
        default="12345",
        help_text=_("Días ISO: 1 = lunes … 7 = domingo. Ejemplo: 123456 de lunes a sábado."),
    )
    show_news = models.BooleanField(_("mostrar notas de prensa"), default=True)
    show_events = models.BooleanField(_("mostrar actividades del calendario"), default=True)
    campaign = models.ForeignKey(
        "news.CampaignPage",
        verbose_name=_("campaña destacada"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Si se elige, las notas de prensa que muestra la pantalla son las de esta campaña."),
    )
    items = models.PositiveSmallIntegerField(
        _("número de elementos"), default=8, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    seconds_per_slide = models.PositiveSmallIntegerField(
        _("segundos por diapositiva"), default=12, validators=[MinValueValidator(3), MaxValueValidator(300)]
    )
    poll_seconds = models.PositiveSmallIntegerField(
        _("segundos entre consultas"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("Cada cuánto la pantalla pregunta si hay contenido nuevo."),
    )
    locale = models.CharField(
        _("idioma"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "Las notas y actividades se muestran traducidas a este idioma; las que aún no tienen "
            "traducción publicada, en español."
        ),
    )
    last_seen_at = models.DateTimeField(_("última conexión"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("building"),
        FieldPanel("orientation"),
        FieldPanel("locale"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("play_from"), FieldPanel("play_until")]),
                FieldPanel(
                    "play_days",
                    widget=WeekdayDigitsWidget(),
                    help_text=_("Marque los días en que la pantalla funciona."),
                ),
            ],
            heading=_("Horario"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("show_news"),
                FieldPanel("campaign"),
                FieldPanel("show_events"),
                FieldPanel("items"),
                FieldPanel("seconds_per_slide"),
                FieldPanel("poll_seconds"),
            ],
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
        self.play_days = "".join(sorted(set(self.play_days)))

    def is_playing(self, now):
        """Inside the play window at `now` (Lima time, ISO weekdays; a window may cross midnight)."""
        local = timezone.localtime(now, SCREEN_TIME_ZONE)
        day, moment = local.isoweekday(), local.time()
        start, end = self.play_from, self.play_until
        if start == end:
            return str(day) in self.play_days
        if start < end:
            return str(day) in self.play_days and start <= moment < end
        if moment >= start:
            return str(day) in self.play_days
        previous_day = 7 if day == 1 else day - 1
        return moment < end and str(previous_day) in self.play_days

    def next_schedule_change(self, now):
        """The next instant at which is_playing may change: the next play_from or play_until."""
        local_date = timezone.localtime(now, SCREEN_TIME_ZONE).date()
        candidates = [
            datetime.datetime.combine(local_date + datetime.timedelta(days=offset), moment, tzinfo=SCREEN_TIME_ZONE)
            for offset in (0, 1)
            for moment in (self.play_from, self.play_until)
        ]
        return min(moment for moment in candidates if moment > now)

    def online_threshold(self):
        return datetime.timedelta(seconds=3 * self.poll_seconds) + SEEN_WRITE_INTERVAL

    def is_online(self, now=None):
        """Seen within three poll intervals (plus the lag of the stored last_seen_at)."""
        if self.last_seen_at is None:
            return False
        return (now or timezone.now()) - self.last_seen_at <= self.online_threshold()


class Alert(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """An urgent or informative message; published only through the Director's workflow."""

    class Severity(models.TextChoices):
        INFO = "informacion", _("Información")
        WARNING = "aviso", _("Aviso")
        EMERGENCY = "emergencia", _("Emergencia")

    SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.EMERGENCY: 3}

    title = models.CharField(_("título"), max_length=120)
    message = models.TextField(_("mensaje"), max_length=600)
    severity = models.CharField(_("gravedad"), max_length=16, choices=Severity.choices, default=Severity.INFO)
    starts_at = models.DateTimeField(_("desde"), default=timezone.now)
    ends_at = models.DateTimeField(_("hasta"), help_text=_("Obligatorio: la alerta desaparece sola a esa hora."))
    all_screens = models.BooleanField(_("en todas las pantallas"), default=True)
    screens = ParentalManyToManyField(
        Screen,
        verbose_name=_("pantallas elegidas"),
        blank=True,
        related_name="alerts",
        help_text=_("Solo si no se muestra en todas las pantallas."),
    )
    show_on_website = models.BooleanField(_("mostrar en el sitio web"), default=False)
    campaign = models.ForeignKey(
        "news.CampaignPage",
        verbose_name=_("campaña"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("severity"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [
                FieldPanel("all_screens"),
                FieldPanel("screens", widget=forms.CheckboxSelectMultiple),
                FieldPanel("show_on_website"),
            ],
            heading=_("Destino"),
        ),
        FieldPanel("campaign"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("message")]
    base_form_class = AlertForm

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

    @property
    def severity_rank(self):
        return self.SEVERITY_RANK.get(self.severity, 0)

    @property
    def approved_schedule(self):
        """Annotated by the admin listing (one query for every row), else Wagtail's own query."""
        if hasattr(self, "_approved_schedule"):
            return self._approved_schedule
        return super().approved_schedule

    @property
    def workflow_in_progress(self):
        if hasattr(self, "_workflow_in_progress"):
            return self._workflow_in_progress
        return super().workflow_in_progress

    def validity(self, now=None):
        """Where `now` falls in the alert's time window: programada, vigente or vencida."""
        now = now or timezone.now()
        if now < self.starts_at:
            return _("Programada")
        if now < self.ends_at:
            return _("Vigente")
        return _("Vencida")
