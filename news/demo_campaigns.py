"""Demo content for wave 2: two mayoral terms, a campaign with items, a speech with both texts."""

import datetime

from django.utils import timezone

from cms.demo import make_image
from cms.models import Term
from news.models import CampaignPage, SpeechPage


def seed_terms(people):
    terms = [
        ("Gestión 2019–2022", "2019-2022", datetime.date(2019, 1, 1), datetime.date(2022, 12, 31), None),
        ("Gestión 2023–2026", "2023-2026", datetime.date(2023, 1, 1), datetime.date(2026, 12, 31), people["alcalde"]),
    ]
    for name, slug, start, end, mayor in terms:
        Term.objects.get_or_create(slug=slug, defaults={"name": name, "start": start, "end": end, "mayor": mayor})
    return Term.objects.count()


def seed_campaign(sections, news, bulletins):
    """«Inti Raymi seguro»: press notes and a bulletin chose it."""
    index = sections["news.CampaignIndexPage"]
    campaign = CampaignPage.objects.child_of(index).filter(slug="inti-raymi-seguro").first()
    if campaign is None:
        today = timezone.localdate()
        campaign = CampaignPage(
            title="Inti Raymi seguro",
            slug="inti-raymi-seguro",
            purpose="Que vecinos y visitantes vivan la Fiesta del Sol con orden, limpieza y seguridad.",
            start_date=today - datetime.timedelta(days=20),
            end_date=today + datetime.timedelta(days=40),
            image=make_image("Inti Raymi seguro", "Afiche de la campaña Inti Raymi seguro", 20),
            body=[("paragraph", "<p>Rutas, horarios y recomendaciones de la Municipalidad Provincial del Cusco.</p>")],
        )
        index.add_child(instance=campaign)
        campaign.save_revision().publish()
    for page in [*news[:3], *bulletins[:1]]:
        if page.campaign_id != campaign.pk:
            page.campaign = campaign
            page.save_revision().publish()
    return campaign


def seed_delivered_speech(speeches):
    """The first speech gets what the Mayor actually said, beside the prepared text."""
    speech = speeches[0]
    if len(speech.delivered_body):
        return speech
    speech.delivered_body = [
        ("paragraph", "<p>Queridas vecinas y vecinos del Cusco, autoridades, instituciones cívicas y tutelares:</p>"),
        ("quote", {"text": "El Cusco es de todos y para todos.", "attribution": speech.speaker.name}),
        ("paragraph", "<p>Renovamos hoy, con alegría, nuestro compromiso con la Capital Histórica del Perú.</p>"),
    ]
    speech.speech_type = SpeechPage.SpeechType.PREPARED
    speech.save_revision().publish()
    return speech
