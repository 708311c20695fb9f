import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Locale, Page, Site

from home.models import HomePage


def counts():
    return (
        Page.objects.count(),
        Site.objects.count(),
        Locale.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
    )


def test_bootstrap_builds_the_tree_and_is_idempotent(db):
    call_command("bootstrap", stdout=io.StringIO())
    first = counts()
    call_command("bootstrap", stdout=io.StringIO())
    assert counts() == first

    site = Site.objects.get(is_default_site=True)
    assert site.site_name == "Municipalidad Provincial del Cusco"
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert [type(p.specific).__name__ for p in home.get_children().order_by("path")] == [
        "NewsIndexPage",
        "SpeechIndexPage",
        "BulletinIndexPage",
        "EventIndexPage",
        "CampaignIndexPage",
    ]
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "es", "qu"]
    assert {"Redactores", "Director", "Administradores"} <= set(Group.objects.values_list("name", flat=True))
    assert not Page.objects.filter(title__startswith="Welcome").exists()


def test_bootstrap_repairs_permission_drift(db):
    call_command("bootstrap", stdout=io.StringIO())
    redactores = Group.objects.get(name="Redactores")
    root = Page.get_first_root_node()
    from django.contrib.auth.models import Permission

    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=redactores, page=root, permission=publish)
    call_command("bootstrap", stdout=io.StringIO())
    assert not GroupPagePermission.objects.filter(group=redactores, permission=publish).exists()
