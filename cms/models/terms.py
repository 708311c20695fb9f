"""Mayoral terms (gestiones): every page belongs to the term in which it was first published."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField


class Term(models.Model):
    name = models.CharField(_("nombre"), max_length=100, help_text=_("Por ejemplo: Gestión 2023–2026."))
    slug = models.SlugField(
        _("identificador"),
        max_length=20,
        unique=True,
        help_text=_("Lo que el sitio web usa para filtrar, por ejemplo 2023-2026."),
    )
    start = models.DateField(_("inicio"), help_text=_("Primer día de la gestión (hora de Lima)."))
    end = models.DateField(_("fin"), help_text=_("Último día de la gestión (hora de Lima)."))
    mayor = models.ForeignKey(
        "cms.Person",
        verbose_name=_("alcalde"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="terms",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("mayor"),
    ]
    api_fields = [APIField("name"), APIField("slug"), APIField("start"), APIField("end")]

    class Meta:
        ordering = ["-start"]
        verbose_name = _("gestión")
        verbose_name_plural = _("gestiones")

    def __str__(self):
        return self.name

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("El fin de la gestión no puede ser anterior al inicio.")})
        if self.start and self.end:
            overlapping = Term.objects.filter(start__lte=self.end, end__gte=self.start).exclude(pk=self.pk).first()
            if overlapping:
                raise ValidationError(_("Se superpone con la gestión «%(name)s».") % {"name": overlapping.name})


class PageTermOverride(models.Model):
    """An administrator's correction: this page belongs to that term whatever its first publication says."""

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("página"), on_delete=models.CASCADE, related_name="term_override"
    )
    term = models.ForeignKey(Term, verbose_name=_("gestión"), on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("motivo"), max_length=255, blank=True)

    panels = [FieldPanel("page"), FieldPanel("term"), FieldPanel("reason")]

    class Meta:
        verbose_name = _("gestión asignada a mano")
        verbose_name_plural = _("gestiones asignadas a mano")

    def __str__(self):
        return f"{self.page} → {self.term}"
