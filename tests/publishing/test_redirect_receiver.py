"""A receiver answering a redirect has not received the event: pending and retried (issue 15 audit)."""

import datetime

import pytest
import time_machine

from publishing import delivery
from publishing.models import Delivery
from tests.factories import publish


@pytest.mark.parametrize("status", [301, 302, 307])
def test_a_redirect_leaves_the_delivery_pending_and_it_is_retried(receiver, endpoint, draft_news, status):
    receiver.statuses = [status]
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=True) as traveller:
        publish(draft_news)
        assert delivery.deliver_due() == 1
        pending = Delivery.objects.get()
        assert pending.status == Delivery.Status.PENDING
        assert pending.last_error == f"HTTP {status}"
        traveller.shift(datetime.timedelta(minutes=5))
        assert delivery.deliver_due() == 1
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED
    assert len(receiver.requests) == 2
    assert [r["path"] for r in receiver.requests] == ["/hooks/cms", "/hooks/cms"]  # never followed elsewhere
