"""Redactores and the Director upload, choose and edit images and documents through the admin
(the permissions `bootstrap` grants are the ones Wagtail's image and document policies check)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import pdf_bytes, png_bytes
from tests.moderation.helpers import login


def upload_image(client, title):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png"),
            "description": "Autoridades en la Plaza de Armas",
            "collection": Collection.get_first_root_node().pk,
            "credit": "Oficina de Relaciones Públicas",
        },
    )


def upload_document(client, title):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("boletin.pdf", pdf_bytes(), content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.fixture(params=["redactor", "director"])
def member(request, db):  # `db` named here: pytest-django orders tests by the fixtures they name
    return request.getfixturevalue(request.param)


def test_member_sees_the_libraries_and_the_upload_tabs(member):
    client = login(member)
    for url in (reverse("wagtailimages:index"), reverse("wagtaildocs:index")):
        response = client.get(url)
        assert response.status_code == 200, url
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailimages:index") in home  # the "Imágenes" menu item
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.status_code == 200
    assert 'id="tab-upload"' in chooser.json()["html"] or "upload" in chooser.json()["html"]


def test_member_uploads_and_edits_an_image(member):
    client = login(member)
    response = upload_image(client, "Inti Raymi 2026")
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    image = get_image_model().objects.get(title="Inti Raymi 2026")
    assert image.uploaded_by_user == member
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Inti Raymi 2026 en Sacsayhuamán",
            "description": image.description,
            "collection": image.collection_id,
            "credit": "",
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.title == "Inti Raymi 2026 en Sacsayhuamán"


def test_member_uploads_a_document_and_chooses_it(member):
    client = login(member)
    response = upload_document(client, "Boletín municipal N.º 14")
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    document = get_document_model().objects.get(title="Boletín municipal N.º 14")
    assert document.uploaded_by_user == member
    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[document.pk]))
    assert chosen.status_code == 200


def test_redactor_edits_and_deletes_only_their_own_images(redactor, director):
    """Only the Director edits or deletes anyone's image: a Redactor never removes a photo live pages use."""
    upload_image(login(director), "Foto del Director")
    image = get_image_model().objects.get(title="Foto del Director")
    as_redactor = login(redactor)
    assert as_redactor.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 302  # refused
    as_redactor.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert get_image_model().objects.filter(pk=image.pk).exists()
    upload_image(as_redactor, "Foto de la Redactora")
    own = get_image_model().objects.get(title="Foto de la Redactora")
    assert as_redactor.post(reverse("wagtailimages:delete", args=[own.pk])).status_code == 302
    assert not get_image_model().objects.filter(pk=own.pk).exists()
    assert login(director).get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200
