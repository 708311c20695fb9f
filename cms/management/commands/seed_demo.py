from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from cms import demo
from cms.bootstrap import bootstrap
from cms.demo_translations import seed_translations
from events.demo import seed_events
from media_relations.demo import seed_press
from news.demo import seed_bulletins, seed_news, seed_speeches
from news.demo_campaigns import seed_campaign, seed_delivered_speech, seed_terms
from screens.demo import seed_screens


class Command(BaseCommand):
    help = "Carga contenido de demostración realista (idempotente) y crea las cuentas de demostración."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="No hace nada si ya hay contenido además de las secciones."
        )

    def handle(self, *args, if_empty=False, **options):
        tree = bootstrap()
        if if_empty and Page.objects.filter(depth__gt=3).exists():
            self.stdout.write("Ya hay contenido: no se cargan datos de demostración.")
            return
        with transaction.atomic():
            people = demo.seed_people()
            categories = demo.seed_categories()
            demo.seed_contacts()
            seed_press(categories, people)
            seed_events(tree["sections"], people, self.stdout)
            news = seed_news(tree["sections"], people, categories)
            speeches = seed_speeches(tree["sections"], people)
            bulletins = seed_bulletins(tree["sections"])
            seed_terms(people)
            seed_campaign(tree["sections"], news, bulletins)
            seed_delivered_speech(speeches)
            seed_screens(self.stdout)
            seed_translations(tree["sections"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Demostración lista: {len(news)} notas de prensa, {len(speeches)} discursos, "
                f"{len(bulletins)} publicaciones, {len(people)} autoridades."
            )
        )
        demo.seed_accounts(tree["groups"], self.stdout)
