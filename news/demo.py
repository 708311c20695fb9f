"""Demo press notes, speeches and bulletins drawn from the office's own functions."""

import datetime

from django.utils import timezone

from cms.demo import make_image, make_pdf_document
from news.models import BulletinPage, NewsPage, SpeechPage

# (slug, title, lead, categories, people, place, paragraph)
NEWS = [
    (
        "calendario-civico-2026",
        "Municipalidad presenta el Calendario Cívico de Actividades 2026",
        "La Oficina de Relaciones Públicas y Protocolo dio a conocer las fechas cívicas y actos protocolares del año.",
        ["actos-protocolares", "gestion-municipal"],
        ["director"],
        "Palacio Municipal, Plaza Regocijo S/N",
        "El calendario reúne las fechas cívicas de la ciudad, las sesiones solemnes del Concejo y los actos "
        "protocolares en que participa la Municipalidad Provincial del Cusco.",
    ),
    (
        "alcalde-se-reune-con-medios",
        "Alcalde se reúne con los medios de comunicación del Cusco",
        "El burgomaestre informó sobre las obras y programas de la gestión municipal.",
        ["relaciones-institucionales"],
        ["alcalde", "director"],
        "Salón de actos del Palacio Municipal",
        "La reunión, coordinada por la Oficina de Relaciones Públicas y Protocolo, permitió informar de manera "
        "regular y oportuna a la comunidad local y nacional sobre las acciones de la Municipalidad.",
    ),
    (
        "campana-cusco-limpio",
        "Inicia la campaña de difusión «Cusco limpio, Cusco de todos»",
        "La campaña recorrerá los distritos de la provincia durante tres meses.",
        ["campanas"],
        ["teniente_alcalde"],
        "Plaza de Armas del Cusco",
        "La campaña de difusión busca difundir la buena imagen de la Municipalidad y promover la participación "
        "de las organizaciones de la población.",
    ),
    (
        "sesion-solemne-fundacion-espanola",
        "Sesión solemne por el aniversario de la Fundación Española del Cusco",
        "El Concejo Municipal rindió homenaje a la ciudad en su aniversario.",
        ["actos-protocolares", "cultura-y-tradicion"],
        ["alcalde", "regidor_cultura"],
        "Palacio Municipal, Plaza Regocijo S/N",
        "El acto protocolar contó con la presencia de autoridades civiles, militares y eclesiásticas, así como "
        "de instituciones cívicas y tutelares de la ciudad.",
    ),
    (
        "convenio-universidad-san-antonio-abad",
        "Municipalidad y la Universidad San Antonio Abad firman convenio de cooperación",
        "El convenio permitirá prácticas profesionales en comunicación y protocolo.",
        ["relaciones-institucionales"],
        ["alcalde"],
        "Rectorado de la UNSAAC",
        "La Municipalidad mantiene coordinaciones al más alto nivel con instituciones públicas y privadas, "
        "nacionales y extranjeras.",
    ),
    (
        "balance-obras-primer-semestre",
        "Conferencia de prensa: balance de obras del primer semestre",
        "El Alcalde presentó el avance de las obras en los barrios tradicionales.",
        ["obras", "gestion-municipal"],
        ["alcalde"],
        "Sala de prensa del Palacio Municipal",
        "Se informó a la ciudadanía sobre los planes, programas, proyectos y obras realizadas por la Municipalidad.",
    ),
    (
        "izamiento-pabellon-nacional",
        "Izamiento del Pabellón Nacional y de la bandera del Cusco en la Plaza de Armas",
        "Como cada domingo, autoridades e instituciones participaron en la ceremonia cívica.",
        ["actos-protocolares"],
        ["regidora_educacion"],
        "Plaza de Armas del Cusco",
        "La ceremonia de izamiento reúne cada semana a instituciones educativas, cívicas y a la ciudadanía.",
    ),
    (
        "boletin-municipal-numero-12",
        "Se publica el Boletín Municipal N.º 12",
        "La edición recoge las principales actividades de la gestión del último trimestre.",
        ["gestion-municipal"],
        ["director"],
        "Cusco",
        "El boletín se distribuye en los locales municipales y está disponible en formato digital.",
    ),
    (
        "delegacion-ciudad-hermana",
        "Alcalde recibe a una delegación de una ciudad hermana",
        "La visita fortalece los lazos de hermanamiento y cooperación cultural.",
        ["relaciones-institucionales", "actos-protocolares"],
        ["alcalde", "director"],
        "Salón de honor del Palacio Municipal",
        "El protocolo de recepción estuvo a cargo de la Oficina de Relaciones Públicas y Protocolo.",
    ),
    (
        "semana-jubilar-programa",
        "Semana Jubilar del Cusco: la Municipalidad presenta el programa de actividades",
        "Desfiles, serenatas y actos culturales acompañarán el mes jubilar.",
        ["cultura-y-tradicion"],
        ["regidor_cultura"],
        "Plaza Regocijo",
        "El programa fue elaborado en coordinación con las instituciones culturales y los gobiernos locales.",
    ),
    (
        "coordinacion-inti-raymi",
        "Coordinación con gobiernos locales y la región para el Inti Raymi",
        "Las instituciones acordaron medidas de seguridad y atención al visitante.",
        ["cultura-y-tradicion", "relaciones-institucionales"],
        ["teniente_alcalde"],
        "Palacio Municipal, Plaza Regocijo S/N",
        "Se establecieron canales de comunicación permanentes con los medios para informar oportunamente.",
    ),
    (
        "memoria-anual-2025",
        "La Oficina de Relaciones Públicas y Protocolo presenta su memoria anual 2025",
        "El documento resume la labor de comunicación, protocolo e imagen institucional del año.",
        ["gestion-municipal"],
        ["director"],
        "Cusco",
        "La memoria anual se formuló de acuerdo con la normatividad vigente y se presentó a la Alcaldía.",
    ),
]

