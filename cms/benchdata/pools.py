"""Small shared pools that thousands of benchmark pages point to: images, PDFs, people, categories, a screen."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model

from cms.models import Category, CustomImage, Person

IMAGE_PREFIX = "Banco de fotos (bench)"
DOCUMENT_PREFIX = "Publicación de archivo (bench)"
PALETTE = [(164, 30, 52), (32, 86, 150), (214, 160, 42), (46, 125, 80), (120, 72, 150), (30, 30, 30)]

PEOPLE = [
    ("Alcalde Provincial del Cusco", Person.Role.ALCALDE),
    ("Teniente Alcaldesa del Cusco", Person.Role.TENIENTE_ALCALDE),
    ("Regidora de Cultura y Turismo", Person.Role.REGIDOR),
    ("Regidor de Obras Públicas", Person.Role.REGIDOR),
    ("Gerente Municipal", Person.Role.GERENTE),
    ("Director de Relaciones Públicas y Protocolo", Person.Role.DIRECTOR),
]
CATEGORIES = [
    ("Obras", "obras"),
    ("Cultura", "cultura"),
    ("Turismo", "turismo"),
    ("Seguridad ciudadana", "seguridad-ciudadana"),
    ("Medio ambiente", "medio-ambiente"),
    ("Deporte", "deporte"),
    ("Salud", "salud"),
    ("Educación", "educacion"),
]
SCREEN_SLUG = "plaza-regocijo"


def jpeg_bytes(number, width=1600, height=1067):
    """A photo-sized JPEG with a gradient and shapes, so renditions cost what real ones do."""
    base = PALETTE[number % len(PALETTE)]
    image = PILImage.linear_gradient("L").resize((width, height)).convert("RGB")
    tint = PILImage.new("RGB", (width, height), base)
    image = PILImage.blend(image, tint, 0.6)
    draw = ImageDraw.Draw(image)
    for k in range(6):
        x, y = (number * 97 + k * 211) % width, (number * 53 + k * 149) % height
        draw.ellipse((x, y, x + 220, y + 160), fill=PALETTE[(number + k) % len(PALETTE)])
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def pdf_bytes(title):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 760, title)
    pdf.drawString(72, 740, "Municipalidad Provincial del Cusco - Oficina de Relaciones Públicas y Protocolo")
    pdf.save()
    return buffer.getvalue()


def ensure_images(count):
    have = list(CustomImage.objects.filter(title__startswith=IMAGE_PREFIX).order_by("pk"))
    for number in range(len(have), count):
        data = jpeg_bytes(number)
        image = CustomImage.objects.create(
            title=f"{IMAGE_PREFIX} {number + 1}",
            description=f"Vista de la ciudad del Cusco, fotografía de archivo {number + 1}",
            credit="Oficina de Relaciones Públicas y Protocolo",
            file=ContentFile(data, name=f"bench_foto_{number + 1}.jpg"),
            file_size=len(data),
        )
        have.append(image)
    return have[:count] if count else have


def ensure_documents(count=3):
    Document = get_document_model()
    have = list(Document.objects.filter(title__startswith=DOCUMENT_PREFIX).order_by("pk"))
    for number in range(len(have), count):
        title = f"{DOCUMENT_PREFIX} {number + 1}"
        document = Document.objects.create(
            title=title, file=ContentFile(pdf_bytes(title), name=f"bench_publicacion_{number + 1}.pdf")
        )
        have.append(document)
    return have


def ensure_people():
    return [Person.objects.get_or_create(name=name, defaults={"role": role})[0] for name, role in PEOPLE]


def ensure_categories():
    return [Category.objects.get_or_create(slug=slug, defaults={"name": name})[0] for name, slug in CATEGORIES]


def ensure_screen():
    from screens.models import Screen

    screen, _ = Screen.objects.get_or_create(
        slug=SCREEN_SLUG,
        defaults={
            "name": "Pantalla del vestíbulo, Plaza Regocijo",
            "building": "Palacio Municipal, Plaza Regocijo S/N",
            "play_days": "1234567",
            "play_from": "00:00",
            "play_until": "23:59",
        },
    )
    return screen
