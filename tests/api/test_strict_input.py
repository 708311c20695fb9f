"""Issue 15 (6, 7): numbers and ids in ASCII digits only, never a 500; every public URL
read-only, any other method a JSON 405 with Allow."""

import pytest

from tests.factories import NewsPageFactory, publish

# Characters str.isdigit() or \d accept but int() refuses or reads as another number.
NON_ASCII_DIGITS = ["²", "³", "¹", "٣", "۳", "३", "１", "⑤", "𝟓", "1²", "²0", "-²"]
NUMBER_PARAMS = [
    "/api/v2/pages/?limit={}",
    "/api/v2/pages/?offset={}",
    "/api/v2/pages/?child_of={}",
    "/api/v2/pages/?descendant_of={}",
    "/api/v2/pages/?ancestor_of={}",
    "/api/v2/pages/?translation_of={}",
    "/api/v2/pages/?id={}",
    "/api/v2/pages/?show_in_menus={}",
    "/api/v2/pages/?type=news.SpeechPage&speaker={}",
    "/api/v2/pages/?type=news.NewsPage&main_image={}",
    "/api/v2/pages/?type=news.NewsPage&categories={}",
    "/api/v2/pages/?type=news.BulletinPage&issue_number={}",
    "/api/v2/pages/?site=localhost:{}",
    "/api/v2/pages/{}/",
    "/api/v2/pages/{}",
    "/api/v2/pages/find/?id={}",
    "/api/v2/images/?limit={}",
    "/api/v2/images/?width={}",
    "/api/v2/images/?id={}",
    "/api/v2/images/{}/",
    "/api/v2/images/find/?id={}",
    "/api/v2/documents/?offset={}",
    "/api/v2/documents/{}/",
    "/api/v2/documents/find/?id={}",
    "/api/v2/calendar/?from=202{}-01-01&to=2025-01-31",
    "/api/v2/screens/{}/",
    "/api/v2/resolve/?path=/{}/",
]


@pytest.mark.parametrize("template", NUMBER_PARAMS)
def test_non_ascii_digits_never_fail_the_server(site_tree, client, template):
    client.raise_request_exception = False
    for digit in NON_ASCII_DIGITS:
        response = client.get(template.format(digit))
        assert response.status_code in (301, 302, 400, 404), (template, digit, response.status_code)
        if response.status_code >= 400:
            assert response["Content-Type"].startswith("application/json"), (template, digit)
            assert response.json()["message"]


def test_ascii_digits_still_work(site_tree, client):
    page = publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"]))
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200
    assert client.get("/api/v2/pages/?limit=3&offset=0").status_code == 200
    assert client.get("/api/v2/pages/%C2%B2/").status_code == 404  # '²' as in the report


PUBLIC_URLS = [
    "/api/v2/pages/",
    "/api/v2/pages/{page}/",
    "/api/v2/pages/find/?id={page}",
    "/api/v2/resolve/?path=/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/calendar/?from=2025-01-01&to=2025-01-31",
    "/api/v2/calendar.ics",
    "/api/v2/screens/lobby/",
    "/api/v2/preview/?content_type=news.newspage&token=x",
    "/api/schema/",
    "/api/docs/",
    "/api/v2/no-existe/",
    "/feeds/noticias/",
    "/healthz",
    "/readyz",
    "/screens/lobby/",
]
UNSAFE = ["POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT", "PROPFIND", "FOO"]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_url_refuses_other_methods_with_json_405(site_tree, client, url):
    page = publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"]))
    url = url.format(page=page.pk)
    for method in UNSAFE:
        response = client.generic(method, url, data="{}", content_type="application/json")
        assert response.status_code == 405, (method, url, response.status_code)
        assert response["Content-Type"] == "application/json"
        assert method in response.json()["message"]
        assert response["Allow"] == "GET, HEAD, OPTIONS"
    options = client.options(url)
    assert options.status_code == 200 and options["Allow"] == "GET, HEAD, OPTIONS"
    assert client.get(url).status_code != 405


def test_a_declared_public_write_passes(site_tree, client, settings):
    """The one public write (DESIGN §6) declares itself with public_write; the middleware lets it in."""
    from django.http import JsonResponse
    from django.urls import path
    from django.views.decorators.csrf import csrf_exempt

    from cms.api.methods import public_write

    @public_write("POST")
    @csrf_exempt
    def receive(request):
        return JsonResponse({"ok": True}, status=201)

    import types

    from tests.api.stock_urls import urlpatterns

    urlconf = types.ModuleType("write_urls")
    urlconf.urlpatterns = [path("api/v2/interview-requests/", receive), *urlpatterns]
    settings.ROOT_URLCONF = urlconf
    assert client.post("/api/v2/interview-requests/", {}).status_code == 201
    refused = client.put("/api/v2/interview-requests/")
    assert refused.status_code == 405 and refused["Allow"] == "POST, OPTIONS"


def test_an_unknown_format_is_a_json_400_on_every_listing(client, db):
    """Schemathesis found DRF's 404 for ?format=AAA on the media listings (found by the contract run)."""
    for url in ("/api/v2/images/", "/api/v2/documents/", "/api/v2/pages/"):
        response = client.get(url, {"format": "AAA"})
        assert response.status_code == 400, url
        assert "format" in response.json()["message"]
        assert client.get(url, {"format": "json"}).status_code == 200
