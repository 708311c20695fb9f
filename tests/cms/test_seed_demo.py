import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from cms.models import Category, CustomImage, Institution, MediaOutlet, Person
from news.models import BulletinPage, NewsPage, SpeechPage


def counts():
    models = [Page, Revision, NewsPage, SpeechPage, BulletinPage, Person, Category, MediaOutlet, Institution]
    models += [CustomImage, get_document_model(), get_user_model()]
    return {model.__name__: model.objects.count() for model in models}


@override_settings(DEBUG=True)
def test_seed_demo_is_idempotent_and_realistic(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == first

    assert NewsPage.objects.live().count() >= 12
    assert all(page.main_image_id for page in NewsPage.objects.all())
    assert SpeechPage.objects.filter(speaker__role="alcalde").count() >= 4
    assert BulletinPage.objects.count() >= 3
    for bulletin in BulletinPage.objects.select_related("pdf"):
        with bulletin.pdf.open_file() as handle:
            assert handle.read(5) == b"%PDF-"
    assert Person.objects.filter(name__contains="Chirau Flores", role="director").exists()
    assert MediaOutlet.objects.count() >= 3
    users = get_user_model().objects
    assert set(users.values_list("username", flat=True)) == {"admin", "redactor", "director", "encargado"}
    assert users.get(username="redactor").groups.filter(name="Redactores").exists()
    directors = users.filter(groups__name="Director").order_by("username")
    assert [(u.username, u.get_full_name()) for u in directors] == [
        ("director", "Carlos Alberto Chirau Flores"),
        ("encargado", "Director(a) encargado(a)"),
    ]
    assert "contraseña" in out.getvalue()
    # Wave 2: two mayoral terms, a campaign with items, a speech with both texts.
    from cms.models import Term
    from news.models import CampaignPage

    assert set(Term.objects.values_list("slug", flat=True)) == {"2019-2022", "2023-2026"}
    campaign = CampaignPage.objects.live().get(slug="inti-raymi-seguro")
    assert NewsPage.objects.live().filter(campaign=campaign).count() == 3
    assert BulletinPage.objects.live().filter(campaign=campaign).count() == 1
    delivered = [s for s in SpeechPage.objects.live() if s.delivery_status == "pronunciado"]
    assert len(delivered) == 1 and delivered[0].comparison["changes"] > 0


def test_seed_demo_creates_no_accounts_outside_dev_settings(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert not get_user_model().objects.exists()
    assert "omitidas" in out.getvalue()


def test_seed_demo_if_empty_leaves_existing_content_alone(db):
    call_command("seed_demo", stdout=io.StringIO())
    NewsPage.objects.first().delete()
    before = NewsPage.objects.count()
    out = io.StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)
    assert NewsPage.objects.count() == before
    assert "Ya hay contenido" in out.getvalue()
