"""A yearly activity made with the recurrence editor, as a Redactor does it: its next dates while
editing, after saving, and (once the Director approved it) in the public ICS."""

import datetime as dt
import re

from icalendar import Calendar
from playwright.sync_api import expect

from events.recurrence import LIMA
from tests.e2e.helpers import screenshot
from tests.events.ics_expand import expand

TITLE = "Día del Cusco: homenaje en la Plaza de Armas"
RULE = "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=24"


def calendar_index_id(orm):
    from events.models import EventIndexPage

    return orm.run(lambda: EventIndexPage.objects.get(locale__language_code="es").pk)


def next_june_24(today=None):
    today = today or dt.date.today()
    this_year = dt.date(today.year, 6, 24)
    return this_year if this_year > today else dt.date(today.year + 1, 6, 24)


def test_yearly_activity_with_the_recurrence_editor(orm, new_page):
    first = next_june_24()
    redactor = new_page("redactor")
    redactor.goto(f"/admin/pages/add/events/civiceventpage/{calendar_index_id(orm)}/")
    redactor.locator("#id_title").fill(TITLE)
    redactor.locator("#id_start").fill(f"{first:%Y-%m-%d} 09:00")
    redactor.locator("#id_end").fill(f"{first:%Y-%m-%d} 12:00")
    redactor.locator("#id_event_type").select_option(label="Fecha cívica")
    redactor.locator("#id_place").fill("Plaza de Armas del Cusco")

    editor = redactor.locator("[data-cms-recurrence]")
    editor.locator("[data-field=freq]").select_option(label="Cada año")
    editor.locator("[data-field=year_day]").select_option("24")
    editor.locator("[data-field=year_month]").select_option(label="junio")
    preview = editor.locator("[data-cms-recurrence-dates] li")
    expect(editor.locator("[data-cms-recurrence-description]")).to_have_text("Cada año, el 24 de junio.")
    expect(preview.first).to_contain_text(f"24 de junio de {first.year}, 09:00 – 12:00")
    expect(preview).to_have_count(5)
    # The rule is written for experts under "Avanzado".
    editor.locator("summary").click()
    expect(editor.locator("details input")).to_have_value(RULE)

    # One year it does not happen: an exception date from the date picker.
    skipped = first.replace(year=first.year + 1)
    exceptions = redactor.locator("[data-cms-exdates]")
    exceptions.locator("[data-cms-exdates-input]").fill(skipped.isoformat())
    exceptions.get_by_role("button", name="Añadir fecha de excepción").click()
    expect(exceptions.locator(f"li[data-date='{skipped.isoformat()}']")).to_be_visible()
    expect(preview.nth(1)).to_contain_text(f"24 de junio de {first.year + 2}")
    screenshot(redactor, "recurrence-editor-yearly")

    # Save the draft, then send it to the Director from the footer's action menu. (Sending straight
    # from the create view can race Wagtail 8's autosave, which may create the page meanwhile.)
    redactor.get_by_role("button", name="Guardar borrador").click()
    redactor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    redactor.get_by_role("button", name="Más acciones").click()
    redactor.locator("button[name=action-submit]").click()
    expect(redactor.locator(".messages")).to_contain_text(re.compile("enviad"))

    from events.models import CivicEventPage

    page_id = orm.run(lambda: CivicEventPage.objects.get(title=TITLE).pk)
    revision = orm.run(lambda: CivicEventPage.objects.get(pk=page_id).get_latest_revision_as_object())
    assert revision.recurrence == RULE
    assert revision.exception_dates.strip() == skipped.isoformat()

    # Reopened, the editor shows the stored rule in words, and the saved dates below it.
    redactor.goto(f"/admin/pages/{page_id}/edit/")
    editor = redactor.locator("[data-cms-recurrence]")
    expect(editor.locator("[data-field=freq]")).to_have_value("yearly")
    expect(editor.locator("[data-field=year_month]")).to_have_value("6")
    expect(editor.locator("details input")).to_have_value(RULE)
    saved = redactor.locator("[data-next-occurrences] li")
    expect(saved.first).to_contain_text(f"24 de junio de {first.year}")
    expect(saved.nth(1)).to_contain_text(f"24 de junio de {first.year + 2}")

    # The Director approves it from the dashboard; the ICS then carries the rule and the exception.
    director = new_page("director")
    director.goto("/admin/")
    row = director.locator("tr", has_text=TITLE)
    row.locator("[data-w-dropdown-target=toggle], .w-dropdown__toggle").first.click()
    row.get_by_role("button", name="Aprobar", exact=True).click()
    assert orm.wait_until(lambda: CivicEventPage.objects.get(pk=page_id).live, timeout=10)

    ics = director.request.get("/api/v2/calendar.ics")
    assert ics.ok
    events = [e for e in Calendar.from_ical(ics.body()).walk("VEVENT") if str(e["SUMMARY"]) == TITLE]
    assert len(events) == 1
    assert dict(events[0]["RRULE"]) == {"FREQ": ["YEARLY"], "BYMONTH": [6], "BYMONTHDAY": [24]}
    # Its next dates, expanded from the ICS as a calendar application does: the skipped year is absent.
    occurrences = expand(ics.body(), first, first.replace(year=first.year + 3))
    starts = [start for uid, start, end, cancelled in occurrences if uid == str(events[0]["UID"])]
    assert starts == [
        dt.datetime(year, 6, 24, 9, tzinfo=LIMA).isoformat() for year in (first.year, first.year + 2, first.year + 3)
    ]


def test_the_editor_writes_back_every_project_rule_unchanged(orm, redactor_page):
    """The browser half of the round trip: the editor's JavaScript writes, from the state the server
    reads, exactly the rule it read (tests/events/test_recurrence_editor.py checks the Python half)."""
    from events.recurrence_editor import rule_to_state
    from tests.events.test_recurrence_editor import PROJECT_RULES

    redactor_page.goto(f"/admin/pages/add/events/civiceventpage/{calendar_index_id(orm)}/")
    expect(redactor_page.locator("[data-cms-recurrence][data-ready]")).to_have_count(1)
    for all_day in (False, True):
        states = [{**rule_to_state(rule, all_day), "until_raw_date": None} for rule in PROJECT_RULES]
        for state in states:
            if state["until_raw"]:
                state["until_raw_date"] = state["until"]  # what the widget keeps when it loads a rule
        written = redactor_page.evaluate("(states) => states.map((s) => window.cmsRecurrence.build(s))", states)
        assert written == PROJECT_RULES
