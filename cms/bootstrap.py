"""Idempotent set-up of an empty database: locales, site, page tree, groups and workflow."""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)

from cms.roles import DIRECTOR, ensure_groups

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
    (
        "news.CampaignIndexPage",
        "campanas",
        "Campañas",
        "Campañas de difusión de la Municipalidad Provincial del Cusco.",
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


# Titles of the home page and section indexes in the other locales (slugs stay the same,
# so every locale's tree has the same shape: /qu/notas-de-prensa/…, /en/notas-de-prensa/…).
TRANSLATED_TITLES = {
    "qu": {
        "home.HomePage": "Qusqu Suyupa Hatun Kamachiq Wasin",
        "news.NewsIndexPage": "Willakuykuna",
        "news.SpeechIndexPage": "Rimaykuna",
        "news.BulletinIndexPage": "Qillqasqakuna",
        "events.EventIndexPage": "Llaqtapa raymi p'unchawninkuna",
        "news.CampaignIndexPage": "Willachiykuna",
    },
    "en": {
        "home.HomePage": "Provincial Municipality of Cusco",
        "news.NewsIndexPage": "Press releases",
        "news.SpeechIndexPage": "Speeches",
        "news.BulletinIndexPage": "Publications",
        "events.EventIndexPage": "Civic calendar",
        "news.CampaignIndexPage": "Campaigns",
    },
}


def _label(page):
    return page._meta.label


def ensure_translation(page, locale, slug=None):
    """The page's live translation in ``locale``, created (under the parent's translation) if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(locale)
    translated.title = TRANSLATED_TITLES.get(locale.language_code, {}).get(_label(page), page.title)
    if slug:
        translated.slug = slug
    translated.save()
    translated.save_revision().publish()
    return translated.specific


def ensure_translated_tree(home, sections, locales):
    """Home page and section indexes in every non-default locale (idempotent)."""
    for code, locale in locales.items():
        if locale.pk == home.locale_id:
            continue
        ensure_translation(home, locale, slug=f"{home.slug}-{code}")
        for section in sections.values():
            ensure_translation(section, locale)


WORKFLOW_NAME = "Aprobación del Director"
TASK_NAME = "Revisión del Director"


def moderated_snippet_models():
    """Draftable snippets with workflows (screens.Alert, and any added later)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, WorkflowMixin) and issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def ensure_workflow(director_group):
    """The one workflow, on the whole page tree and on moderated snippets (repairs drift)."""
    from moderation.models import DirectorApprovalTask

    task = DirectorApprovalTask.objects.filter(name=TASK_NAME).first() or DirectorApprovalTask(name=TASK_NAME)
    task.active = True
    task.save()
    task.groups.set([director_group])

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first() or Workflow(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    # One assignment at the root covers every page; any other would override it below.
    root = Page.get_first_root_node()
    WorkflowPage.objects.exclude(page=root).delete()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for model in moderated_snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})

    # Wagtail's migrations add a "Moderators approval" workflow: only ours may be active.
    for other in Workflow.objects.filter(active=True).exclude(pk=workflow.pk):
        other.deactivate()
    return workflow


@transaction.atomic
def bootstrap(translations=True):
    """The site the office needs (idempotent). ``translations=False`` leaves out the home page and
    sections in the other locales (the tests that do not translate skip their ~3 s)."""
    locales = ensure_locales()
    home = ensure_home(locales[settings.LANGUAGE_CODE])
    site = ensure_site(home)
    sections = ensure_sections(home)
    if translations:
        ensure_translated_tree(home, sections, locales)
    groups = ensure_groups()
    workflow = ensure_workflow(groups[DIRECTOR])
    return {
        "site": site,
        "home": home,
        "sections": sections,
        "groups": groups,
        "locales": locales,
        "workflow": workflow,
    }
