"""Images whose alternative text is required: every picture we publish is described."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    description = models.CharField(
        _("texto alternativo"),
        max_length=255,
        help_text=_("Describe la imagen para quien no puede verla (obligatorio)."),
    )
    credit = models.CharField(_("crédito"), max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("imagen")
        verbose_name_plural = _("imágenes")
        permissions = [("choose_image", "Can choose image")]


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