SPEECHES = [
    ("discurso-aniversario-fundacion", "Discurso por el aniversario de la Fundación Española del Cusco", 60),
    ("discurso-inicio-semana-jubilar", "Palabras del Alcalde en la inauguración de la Semana Jubilar", 150),
    ("mensaje-inti-raymi", "Mensaje del Alcalde a los visitantes del Inti Raymi", 140),
    ("discurso-fiestas-patrias", "Discurso en la ceremonia de Fiestas Patrias", 120),
]

BULLETINS = [
    ("boletin-municipal-12", "Boletín Municipal N.º 12", BulletinPage.Kind.BULLETIN, 12),
    ("revista-cusco-capital-historica-3", "Revista «Cusco, Capital Histórica» N.º 3", BulletinPage.Kind.MAGAZINE, 3),
    ("memoria-anual-2025-documento", "Memoria anual 2025", BulletinPage.Kind.ANNUAL_REPORT, None),
]


def _add(parent, page):
    existing = type(page).objects.child_of(parent).filter(slug=page.slug).first()
    if existing:
        return existing, False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def seed_news(sections, people, categories):
    index = sections["news.NewsIndexPage"]
    now = timezone.now()
    pages = []
    for number, (slug, title, lead, cats, who, place, text) in enumerate(NEWS):
        image = make_image(title, f"Fotografía: {title}", number)
        body = [
            ("paragraph", f"<p>{text}</p>"),
            ("heading", "Compromiso con la ciudadanía"),
            ("paragraph", "<p>La Municipalidad Provincial del Cusco reafirma su compromiso con la ciudadanía.</p>"),
        ]
        if pages:
            body.append(
                ("paragraph", f'<p>Lea también: <a linktype="page" id="{pages[0].id}">{pages[0].title}</a>.</p>')
            )
        page, created = _add(
            index,
            NewsPage(
                title=title,
                slug=slug,
                date=now - datetime.timedelta(days=3 * number, hours=number),
                lead=lead,
                body=body,
                main_image=image,
                place=place,
                show_on_screens=number < 6,
                screen_headline=title[:60],
            ),
        )
        if created:
            page.categories.set([categories[c] for c in cats])
            page.related_people.set([people[p] for p in who])
            page.save_revision().publish()
        pages.append(page)
    return pages


def seed_speeches(sections, people):
    index = sections["news.SpeechIndexPage"]
    pages = []
    for number, (slug, title, days_ago) in enumerate(SPEECHES):
        body = [
            ("paragraph", "<p>Vecinas y vecinos del Cusco, autoridades, instituciones cívicas y tutelares:</p>"),
            ("quote", {"text": "El Cusco es de todos y para todos.", "attribution": people["alcalde"].name}),
            ("paragraph", "<p>Renovamos hoy nuestro compromiso con la Capital Histórica del Perú.</p>"),
        ]
        page, _ = _add(
            index,
            SpeechPage(
                title=title,
                slug=slug,
                speaker=people["alcalde"],
                delivered_on=timezone.now() - datetime.timedelta(days=days_ago),
                place="Plaza de Armas del Cusco" if number % 2 else "Palacio Municipal, Plaza Regocijo S/N",
                speech_type=list(SpeechPage.SpeechType)[number % 3],
                body=body,
            ),
        )
        pages.append(page)
    return pages


def seed_bulletins(sections):
    index = sections["news.BulletinIndexPage"]
    pages = []
    for number, (slug, title, kind, issue) in enumerate(BULLETINS):
        pdf = make_pdf_document(
            title,
            [
                "Municipalidad Provincial del Cusco",
                "Oficina de Relaciones Públicas y Protocolo",
                f"{title}: actividades, obras y actos protocolares de la gestión municipal.",
                "Calendario Cívico de Actividades y campañas de difusión.",
            ],
        )
        cover = make_image(f"Portada: {title}", f"Portada de {title}", number + 20, size=(900, 1270))
        page, _ = _add(
            index,
            BulletinPage(
                title=title,
                slug=slug,
                kind=kind,
                issue_number=issue,
                edition_date=timezone.localdate() - datetime.timedelta(days=30 * number),
                cover_image=cover,
                pdf=pdf,
                summary=f"{title}, publicación oficial de la Municipalidad Provincial del Cusco.",
            ),
        )
        pages.append(page)
    return pages
