"""Choices shared by the event model, the recurrence engine and the public outputs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    SCHEDULED = "programado", _("Programado")
    CANCELLED = "cancelado", _("Cancelado")
    POSTPONED = "postergado", _("Postergado")
    RESCHEDULED = "reprogramado", _("Reprogramado")


class EventType(models.TextChoices):
    CIVIC_DATE = "fecha_civica", _("Fecha cívica")
    PROTOCOL = "acto_protocolar", _("Acto protocolar")
    SOLEMN_SESSION = "sesion_solemne", _("Sesión solemne")
    PRESS_CONFERENCE = "conferencia_prensa", _("Conferencia de prensa")
    CAMPAIGN = "campana", _("Campaña")
    CEREMONY = "ceremonia", _("Ceremonia")
    OTHER = "otro", _("Otra actividad")
