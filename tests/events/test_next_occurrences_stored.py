"""The API detail's next occurrences come from the stored rows when they were expanded from the same
values as the instance, and are expanded again otherwise (a preview's unsaved changes)."""

from django.utils import timezone

from events import occurrences
from events.jsonld import occurrence_json
from events.models import CivicEventPage
from events.models.events import NEXT_OCCURRENCES
from tests.events.conftest import lima


def expanded(event):
    return [occurrence_json(o) for o in event.series().upcoming(timezone.now(), NEXT_OCCURRENCES)]


def test_a_live_activity_reads_its_next_occurrences_from_the_store(june, django_assert_num_queries):
    inti = CivicEventPage.objects.prefetch_related("occurrence_overrides").get(pk=june["izamiento"].pk)
    assert occurrences.stored_upcoming(inti, timezone.now(), NEXT_OCCURRENCES) is not None
    with django_assert_num_queries(1):
        stored = inti.next_occurrences
    assert stored == expanded(inti) and len(stored) == NEXT_OCCURRENCES


def test_unsaved_changes_are_expanded_not_read(june):
    izamiento = CivicEventPage.objects.prefetch_related("occurrence_overrides").get(pk=june["izamiento"].pk)
    izamiento.recurrence = "FREQ=DAILY"  # as a preview of an edit shows it
    izamiento.start, izamiento.end = lima(2026, 6, 21, 7), lima(2026, 6, 21, 8)
    assert occurrences.stored_upcoming(izamiento, timezone.now(), NEXT_OCCURRENCES) is None
    assert izamiento.next_occurrences == expanded(izamiento)
    assert izamiento.next_occurrences[1]["start"].startswith("2026-06-22T07:00")


def test_fewer_than_wanted_in_the_store_falls_back_to_expansion(june):
    jubilar = CivicEventPage.objects.prefetch_related("occurrence_overrides").get(pk=june["jubilar"].pk)
    assert occurrences.stored_upcoming(jubilar, timezone.now(), NEXT_OCCURRENCES) is None
    assert jubilar.next_occurrences == expanded(jubilar)
