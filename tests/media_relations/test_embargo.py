"""Embargoed press notes: a personal read-only link before go-live, the public page after."""

import datetime as dt

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from media_relations.models import EmbargoLink, EmbargoOpening
from tests.media_relations.conftest import make_note, outlet

pytestmark = pytest.mark.django_db
SECRET = "Qorikancha-Zqxjv"  # a word only the embargoed note has


@pytest.fixture
def embargoed(news_index, categories):
    note = make_note(news_index, [categories["obras"]], title=f"Obra {SECRET} bajo embargo")
    go_live = timezone.now() + dt.timedelta(hours=6)
    note.go_live_at = go_live
    note.save_revision().publish()  # approved for later: stays unpublished until go-live
    note.refresh_from_db()
    assert not note.live
    return note, go_live


@pytest.fixture
def journalist(categories):
    return outlet("Ejemplo Noticias", "ana@noticias.example.org", [categories["obras"]], contact_person="Ana Ejemplo")


def make_link(note, contact):
    return EmbargoLink.objects.create(
        page=note,
        contact_type=ContentType.objects.get_for_model(contact),
        contact_id=contact.pk,
        contact_name=contact.contact_person,
    )


def public_surfaces_hide(client, note):
    path = note.url_path.removeprefix("/inicio")
    for url in [
        "/api/v2/pages/?limit=50",
        "/api/v2/pages/?type=news.NewsPage&limit=50&fields=*",
        f"/api/v2/pages/?search={SECRET}",
        f"/api/v2/pages/?type=news.NewsPage&search={SECRET}",
        "/feeds/noticias/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
    assert client.get(f"/api/v2/pages/{note.pk}/").status_code == 404
    assert client.get(f"/api/v2/resolve/?path={path}").status_code == 404
    return True


def test_link_shows_the_note_under_embargo_and_logs_the_opening(client, embargoed, journalist):
    note, go_live = embargoed
    link = make_link(note, journalist)
    response = client.get(f"/prensa/embargo/{link.token}/", HTTP_USER_AGENT="Navegador de prueba")
    assert response.status_code == 200
    html = response.content.decode()
    local = timezone.localtime(go_live)
    assert f"EMBARGO hasta {local:%-d} de " in html and f"{local:%H:%M}" in html
    assert SECRET in html and "El Alcalde inauguró el puente restaurado." in html
    assert "Texto de la nota." in html and "Ana Ejemplo" in html
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    opening = EmbargoOpening.objects.get(link=link)
    assert opening.outcome == EmbargoOpening.Outcome.EMBARGOED
    assert opening.ip_address == "127.0.0.1" and opening.user_agent == "Navegador de prueba"
    assert public_surfaces_hide(client, note)


def test_after_go_live_the_link_leads_to_the_public_page(client, embargoed, journalist):
    note, go_live = embargoed
    link = make_link(note, journalist)
    with time_machine.travel(go_live + dt.timedelta(minutes=1)):
        call_command("publish_scheduled")
        response = client.get(f"/prensa/embargo/{link.token}/")
        assert response.status_code == 302
        assert response["Location"] == f"http://localhost:3000/notas-de-prensa/{note.slug}/"
        assert SECRET in client.get(f"/api/v2/pages/{note.pk}/").content.decode()  # public now
    assert list(link.openings.values_list("outcome", flat=True)) == [EmbargoOpening.Outcome.PUBLIC]


def test_revoked_link_shows_nothing_and_is_logged(client, director, embargoed, journalist):
    note, _go_live = embargoed
    link = make_link(note, journalist)
    client.force_login(director)
    response = client.post(f"/admin/prensa/embargo/{link.pk}/")
    assert response.status_code == 302
    client.logout()
    response = client.get(f"/prensa/embargo/{link.token}/")
    assert response.status_code == 410
    assert SECRET not in response.content.decode()
    assert link.openings.get().outcome == EmbargoOpening.Outcome.REVOKED
    link.refresh_from_db()
    assert link.revoked_by == director
    assert client.get("/prensa/embargo/no-existe/").status_code == 404


def test_director_shares_with_accredited_journalists_only(client, director, embargoed, journalist, categories):
    note, _go_live = embargoed
    other = outlet("Semanario Sin Acreditar", "jorge@semanario.example.org", accredited=False)
    client.force_login(director)
    page = client.get(f"/admin/prensa/embargo/nota/{note.pk}/")
    assert page.status_code == 200
    assert "Ejemplo Noticias" in page.content.decode() and "Semanario Sin Acreditar" not in page.content.decode()
    outlet_type = ContentType.objects.get_for_model(other).pk
    refused = client.post(f"/admin/prensa/embargo/nota/{note.pk}/", {"contacts": [f"{outlet_type}:{other.pk}"]})
    assert refused.status_code == 200 and not EmbargoLink.objects.exists()
    created = client.post(f"/admin/prensa/embargo/nota/{note.pk}/", {"contacts": [f"{outlet_type}:{journalist.pk}"]})
    assert created.status_code == 302
    link = EmbargoLink.objects.get()
    assert link.contact == journalist and link.created_by == director


def test_anonymous_cannot_share_or_revoke(client, embargoed, journalist, redactor):
    note, _go_live = embargoed
    link = make_link(note, journalist)
    assert client.post(f"/admin/prensa/embargo/{link.pk}/").status_code == 302  # to the login page
    assert client.post(f"/admin/prensa/embargo/nota/{note.pk}/", {}).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is None and EmbargoLink.objects.count() == 1
