"""Two Directors deciding the same review at the same moment, on PostgreSQL (real row locks).

Each Director is a separate thread with its own database connection and its own admin
session, released together by a barrier onto the workflow action URL. Exactly one
publication, one "published" webhook and one approval in the audit log may result; the
other Director is told that someone else decided meanwhile.
"""

import threading

import pytest
from django.db import connection
from wagtail.models import PageLogEntry

from moderation.emergency import emergency_publish
from moderation.rules import ALREADY_DECIDED, AlreadyDecided
from publishing.models import OutboxEvent, WebhookEndpoint
from tests.moderation.helpers import current_task_state, draft_news, login, submit, workflow_action_url

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def run_together(*callables):
    barrier = threading.Barrier(len(callables))
    results = [None] * len(callables)

    def run(index, function):
        try:
            barrier.wait(timeout=30)
            results[index] = function()
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(callables)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


@pytest.fixture
def submitted(site_tree, redactor):
    WebhookEndpoint.objects.create(name="Sitio web", url="http://127.0.0.1:9/hook")
    page = draft_news(site_tree["sections"]["news.NewsIndexPage"], redactor)
    submit(login(redactor), page)
    return page


def decide(client, page, action):
    """POST the workflow action for the review as it stood when both Directors opened it."""
    url = workflow_action_url(page, action, current_task_state(page))
    return lambda: client.post(url, {"comment": ""})


def outcome(page):
    actions = list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    published = OutboxEvent.objects.filter(object_id=str(page.pk), event="published").count()
    return actions.count("wagtail.publish"), published, actions.count("wagtail.workflow.approve")


@pytest.mark.parametrize("second_action", ["approve", "reject"])
def test_two_directors_deciding_at_once_give_one_outcome(submitted, director, director2, second_action):
    first, second = login(director), login(director2)
    results = run_together(decide(first, submitted, "approve"), decide(second, submitted, second_action))
    assert all(response.status_code == 302 for response in results), results
    messages = [[str(m) for m in response.wsgi_request._messages] for response in results]
    refused = [index for index, texts in enumerate(messages) if any(str(ALREADY_DECIDED) in t for t in texts)]
    assert len(refused) == 1, messages
    submitted.refresh_from_db()
    publishes, webhooks, approvals = outcome(submitted)
    if submitted.live:  # the approval won
        assert (publishes, webhooks, approvals) == (1, 1, 1)
    else:  # the rejection won: nothing published
        assert second_action == "reject" and (publishes, webhooks, approvals) == (0, 0, 0)


def test_two_emergency_publications_at_once_publish_once(submitted, director, director2):
    results = run_together(
        lambda: emergency_publish(submitted, director, "Corte de agua en el Centro Histórico"),
        lambda: emergency_publish(submitted, director2, "Corte de agua en el Centro Histórico"),
    )
    assert sum(isinstance(result, AlreadyDecided) for result in results) == 1, results
    submitted.refresh_from_db()
    assert submitted.live
    publishes, webhooks, _approvals = outcome(submitted)
    assert (publishes, webhooks) == (1, 1)
    emergencies = PageLogEntry.objects.filter(page=submitted, action__contains="emergency").count()
    assert emergencies == 1


def test_approval_racing_an_emergency_publication_publishes_once(submitted, director, director2):
    results = run_together(
        decide(login(director), submitted, "approve"),
        lambda: emergency_publish(submitted, director2, "Aviso urgente de la Alcaldía"),
    )
    assert not any(isinstance(result, Exception) and not isinstance(result, AlreadyDecided) for result in results)
    submitted.refresh_from_db()
    assert submitted.live
    publishes, webhooks, _approvals = outcome(submitted)
    assert (publishes, webhooks) == (1, 1)
