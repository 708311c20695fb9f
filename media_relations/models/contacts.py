"""A reference to a press contact: either model of cms' press contacts (outlet or institution)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

CONTACT_MODELS = ("mediaoutlet", "institution")


def contact_content_types():
    return models.Q(app_label="cms", model__in=CONTACT_MODELS)


class ContactReference(models.Model):
    contact_type = models.ForeignKey(
        ContentType,
        verbose_name=_("tipo de contacto"),
        on_delete=models.CASCADE,
        limit_choices_to=contact_content_types,
        related_name="+",
    )
    contact_id = models.PositiveBigIntegerField(_("contacto"))
    contact = GenericForeignKey("contact_type", "contact_id")

    class Meta:
        abstract = True
