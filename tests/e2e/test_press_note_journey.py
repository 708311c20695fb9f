"""The review of press notes, clicked through as the office does it:
a Redactor writes a note with an uploaded photo and submits it; the Director opens it from the
dashboard and approves it from the editor, and it is in the public API at once with no revision
of the Director's; another note goes back with a comment the Redactor sees on reopening it; the
Director publishes a third in an emergency, with a reason."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import api_get, screenshot, submitted_news, type_rich_text
from tests.factories import png_bytes

TITLE = "Alcalde inaugura la Semana Jubilar del Cusco"
BODY = "Desfile cívico en la Plaza de Armas con instituciones educativas."


def open_more_actions(page):
    page.get_by_role("button", name="Más acciones").click()


def record_dialogs(page):
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return dialogs


def note_state(title):
    from news.models import NewsPage

    page = NewsPage.objects.get(title=title)
    authors = list(page.revisions.order_by("created_at").values_list("user__username", flat=True))
    return {
        "live": page.live,
        "authors": authors,
        "live_is_latest": page.live_revision_id == page.latest_revision_id,
        "image_alt": page.main_image.description if page.main_image else None,
        "pk": page.pk,
        "revisions": list(page.revisions.order_by("created_at").values_list("pk", "user__username", "created_at")),
        "live_revision": page.live_revision_id,
        "latest_revision": page.latest_revision_id,
    }


def live_titles(server):
    return [item["title"] for item in api_get(server, "/api/v2/pages/?type=news.NewsPage&limit=50")["items"]]


def test_redactor_submits_a_note_with_a_photo_and_the_director_approves_it_from_the_editor(
    redactor_page, director_page, orm, e2e_server
):
    from news.models import NewsIndexPage

    index_id = orm.run(lambda: NewsIndexPage.objects.get(locale__language_code="es").pk)
    page = redactor_page
    page.goto(f"/admin/pages/{index_id}/add_subpage/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_place").fill("Plaza de Armas del Cusco")
    page.locator("#id_lead").fill("La Municipalidad Provincial del Cusco inauguró la Semana Jubilar.")

    # The photo, uploaded from the image chooser.
    page.get_by_role("button", name="Seleccionar una imagen").click()
    modal = page.locator(".modal-content")
    modal.get_by_role("tab", name=re.compile("Subir")).click()
    modal.locator("input[type=file]").set_input_files(
        {"name": "semana-jubilar.png", "mimeType": "image/png", "buffer": png_bytes(800, 450)}
    )
    title_input = modal.locator("input[name$=title]")
    expect(title_input).to_have_value("semana-jubilar")  # filled from the file name by the chooser
    title_input.fill("Semana Jubilar 2026")
    modal.locator("[name$=description]").fill("Autoridades en el estrado de la Plaza de Armas")
    modal.locator("form button[type=submit]").first.click()
    expect(modal).to_be_hidden()

    # The body: one paragraph.
    page.get_by_role("button", name="Insertar un bloque").first.click()
    page.get_by_role("option", name="Párrafo").click()
    type_rich_text(page, page.locator("[data-contentpath=body]"), "body-0-value", BODY)
    screenshot(page, "journey-1-redactor-note")

    page.wait_for_load_state("networkidle")  # a person's pause: no autosave still in flight
    open_more_actions(page)
    page.get_by_role("button", name="Enviar a Aprobación del Director").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    state = orm.run(note_state, TITLE)
    assert (state["live"], set(state["authors"]), state["image_alt"]) == (
        False,
        {"redactor"},  # the editor's autosave may have saved a revision before the submission
        "Autoridades en el estrado de la Plaza de Armas",
    )
    submitted_authors = state["authors"]

    # The Director: from the dashboard to the editor, "Más acciones" → "Aprobar".
    page = director_page
    dialogs = record_dialogs(page)
    page.goto("/admin/")
    page.locator("main").get_by_role("link", name=TITLE).first.click()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    screenshot(page, "journey-2-director-editor")
    open_more_actions(page)
    page.get_by_role("button", name="Aprobar", exact=True).click()
    page.wait_for_load_state()
    assert TITLE in live_titles(e2e_server)  # the first request after the approval
    screenshot(page, "journey-3-director-approved")
    assert dialogs == []
    state = orm.run(note_state, TITLE)
    assert state["live"] and state["live_is_latest"], state
    assert state["authors"] == submitted_authors  # no revision by the Director


def test_the_director_asks_for_changes_and_the_redactor_sees_the_comment(redactor_page, director_page, orm):
    title = "Feria gastronómica en San Blas"
    page_id = orm.run(submitted_news, title)
    comment = "Falta la fecha de la feria y el nombre de los organizadores."

    page = director_page
    page.goto("/admin/")
    page.locator("main").get_by_role("link", name=title).first.click()
    open_more_actions(page)
    page.get_by_role("button", name="Solicitar cambios").click()
    modal = page.locator(".modal-content")
    modal.locator("textarea").fill(comment)
    screenshot(page, "journey-4-director-rejects")
    modal.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text(title)

    page = redactor_page
    page.goto(f"/admin/pages/{page_id}/edit/")
    expect(page.locator(".messages")).to_contain_text(comment)
    screenshot(page, "journey-5-redactor-sees-comment")
    page.goto("/admin/")
    expect(page.locator("table[aria-labelledby=my-work-returned]")).to_contain_text(comment)
    screenshot(page, "journey-6-redactor-dashboard")


def test_the_director_publishes_in_an_emergency_with_a_reason(director_page, orm, e2e_server):
    title = "Corte de tránsito por el Corpus Christi"
    lead = "Desvíos en la Av. El Sol desde las 6:00."
    orm.run(submitted_news, title, lead)
    page = director_page
    page.goto("/admin/")
    page.locator("main").get_by_role("link", name=title).first.click()
    open_more_actions(page)
    page.get_by_role("link", name="Publicación de emergencia").click()
    expect(page.locator("header h1")).to_contain_text(title)
    expect(page.locator("main")).to_contain_text(lead)
    page.locator("textarea[name=reason]").fill("La policía cierra la avenida en una hora: no hay otro Director.")
    screenshot(page, "journey-7-emergency-form")
    page.get_by_role("button", name="Publicar ahora").click()
    expect(page.locator(".messages")).to_contain_text("se publicó por emergencia")
    assert title in live_titles(e2e_server)
