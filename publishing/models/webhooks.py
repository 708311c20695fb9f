"""Webhook endpoints, the transactional outbox of events and the delivery log."""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.conf import conf


class WebhookEvent(models.TextChoices):
    PUBLISHED = "published", _("Publicado")
    UNPUBLISHED = "unpublished", _("Despublicado")
    WITHDRAWN = "withdrawn", _("Retirado (con motivo público)")
    DELETED = "deleted", _("Eliminado")
    ALERT = "alert", _("Alerta publicada o despublicada")


def new_secret():
    return secrets.token_urlsafe(32)


def all_events():
    return list(WebhookEvent.values)


class WebhookEndpoint(models.Model):
    """A receiver on the website side that wants to hear about publishing events."""

    name = models.CharField(_("nombre"), max_length=120)
    url = models.URLField(_("URL"), max_length=500, help_text=_("Dirección que recibe las notificaciones (POST)."))
    secret = models.CharField(
        _("secreto"),
        max_length=128,
        default=new_secret,
        help_text=_("Clave para verificar la firma X-Cusco-Signature (HMAC-SHA256 del cuerpo)."),
    )
    events = models.JSONField(_("eventos"), default=all_events)
    active = models.BooleanField(_("activo"), default=True)
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.url.lower().startswith(("http://", "https://")):
            raise ValidationError({"url": _("Use una URL http:// o https://.")})
        if not isinstance(self.events, list) or not self.events:
            raise ValidationError({"events": _("Elija al menos un evento.")})
        unknown = set(self.events) - set(WebhookEvent.values)
        if unknown:
            raise ValidationError({"events": _("Eventos desconocidos: %s") % ", ".join(sorted(unknown))})

    def wants(self, event):
        return self.active and event in (self.events or [])


class OutboxEvent(models.Model):
    """One event, written in the same transaction as the change; its body is sent byte for byte."""

    id = models.UUIDField(_("id del evento"), primary_key=True, default=uuid.uuid4, editable=False)
    event = models.CharField(_("evento"), max_length=16, choices=WebhookEvent.choices)
    object_type = models.CharField(_("tipo"), max_length=100)
    object_id = models.CharField(_("id del objeto"), max_length=64)
    body = models.TextField(_("contenido JSON"))
    created_at = models.DateTimeField(_("creado"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evento de publicación")
        verbose_name_plural = _("eventos de publicación")

    def __str__(self):
        return f"{self.get_event_display()} {self.object_type} {self.object_id}"


def default_max_attempts():
    return conf("WEBHOOK_MAX_ATTEMPTS")


class Delivery(models.Model):
    """One event for one endpoint: claimed by a worker, retried with back-off until delivered or given up."""

    class Status(models.TextChoices):
        PENDING = "pendiente", _("Pendiente")
        SENDING = "enviando", _("Enviando")
        DELIVERED = "entregado", _("Entregado")
        FAILED = "fallido", _("Fallido")

    event = models.ForeignKey(
        OutboxEvent, verbose_name=_("evento"), on_delete=models.CASCADE, related_name="deliveries"
    )
    endpoint = models.ForeignKey(
        WebhookEndpoint, verbose_name=_("webhook"), on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(_("estado"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("intentos"), default=0)
    max_attempts = models.PositiveIntegerField(_("intentos permitidos"), default=default_max_attempts)
    next_attempt_at = models.DateTimeField(_("próximo intento"), default=timezone.now)
    lease_until = models.DateTimeField(_("reservado hasta"), null=True, blank=True)
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    last_status_code = models.PositiveSmallIntegerField(_("último código HTTP"), null=True, blank=True)
    last_error = models.TextField(_("último error"), blank=True)
    delivered_at = models.DateTimeField(_("entregado el"), null=True, blank=True)
    created_at = models.DateTimeField(_("creado"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("entrega de webhook")
        verbose_name_plural = _("entregas de webhooks")
        constraints = [
            models.UniqueConstraint(fields=["event", "endpoint"], name="publishing_one_delivery_per_endpoint")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="publishing_delivery_due")]

    def __str__(self):
        return f"{self.event} → {self.endpoint}"


class DeliveryAttempt(models.Model):
    """The log: one row per HTTP attempt, with what came back."""

    delivery = models.ForeignKey(
        Delivery, verbose_name=_("entrega"), on_delete=models.CASCADE, related_name="attempt_log"
    )
    number = models.PositiveIntegerField(_("intento n.º"))
    started_at = models.DateTimeField(_("inicio"))
    finished_at = models.DateTimeField(_("fin"), null=True, blank=True)
    status_code = models.PositiveSmallIntegerField(_("código HTTP"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duración (ms)"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-started_at", "-number"]
        verbose_name = _("intento de entrega")
        verbose_name_plural = _("registro de entregas")

    def __str__(self):
        return f"{self.delivery} #{self.number}"

    @property
    def is_retry(self):
        return self.number > 1
