"""An override saved or deleted on its own (not through its page's save) refreshes the stored rows."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from events import occurrences


def override_saved(sender, instance, raw=False, **kwargs):
    if not raw and not occurrences.is_paused():
        occurrences.refresh_event(instance.event_id)


def override_deleted(sender, instance, **kwargs):
    # After commit: inside a page's cascade delete the page row is still there.
    if not occurrences.is_paused():
        transaction.on_commit(partial(occurrences.refresh_event, instance.event_id))


def register():
    from events.models import EventOccurrenceOverride

    post_save.connect(override_saved, sender=EventOccurrenceOverride, dispatch_uid="events_override_saved")
    post_delete.connect(override_deleted, sender=EventOccurrenceOverride, dispatch_uid="events_override_deleted")
