"""Demo press contacts (fictitious outlets, example.* addresses) and interview requests."""

import datetime as dt

from django.utils import timezone

from cms.models import Institution, MediaOutlet
from media_relations.models import InterviewRequest

# (outlet, kind, journalist, email, accredited, category slugs)
PRESS_CONTACTS = [
    (
        "Ejemplo Noticias Cusco (ficticio)",
        MediaOutlet.Kind.DIGITAL,
        "Ana Ejemplo Quispe",
        "ana@noticias.example.org",
        True,
        ["gestion-municipal", "obras", "actos-protocolares"],
    ),
    (
        "Radio Ejemplo Andina (ficticia)",
        MediaOutlet.Kind.RADIO,
        "Pedro Prueba Huamán",
        "prensa@radio.example.net",
        True,
        ["cultura-y-tradicion", "actos-protocolares", "campanas"],
    ),
    (
        "Canal Ejemplo TV (ficticio)",
        MediaOutlet.Kind.TV,
        "Lucía Demo Ccahuana",
        "lucia@canal.example.com",
        True,
        ["gestion-municipal", "relaciones-institucionales"],
    ),
    (
        "Semanario Ejemplo (ficticio, sin acreditar)",
        MediaOutlet.Kind.PRESS,
        "Jorge Muestra Apaza",
        "jorge@semanario.example.org",
        False,
        ["gestion-municipal"],
    ),
]
INSTITUTION_CONTACTS = [
    (
        "Asociación Ejemplo de Periodistas (ficticia)",
        Institution.Sector.CIVIC,
        "Comunicaciones",
        "comunicaciones@periodistas.example.org",
        True,
        ["relaciones-institucionales"],
    ),
]


def seed_press(categories, people):
    for name, kind, person, email, accredited, slugs in PRESS_CONTACTS:
        contact, created = MediaOutlet.objects.get_or_create(
            name=name, defaults={"kind": kind, "contact_person": person, "email": email, "accredited": accredited}
        )
        if created:
            contact.categories.set([categories[slug] for slug in slugs])
    for name, sector, person, email, accredited, slugs in INSTITUTION_CONTACTS:
        contact, created = Institution.objects.get_or_create(
            name=name, defaults={"sector": sector, "contact_person": person, "email": email, "accredited": accredited}
        )
        if created:
            contact.categories.set([categories[slug] for slug in slugs])
    if InterviewRequest.objects.exists():
        return
    soon = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + dt.timedelta(days=3)
    InterviewRequest.objects.create(
        outlet="Radio Ejemplo Andina (ficticia)",
        journalist="Pedro Prueba Huamán",
        email="prensa@radio.example.net",
        person=people["alcalde"],
        topic="Balance de las obras de la gestión y agenda del Inti Raymi.",
        proposed_dates=f"{soon:%Y-%m-%d %H:%M}",
        channel=InterviewRequest.Channel.STUDIO,
        source=InterviewRequest.Source.WEBSITE,
    )
    InterviewRequest.objects.create(
        outlet="Canal Ejemplo TV (ficticio)",
        journalist="Lucía Demo Ccahuana",
        email="lucia@canal.example.com",
        person=people["regidor_cultura"],
        topic="Programa cultural de la Comisión de Cultura y Turismo.",
        proposed_dates=f"{soon + dt.timedelta(days=1):%Y-%m-%d %H:%M}",
        channel=InterviewRequest.Channel.IN_PERSON,
        status=InterviewRequest.Status.SCHEDULED,
        agreed_at=soon + dt.timedelta(days=1),
        agreed_place="Palacio Municipal, sala de prensa",
    )
