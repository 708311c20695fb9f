"""Production hardening through the test client: headers, lockout, size limits, content checks,
rate limits, error caching, and settings.production refusing to start without a real EMAIL_URL."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory, pdf_bytes, publish

pytestmark = pytest.mark.django_db


def test_csp_and_permissions_policy_on_admin_api_docs_and_display(client):
    for url in ("/admin/login/", "/api/docs/", "/api/v2/pages/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "default-src 'self'" in response["Content-Security-Policy-Report-Only"], url
        assert "object-src 'none'" in response["Content-Security-Policy-Report-Only"]
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_admin_login_locks_out_after_repeated_failures(superuser, client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "admin", "password": "mala"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post("/admin/login/", {"username": "admin", "password": "mala"}).status_code == 429
    response = client.post("/admin/login/", {"username": "admin", "password": "clave-de-prueba-123"})
    assert response.status_code == 429  # locked out: even the right password is refused for now
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_logs_in(superuser, client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/admin/login/", {"username": "admin", "password": "mala"})
    response = client.post("/admin/login/", {"username": "admin", "password": "clave-de-prueba-123"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(superuser.pk)


def test_page_password_form_locks_out(site_tree, client):
    page = publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"]))
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="clave")
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"password": "mala", "return_url": "/"})
        assert response.status_code == 200  # the password form again
    assert client.post(url, {"password": "mala", "return_url": "/"}).status_code == 429  # the limit-th failure
    response = client.post(url, {"password": "clave", "return_url": "/"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Demasiados intentos" in response.json()["message"]


def test_oversized_request_is_refused_from_its_content_length(client):
    """413 before the body is read: the test body is tiny, only the header announces 200 MB."""
    response = client.generic(
        "POST", "/admin/documents/multiple/add/", b"x" * 10, CONTENT_LENGTH=str(200 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert "too large" in response.json()["message"]


def document_form(name, content):
    form_class = get_document_form(get_document_model())
    return form_class(
        data={"title": "Acta", "collection": "1"},
        files={"file": SimpleUploadedFile(name, content)},
        user=None,
    )


@pytest.mark.parametrize(
    ("name", "content", "valid"),
    [
        ("acta.pdf", pdf_bytes("Acta de sesión"), True),
        ("acta.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", False),
        ("acta.docx", b"<html></html>", False),
        ("acta.txt", "Acta de la sesión de concejo".encode(), True),
        ("acta.txt", b"<html><body>no</body></html>", False),
    ],
)
def test_documents_are_checked_by_content_not_name(site_tree, name, content, valid):
    form = document_form(name, content)
    assert form.is_valid() is valid, form.errors
    if not valid:
        assert "no corresponde a su extensión" in str(form.errors["file"])


def test_public_api_rate_limit_answers_json_429_with_retry_after(settings, client):
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_LIMIT_WINDOW = 60
    statuses = [client.get("/api/v2/pages/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v2/pages/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 61
    assert "Too many requests" in response.json()["message"]
    # Another client is not affected; the admin is not rate limited.
    assert client.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.9").status_code == 200
    assert client.get("/admin/login/").status_code == 200


def test_4xx_responses_are_not_stored_in_the_server_cache(client):
    before = set(cache._cache)
    for number in range(20):
        response = client.get(f"/api/v2/pages/{900000 + number}/")
        assert response.status_code == 404
        assert "max-age=10" in response["Cache-Control"]
    assert not [key for key in set(cache._cache) - before if "cms_api:r:" in key]
    assert client.get("/api/v2/pages/").status_code == 200
    assert [key for key in set(cache._cache) - before if "cms_api:r:" in key]


@pytest.mark.parametrize(
    ("email_url", "starts"),
    [(None, False), ("consolemail://", False), ("smtp://mail.cusco.gob.pe:587", True)],
)
def test_production_refuses_to_start_without_a_real_email_url(email_url, starts):
    env = {
        key: value for key, value in os.environ.items() if key not in {"EMAIL_URL", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(DJANGO_SETTINGS_MODULE="settings.production", SECRET_KEY="k" * 50, ALLOWED_HOSTS="cms.cusco.gob.pe")
    if email_url:
        env["EMAIL_URL"] = email_url
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode == 0) is starts, result.stderr[-500:]
    if not starts:
        assert "EMAIL_URL must name a real SMTP server" in result.stderr
