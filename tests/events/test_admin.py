"""The admin as the office uses it: upcoming activities first, next dates while editing, form checks."""

from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from events.models import CivicEventPage

UPCOMING_ORDER = [
    # Series already running (started before now, not over), newest start first…
    "Semana Jubilar",
    "Izamiento dominical",
    "Inti Raymi",
    "Día del Campesino",
    # …then coming activities by start…
    "Festival suspendido",
    "Sesión Solemne",
    # …then finished ones, most recent first.
    "Retirada",
    "Reunión privada",
    "Borrador",
    "Conferencia de prensa",
]


def titles(response):
    assert response.status_code == 200
    return [page.title for page in response.context["object_list"]]


def test_activities_listing_shows_upcoming_first_with_next_date(client, redactor, june):
    client.force_login(redactor)
    response = client.get(reverse("actividades:index"))
    assert titles(response) == UPCOMING_ORDER
    html = response.content.decode()
    assert "24/06/2026 09:00" in html  # Inti Raymi's next date
    assert "21/06/2026 08:00" in html  # the next Sunday flag raising
    by_title = client.get(reverse("actividades:index"), {"ordering": "title"})
    assert titles(by_title) == sorted(UPCOMING_ORDER)


def test_calendar_section_explorer_shows_upcoming_first(client, redactor, june, events_index):
    client.force_login(redactor)
    assert titles(client.get(reverse("wagtailadmin_explore", args=[events_index.pk]))) == UPCOMING_ORDER
    home = events_index.get_parent()
    assert "Calendario cívico" in titles(client.get(reverse("wagtailadmin_explore", args=[home.pk])))


def next_dates_panel(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    panel = html[html.index("data-next-occurrences") :]
    return panel[: panel.index("</div>")]


def test_editor_shows_next_occurrences_of_the_saved_revision(client, redactor, june):
    client.force_login(redactor)
    page = june["izamiento"]
    panel = next_dates_panel(client, page)
    for date in ("21 de junio de 2026, 08:00", "28 de junio de 2026", "5 de julio", "12 de julio", "19 de julio"):
        assert date in panel
    assert panel.count("<li>") == 5

    draft = CivicEventPage.objects.get(pk=page.pk)
    draft.recurrence = "FREQ=MONTHLY;BYDAY=1SU"
    draft.save_revision(user=redactor)
    panel = next_dates_panel(client, page)
    assert "5 de julio de 2026" in panel and "28 de junio de 2026" not in panel
    assert (
        "Guarde la actividad"
        in client.get(
            reverse("wagtailadmin_pages:add", args=["events", "civiceventpage", page.get_parent().pk])
        ).content.decode()
    )


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def test_override_must_be_a_date_of_the_rule(client, redactor, june):
    client.force_login(redactor)
    page = june["izamiento"]
    data = edit_form(client, page)
    assert data["occurrence_overrides-TOTAL_FORMS"] == "2"
    data.update(
        {
            "occurrence_overrides-TOTAL_FORMS": "3",
            "occurrence_overrides-2-original_start": "2026-07-01 08:00",  # a Wednesday
            "occurrence_overrides-2-status": "cancelado",
            "occurrence_overrides-2-reason": "Prueba",
            "occurrence_overrides-2-ORDER": "3",
            "occurrence_overrides-2-DELETE": "",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    assert "La actividad no tiene una fecha el 01/07/2026" in response.content.decode()

    data["occurrence_overrides-2-original_start"] = "2026-06-07 00:00"  # same date as the existing cancellation
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert "Ya hay otro cambio para esta fecha." in response.content.decode()

    data["occurrence_overrides-2-original_start"] = "2026-07-05 00:00"  # a Sunday: accepted, saved as a draft
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    saved = CivicEventPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert len(saved.occurrence_overrides.all()) == 3
    assert len(CivicEventPage.objects.get(pk=page.pk).occurrence_overrides.all()) == 2  # live one unchanged


def test_start_must_be_on_the_rule_and_cancellations_do_not_move(client, redactor, june):
    client.force_login(redactor)
    page = june["izamiento"]
    data = edit_form(client, page)
    data["start"] = "2026-01-05 08:00"  # a Monday, for a Sunday rule
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert "El inicio debe ser una de las fechas de la regla de repetición." in response.content.decode()

    data = edit_form(client, page)
    data["occurrence_overrides-0-new_start"] = "2026-06-08 08:00"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert "Una fecha cancelada no lleva nuevo inicio ni nuevo fin." in response.content.decode()

    data = edit_form(client, page)
    data["recurrence"] = "FREQ=DAILY;BYHOUR=8,16"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert "No use BYHOUR" in response.content.decode()


def test_all_day_event_may_end_the_same_day_at_an_earlier_time(client, redactor, june):
    client.force_login(redactor)
    page = june["campesino"]
    data = edit_form(client, page)
    # (querydict_from_html gives a checked checkbox without value attribute an empty value: set it)
    data.update({"all_day": "on", "start": "2026-06-24 10:00", "end": "2026-06-24 00:00", "recurrence": ""})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    data.pop("all_day")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert "El fin no puede ser anterior al inicio." in response.content.decode()


def test_sidebar_explorer_menu_of_the_calendar_still_works(client, redactor, june, events_index):
    client.force_login(redactor)
    response = client.get("/admin/api/main/pages/", {"child_of": events_index.pk, "for_explorer": 1})
    assert response.status_code == 200, response.content
    assert "Inti Raymi" in [item["title"] for item in response.json()["items"]]
