"""Demo content shared by every section: people, categories, press contacts, accounts, media."""

import io
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model

from cms.models import Category, CustomImage, Institution, MediaOutlet, Person
from cms.roles import ADMINISTRADORES, DIRECTOR, REDACTORES

PEOPLE = {
    # key: (name, role, position title)
    "alcalde": ("Luis Beltrán Pantoja Calvo", Person.Role.ALCALDE, "Alcalde de la Provincia del Cusco"),
    "director": (
        "Lic. Carlos Alberto Chirau Flores",
        Person.Role.DIRECTOR,
        "Director de la Oficina de Relaciones Públicas y Protocolo",
    ),
    "teniente_alcalde": ("María Elena Quispe Huamán", Person.Role.TENIENTE_ALCALDE, "Teniente alcaldesa"),
    "regidor_cultura": ("José Antonio Mamani Ccori", Person.Role.REGIDOR, "Regidor, Comisión de Cultura y Turismo"),
    "regidora_educacion": ("Rosa Luz Condori Puma", Person.Role.REGIDOR, "Regidora, Comisión de Educación"),
}

CATEGORIES = [
    ("Gestión municipal", "gestion-municipal"),
    ("Actos protocolares", "actos-protocolares"),
    ("Cultura y tradición", "cultura-y-tradicion"),
    ("Obras", "obras"),
    ("Relaciones institucionales", "relaciones-institucionales"),
    ("Campañas", "campanas"),
]

OUTLETS = [
    ("Diario del Cusco", MediaOutlet.Kind.PRESS),
    ("Radio Universal Cusco", MediaOutlet.Kind.RADIO),
    ("Cusco TV Canal 21", MediaOutlet.Kind.TV),
    ("Agencia Andina — corresponsalía Cusco", MediaOutlet.Kind.AGENCY),
]

INSTITUTIONS = [
    ("Gobierno Regional del Cusco", Institution.Sector.PUBLIC),
    ("Arzobispado del Cusco", Institution.Sector.CIVIC),
    ("Universidad Nacional de San Antonio Abad del Cusco", Institution.Sector.PUBLIC),
    ("Cámara de Comercio del Cusco", Institution.Sector.PRIVATE),
]

ACCOUNTS = [
    ("admin", None, True),
    ("redactor", REDACTORES, False),
    ("director", DIRECTOR, False),
    # The deputy: a second member of the Director group, so four-eyes always has a way out
    # (the Director's own notes, or notes the Director changed while reviewing).
    ("encargado", DIRECTOR, False),
]
ACCOUNT_NAMES = {
    "director": ("Carlos Alberto", "Chirau Flores"),
    "encargado": ("Director(a)", "encargado(a)"),
}

PALETTE = [(140, 28, 38), (30, 78, 121), (196, 137, 26), (46, 110, 64), (92, 45, 110), (40, 40, 40)]


def make_image(title, alt, index=0, size=(1600, 900)):
    """An image generated locally: a coloured gradient with the title written on it."""
    existing = CustomImage.objects.filter(title=title).first()
    if existing:
        return existing
    base = PALETTE[index % len(PALETTE)]
    picture = PILImage.new("RGB", size, base)
    draw = ImageDraw.Draw(picture)
    for y in range(size[1]):
        shade = tuple(max(0, c - y * 60 // size[1]) for c in base)
        draw.line([(0, y), (size[0], y)], fill=shade)
    draw.text((80, size[1] - 200), title[:48], fill=(255, 255, 255), font=ImageFont.load_default(size=56))
    draw.text(
        (80, 80), "Municipalidad Provincial del Cusco", fill=(255, 230, 180), font=ImageFont.load_default(size=36)
    )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    image = CustomImage(
        title=title,
        description=alt,
        credit="Relaciones Públicas MPC",
        file=ContentFile(buffer.getvalue(), name=f"demo-{index}.jpg"),
    )
    image.save()
    return image


def make_pdf_document(title, lines):
    """A real PDF generated locally, stored as a Wagtail document."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(60, 780, title)
    pdf.setFont("Helvetica", 11)
    for number, line in enumerate(lines):
        pdf.drawString(60, 750 - 16 * number, line)
    pdf.save()
    document = Document(title=title, file=ContentFile(buffer.getvalue(), name="publicacion.pdf"))
    document.save()
    return document


def seed_people():
    people = {}
    for key, (name, role, position) in PEOPLE.items():
        people[key], _ = Person.objects.get_or_create(name=name, defaults={"role": role, "position_title": position})
    return people


def seed_categories():
    return {slug: Category.objects.get_or_create(slug=slug, defaults={"name": name})[0] for name, slug in CATEGORIES}


def seed_contacts():
    for name, kind in OUTLETS:
        MediaOutlet.objects.get_or_create(name=name, defaults={"kind": kind})
    for name, sector in INSTITUTIONS:
        Institution.objects.get_or_create(name=name, defaults={"sector": sector})


def seed_accounts(groups, stdout):
    """Demo accounts with random passwords, printed once when created (dev settings only)."""
    if not settings.DEBUG:
        stdout.write("Cuentas de demostración omitidas: solo se crean con la configuración de desarrollo.")
        return {}
    User = get_user_model()
    created = {}
    for username, group_name, is_superuser in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(9)
        email = f"{username}@demo.cusco.gob.pe"
        if is_superuser:
            user = User.objects.create_superuser(username, email, password)
            group_name = ADMINISTRADORES
        else:
            user = User.objects.create_user(username, email, password)
        user.first_name, user.last_name = ACCOUNT_NAMES.get(username, ("", ""))
        user.save(update_fields=["first_name", "last_name"])
        user.groups.add(groups[group_name])
        created[username] = password
    for username, password in created.items():
        stdout.write(f"  cuenta «{username}»  contraseña: {password}")
    return created
