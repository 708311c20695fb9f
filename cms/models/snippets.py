"""People and categories shared by every section (registered as snippets)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index


class Person(index.Indexed, models.Model):
    """An authority or official of the municipality (Alcalde, Regidor, Director…)."""

    class Role(models.TextChoices):
        ALCALDE = "alcalde", _("Alcalde")
        TENIENTE_ALCALDE = "teniente_alcalde", _("Teniente alcalde")
        REGIDOR = "regidor", _("Regidor")
        GERENTE = "gerente", _("Gerente municipal")
        DIRECTOR = "director", _("Director")
        FUNCIONARIO = "funcionario", _("Funcionario")

    name = models.CharField(_("nombre"), max_length=255)
    role = models.CharField(_("cargo"), max_length=32, choices=Role.choices)
    position_title = models.CharField(
        _("denominación del cargo"),
        max_length=255,
        blank=True,
        help_text=_("Por ejemplo: Director de la Oficina de Relaciones Públicas y Protocolo."),
    )
    term_start = models.DateField(_("inicio de la gestión"), null=True, blank=True)
    term_end = models.DateField(_("fin de la gestión"), null=True, blank=True)
    photo = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("fotografía"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("role"), FieldPanel("position_title")], heading=_("Cargo")),
        MultiFieldPanel([FieldPanel("term_start"), FieldPanel("term_end")], heading=_("Gestión")),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("role"), APIField("position_title")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("autoridad o funcionario")
        verbose_name_plural = _("autoridades y funcionarios")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("El fin de la gestión no puede ser anterior al inicio.")})


class Category(models.Model):
    name = models.CharField(_("nombre"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    api_fields = [APIField("name"), APIField("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("categoría")
        verbose_name_plural = _("categorías")

    def __str__(self):
        return self.name
