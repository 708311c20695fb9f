"""A speech as prepared and as delivered: status, and a word-level comparison ready to render."""

from django.core.cache import cache

from news.speech_diff import compare, to_html
from tests.factories import PersonFactory, SpeechPageFactory, paragraph, publish


def ops(segments):
    return [(s["op"], s["text"]) for s in segments]


def test_compare_marks_words_added_and_removed_with_accents_and_punctuation():
    prepared = "Vecinos del Cusco, hoy celebramos el Inti Raymi."
    delivered = "Queridos vecinos del Cusco: hoy celebramos juntos el Inti Raymi."
    assert ops(compare(prepared, delivered)) == [
        ("delete", "Vecinos"),
        ("insert", "Queridos vecinos"),
        ("equal", " del Cusco"),
        ("delete", ","),
        ("insert", ":"),
        ("equal", " hoy celebramos"),
        ("insert", " juntos"),
        ("equal", " el Inti Raymi."),
    ]


def test_accents_matter_and_html_is_escaped():
    segments = compare("Perú <unido>", "Peru <unido>")
    assert ops(segments)[0] == ("delete", "Perú")
    assert ops(segments)[1] == ("insert", "Peru")
    html = to_html(segments)
    assert html == "<p><del>Perú</del><ins>Peru</ins> &lt;unido&gt;</p>"


def test_identical_texts_are_one_equal_segment_and_paragraphs_survive():
    text = "Primera idea.\nSegunda idea, más larga."
    assert ops(compare(text, text)) == [("equal", text)]
    assert to_html(compare(text, text)) == "<p>Primera idea.</p><p>Segunda idea, más larga.</p>"


def test_api_shows_status_and_comparison(site_tree, client):
    index = site_tree["sections"]["news.SpeechIndexPage"]
    speech = publish(
        SpeechPageFactory(
            parent=index,
            speaker=PersonFactory(name="Alcalde de prueba"),
            body=[paragraph("<p>Hermanos cusqueños, bienvenidos.</p>")],
        )
    )
    body = client.get(f"/api/v2/pages/{speech.pk}/").json()
    assert body["delivery_status"] == "preparado"
    assert body["comparison"] is None

    speech.delivered_body = [paragraph("<p>Hermanos y hermanas cusqueños, bienvenidos.</p>")]
    publish(speech)
    cache.clear()  # the generation bump runs on commit, which a test's transaction never reaches
    body = client.get(f"/api/v2/pages/{speech.pk}/").json()
    assert body["delivery_status"] == "pronunciado"
    assert body["comparison"]["html"] == "<p>Hermanos<ins> y hermanas</ins> cusqueños, bienvenidos.</p>"
    assert body["comparison"]["changes"] == 1
    listing = client.get("/api/v2/pages/?type=news.SpeechPage&fields=delivery_status,comparison").json()
    assert listing["items"][0]["delivery_status"] == "pronunciado"


def test_adding_the_delivered_text_is_a_change_that_needs_approval(site_tree, redactor, client):
    """The delivered text is a content change like any other: a Redactor's edit stays a draft."""
    index = site_tree["sections"]["news.SpeechIndexPage"]
    speech = publish(SpeechPageFactory(parent=index))
    speech.delivered_body = [paragraph("<p>Texto pronunciado.</p>")]
    speech.save_revision(user=redactor)
    body = client.get(f"/api/v2/pages/{speech.pk}/").json()
    assert body["delivery_status"] == "preparado"
