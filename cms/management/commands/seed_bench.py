import json
import time

from django.core.management.base import BaseCommand, CommandError

from cms.benchdata import pools
from cms.benchdata.seed import Seeder
from cms.bootstrap import bootstrap
from cms.dbstats import analyze_after_bulk_load


def index_media_uses():
    """Pages inserted in bulk skip Wagtail's reference index, which decides which media are public
    (cms.api.public): index one live page per pooled image and document, as publishing would."""
    from django.apps import apps
    from wagtail.models import ReferenceIndex

    seen = set()
    for label, field in (("news.NewsPage", "main_image_id"), ("news.BulletinPage", "pdf_id")):
        rows = apps.get_model(label).objects.live().order_by().values_list(field, "pk")
        for target, pk in rows.exclude(**{field: None}).distinct():
            if (label, target) not in seen:
                seen.add((label, target))
                ReferenceIndex.create_or_update_for_object(apps.get_model(label).objects.get(pk=pk))


class Command(BaseCommand):
    help = (
        "Crea contenido de prueba a escala para el benchmark (bench/): notas de prensa, actividades, "
        "discursos y publicaciones, en bloque. Los números son totales: si ya existen, solo se completan."
    )

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=1000, help="Total de notas de prensa.")
        parser.add_argument("--events", type=int, default=None, help="Total de actividades (por defecto news/10).")
        parser.add_argument("--speeches", type=int, default=None, help="Total de discursos (por defecto news/20).")
        parser.add_argument(
            "--bulletins", type=int, default=None, help="Total de publicaciones (por defecto news/40)."
        )
        parser.add_argument(
            "--images", type=int, default=12, help="Imágenes generadas y reutilizadas por las páginas."
        )
        parser.add_argument("--no-index", action="store_true", help="No actualizar el índice de búsqueda.")
        parser.add_argument("--json", action="store_true", help="Imprimir los tiempos como JSON (para bench/run.py).")

    def handle(self, *args, **options):
        counts = {
            "news": options["news"],
            "events": options["events"] if options["events"] is not None else options["news"] // 10,
            "speeches": options["speeches"] if options["speeches"] is not None else options["news"] // 20,
            "bulletins": options["bulletins"] if options["bulletins"] is not None else options["news"] // 40,
        }
        if min(counts.values()) < 0 or options["images"] < 1:
            raise CommandError("Los totales no pueden ser negativos y se necesita al menos una imagen.")
        started = time.perf_counter()
        sections = bootstrap()["sections"]
        images = pools.ensure_images(options["images"])
        seeder = Seeder(sections, images, stdout=None if options["json"] else self.stdout)
        seeder.events(counts["events"])  # first, so speeches and news could point at them
        seeder.news(counts["news"])
        seeder.speeches(counts["speeches"])
        seeder.bulletins(counts["bulletins"])
        created = {model: len(ids) for model, ids in seeder.created.items()}
        index_media_uses()
        if not options["no_index"]:
            seeder.index()
        analyze_after_bulk_load()
        seeder.timings["total_s"] = round(time.perf_counter() - started, 2)
        result = {"totals": counts, "created": created, "timings": seeder.timings, "indexed": not options["no_index"]}
        if options["json"]:
            self.stdout.write(json.dumps(result))
        else:
            self.stdout.write(self.style.SUCCESS(f"Contenido de benchmark listo: {json.dumps(result)}"))
