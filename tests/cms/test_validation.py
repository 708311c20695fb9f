"""Snippet and image forms refuse bad input with a form error and save nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.models import CustomImage, Person
from tests.factories import png_bytes


@pytest.fixture
def admin_client_(client, superuser, site_tree):
    client.force_login(superuser)
    return client


def upload(client, description):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Plaza de Armas",
            "description": description,
            "file": SimpleUploadedFile("plaza.png", png_bytes(), content_type="image/png"),
            "collection": 1,
        },
    )


def test_image_without_alt_text_is_refused(admin_client_):
    response = upload(admin_client_, "")
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not CustomImage.objects.exists()


def test_image_with_alt_text_is_saved(admin_client_):
    response = upload(admin_client_, "Vista de la Plaza de Armas con la Catedral al fondo")
    assert response.status_code == 302
    assert CustomImage.objects.get().default_alt_text.startswith("Vista de la Plaza")


def test_person_term_end_before_start_is_refused(admin_client_):
    url = reverse("wagtailsnippets_cms_person:add")
    data = {"name": "Regidor de prueba", "role": "regidor", "term_start": "2026-01-01", "term_end": "2025-01-01"}
    response = admin_client_.post(url, data)
    assert response.status_code == 200
    assert "term_end" in response.context["form"].errors
    assert not Person.objects.exists()
    data["term_end"] = "2026-12-31"
    assert admin_client_.post(url, data).status_code == 302
    assert Person.objects.get().name == "Regidor de prueba"


def test_admin_is_in_spanish(admin_client_):
    response = admin_client_.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Panel de control" in html
    assert "Autoridades" in html  # our own Spanish menu labels
