"""A press note into Runa Simi, clicked through as the office does it: the Redactor starts the
translation (wagtail-localize), writes the Quechua title in its editor beside the Spanish source,
and submits it to the Director; the Director approves it from the dashboard and the Quechua note
is live in the public API (?locale=qu)."""

from playwright.sync_api import expect

from tests.e2e.helpers import api_get, screenshot

TITLE = "Cierre de calles por el Inti Raymi 2026"
TITLE_QU = "Inti Raymi 2026-paq ñankuna wisq'asqa"


def published_note():
    from django.contrib.auth import get_user_model
    from wagtail.rich_text import RichText

    from news.models import NewsIndexPage, NewsPage

    director = get_user_model().objects.get(username="director2")
    index = NewsIndexPage.objects.get(locale__language_code="es")
    page = index.add_child(
        instance=NewsPage(
            title=TITLE,
            lead="La Municipalidad informa los desvíos.",
            body=[("paragraph", RichText("<p>Desvíos por la Av. El Sol.</p>"))],
            live=False,
        )
    )
    page.save_revision(user=director).publish(user=director)
    return page.pk


def quechua_state():
    from wagtail.models import Locale

    from news.models import NewsPage

    page = NewsPage.objects.filter(title=TITLE).first()
    translated = page.get_translation_or_none(Locale.objects.get(language_code="qu"))
    if translated is None:
        return None
    translated = NewsPage.objects.get(pk=translated.pk)
    state = translated.current_workflow_state
    return {
        "pk": translated.pk,
        "live": translated.live,
        "title": translated.title,
        "draft_title": translated.get_latest_revision_as_object().title,
        "workflow": state.status if state else None,
    }


def quechua_titles(server):
    return [item["title"] for item in api_get(server, "/api/v2/pages/?type=news.NewsPage&locale=qu")["items"]]


def test_redactor_translates_a_note_into_quechua_and_the_director_approves_it(
    redactor_page, director_page, orm, e2e_server
):
    source_id = orm.run(published_note)

    # The Redactor: "Traducir" on the Spanish note, Runa Simi chosen.
    page = redactor_page
    page.goto(f"/admin/localize/submit/page/{source_id}/")
    page.get_by_label("Runa Simi").check()
    screenshot(page, "translation-1-choose-locale")
    page.locator("main form [type=submit]").click()
    state = orm.run(quechua_state)
    assert state is not None and not state["live"], state  # a draft, never published on creation

    # The translation editor: the Spanish source beside the Quechua text.
    page.goto(f"/admin/pages/{state['pk']}/edit/")
    expect(page.locator("main")).to_contain_text(TITLE)
    segment = page.locator("main li:has(> p)", has_text=TITLE).first  # one string of the editor
    segment.get_by_role("button", name="Traducir").click()
    segment.locator("textarea").fill(TITLE_QU)
    segment.get_by_role("button", name="Guardar").click()
    expect(segment).to_contain_text(TITLE_QU)
    expect(segment.get_by_text("Guardando")).to_have_count(0)
    screenshot(page, "translation-2-editor")

    # "Enviar traducción a Aprobación del Director", shown above the editor, then confirm.
    page.locator(".messages").get_by_role("link", name="Enviar traducción a Aprobación del Director").click()
    expect(page.locator("main")).to_contain_text(TITLE_QU)
    screenshot(page, "translation-3-submit")
    page.locator("main form [type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("enviada a «Aprobación del Director»")
    state = orm.run(quechua_state)
    assert (state["live"], state["workflow"], state["draft_title"]) == (False, "in_progress", TITLE_QU), state
    assert TITLE_QU not in quechua_titles(e2e_server)

    # The Director approves it from the dashboard.
    page = director_page
    page.goto("/admin/")
    row = page.locator("main tr", has_text=TITLE_QU).first
    expect(row).to_be_visible()
    screenshot(page, "translation-4-director-dashboard")
    row.get_by_role("button", name="Acciones").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Aprobar", exact=True).click()  # posts the workflow action
    screenshot(page, "translation-5-approved")
    state = orm.run(quechua_state)
    assert state["live"] and state["title"] == TITLE_QU, state
    assert TITLE_QU in quechua_titles(e2e_server)
