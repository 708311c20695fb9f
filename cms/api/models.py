"""The content generation: one row every process reads to know whether its cache is current."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """Bumped (after commit) by every publish, unpublish, move, delete and media change.

    Cached API responses are keyed by ``value``, so one bump makes every cached listing,
    detail and feed of every process stale at once; ``next_change_at`` is the next time a
    scheduled expiry (or go-live) changes public content without a signal.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    value = models.BigIntegerField(_("generación"), default=0)
    changed_at = models.DateTimeField(_("último cambio"), null=True, blank=True)
    next_change_at = models.DateTimeField(_("próximo cambio programado"), null=True, blank=True)

    class Meta:
        verbose_name = _("generación de contenido")
        verbose_name_plural = _("generación de contenido")

    def __str__(self):
        return f"{self.value}"
