"""Idempotent set-up of an empty database: locales, site, page tree and groups."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.roles import ensure_groups

SITE_NAME = "Municipalidad Provincial del Cusco"

# (model path, slug, title, intro)
SECTIONS = [
    (
        "news.NewsIndexPage",
        "notas-de-prensa",
        "Notas de prensa",
        "Notas de prensa de la Municipalidad Provincial del Cusco.",
    ),
    ("news.SpeechIndexPage", "discursos", "Discursos", "Discursos del Alcalde y de las autoridades municipales."),
    (
        "news.BulletinIndexPage",
        "publicaciones",
        "Publicaciones",
        "Boletines, revistas, periódicos murales y memorias anuales.",
    ),
    (
        "events.EventIndexPage",
        "calendario-civico",
        "Calendario cívico",
        "Calendario Cívico de Actividades de la Municipalidad Provincial del Cusco.",
    ),
]


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def ensure_home(locale):
    from home.models import HomePage

    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        # Wagtail's initial migration leaves a placeholder welcome page: replace it.
        for page in Page.objects.filter(depth=2, slug="home").exact_type(Page):
            page.delete()
        home = root.add_child(
            instance=HomePage(
                title=SITE_NAME,
                slug="inicio",
                locale=locale,
                intro="<p>Oficina de Relaciones Públicas y Protocolo.</p>",
            )
        )
        home.save_revision().publish()
    return home


def ensure_site(home):
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = site.hostname or "localhost"
    site.port = site.port or 80
    site.root_page = home
    site.site_name = SITE_NAME
    site.save()
    return site


def ensure_sections(home):
    from django.apps import apps

    sections = {}
    for model_path, slug, title, intro in SECTIONS:
        model = apps.get_model(model_path)
        page = model.objects.child_of(home).first()
        if page is None:
            page = home.add_child(instance=model(title=title, slug=slug, intro=intro, locale=home.locale))
            page.save_revision().publish()
        sections[model_path] = page.specific
    return sections


@transaction.atomic
def bootstrap():
    locales = ensure_locales()
    home = ensure_home(locales[settings.LANGUAGE_CODE])
    site = ensure_site(home)
    sections = ensure_sections(home)
    groups = ensure_groups()
    return {"site": site, "home": home, "sections": sections, "groups": groups, "locales": locales}
