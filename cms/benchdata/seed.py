"""Content at scale for the benchmark: press notes, events, speeches and bulletins, in bulk.

Counts are totals: seeding 1,000 then 20,000 press notes adds 19,000. New press notes are
dated before the existing ones, so the newest 20 (what the listing shows) stay the same.
"""

import datetime
import time
import uuid
import zoneinfo

from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backend
from modelsearch.index import RelatedFields

from cms.benchdata import pools
from cms.benchdata.text import BULLETIN_TITLES, Writer
from cms.benchdata.tree import BATCH_SIZE, bulk_add_live_children
from events.occurrences import ensure_window, store_events

LIMA = zoneinfo.ZoneInfo("America/Lima")
NEWS_STEP = datetime.timedelta(hours=3)
# The database search backends rescan the whole index after each add_bulk() (title norms): few, large chunks.
INDEX_CHUNK = 2500


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def body(writer, link_ids, images, paragraphs):
    """Raw StreamField data: headings, paragraphs with internal links, an image and sometimes a quote."""
    blocks = [block("paragraph", writer.paragraph_html(link_ids))]
    for number in range(paragraphs - 1):
        if number == 1:
            image = writer.pick(images)
            blocks.append(block("image", {"image": image.pk, "decorative": False, "alt_text": image.description}))
            blocks.append(block("heading", writer.sentences(1)[:80].rstrip(".")))
        blocks.append(block("paragraph", writer.paragraph_html(link_ids)))
    if writer.rng.random() < 0.35:
        blocks.append(block("quote", {"text": writer.quote(), "attribution": "Alcalde del Cusco"}))
    return blocks


def unique_slug(title, number):
    return f"{slugify(title)[:70].rstrip('-')}-{number}"


class Seeder:
    def __init__(self, sections, images, stdout=None):
        from wagtail.models import Page

        self.sections = sections
        self.images = images
        self.documents = pools.ensure_documents()
        self.people = pools.ensure_people()
        self.categories = pools.ensure_categories()
        self.screen = pools.ensure_screen()
        self.stdout = stdout
        self.timings = {}
        self.created = {}
        section_ids = [page.pk for page in sections.values()]
        news_ids = list(Page.objects.type(self.model("news.NewsPage")).values_list("pk", flat=True)[:2000])
        self.link_ids = section_ids + news_ids

    @staticmethod
    def model(path):
        from django.apps import apps

        return apps.get_model(path)

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def run(self, label, model_path, total, build, m2m=None):
        """Create total - existing pages of one type, batch by batch; record the time taken."""
        model = self.model(model_path)
        parent = self.sections[model.parent_page_types[0]]
        existing = model.objects.child_of(parent).count()
        started = time.perf_counter()
        made = []
        for start in range(existing, total, BATCH_SIZE):
            numbers = range(start, min(total, start + BATCH_SIZE))
            pages, relations = build(numbers)
            bulk_add_live_children(parent, pages, m2m=relations)
            made.extend(page.pk for page in pages)
            if model_path == "news.NewsPage":
                self.link_ids.extend(page.pk for page in pages[:50])
            self.log(f"  {label}: {start + len(pages)}/{total}")
        self.timings[f"{label}_s"] = round(time.perf_counter() - started, 2)
        self.created[model_path] = made
        return made

    def news(self, total):
        NewsPage = self.model("news.NewsPage")
        oldest = NewsPage.objects.order_by("date").values_list("date", flat=True).first()
        anchor = (oldest - NEWS_STEP) if oldest else timezone.now().replace(microsecond=0)
        existing = NewsPage.objects.count()

        def build(numbers):
            pages, categories, people = [], [], []
            for number in numbers:
                writer = Writer(f"news-{number}")
                title = writer.headline()
                date = anchor - NEWS_STEP * (number - existing)
                pages.append(
                    NewsPage(
                        title=title,
                        slug=unique_slug(title, number),
                        date=date,
                        first_published_at=date,
                        lead=writer.sentences(2)[:400],
                        body=body(writer, self.link_ids, self.images, writer.rng.randint(3, 6)),
                        main_image=self.images[number % len(self.images)],
                        place=writer.place(),
                        show_on_screens=number % 10 == 0,
                        screen_headline=title[:60] if number % 10 == 0 else "",
                    )
                )
                categories.append(writer.rng.sample(self.categories, writer.rng.randint(1, 2)))
                people.append(writer.rng.sample(self.people, writer.rng.randint(0, 1)))
            return pages, {"categories": categories, "related_people": people}

        return self.run("news", "news.NewsPage", total, build)

    def events(self, total):
        CivicEventPage = self.model("events.CivicEventPage")
        today = timezone.localdate()
        window_start = datetime.datetime(today.year - 1, 1, 1, tzinfo=LIMA)
        window_days = 3 * 365
        types = [choice for choice, _label in CivicEventPage.EventType.choices]

        def build(numbers):
            pages = []
            for number in numbers:
                writer = Writer(f"event-{number}")
                title = writer.event_title()
                start = window_start + datetime.timedelta(
                    days=writer.rng.randrange(window_days), hours=writer.rng.randint(8, 18)
                )
                cancelled = writer.rng.random() < 0.05
                pages.append(
                    CivicEventPage(
                        title=title,
                        slug=unique_slug(title, number),
                        first_published_at=start - datetime.timedelta(days=20),
                        start=start,
                        end=start + datetime.timedelta(hours=writer.rng.choice([1, 2, 3])),
                        all_day=writer.rng.random() < 0.1,
                        recurrence="FREQ=YEARLY" if writer.rng.random() < 0.05 else "",
                        status="cancelado" if cancelled else "programado",
                        status_reason="Por disposición de la autoridad sanitaria." if cancelled else "",
                        event_type=writer.pick(types),
                        description=writer.paragraph_html(self.link_ids),
                        place=writer.place(),
                        address="Plaza Regocijo S/N",
                        presided_by=writer.pick(self.people),
                        protocol_notes="Coordinar ubicación de autoridades (interno).",
                        show_on_screens=number % 5 == 0,
                    )
                )
            return pages, {}

        made = self.run("events", "events.CivicEventPage", total, build)
        started = time.perf_counter()
        store_events(made, ensure_window())  # pages were inserted in bulk: no save() stored them
        self.timings["occurrences_s"] = round(time.perf_counter() - started, 2)
        return made

    def speeches(self, total):
        SpeechPage = self.model("news.SpeechPage")
        now = timezone.now().replace(microsecond=0)

        def build(numbers):
            pages = []
            for number in numbers:
                writer = Writer(f"speech-{number}")
                title = f"Discurso: {writer.headline()}"
                delivered = now - datetime.timedelta(days=2 * number + 1)
                pages.append(
                    SpeechPage(
                        title=title[:255],
                        slug=unique_slug(title, number),
                        first_published_at=delivered,
                        speaker=self.people[number % 2],
                        delivered_on=delivered,
                        place=writer.place(),
                        speech_type=writer.pick(["transcripcion", "preparado", "palabras_centrales"]),
                        body=body(writer, self.link_ids, self.images, writer.rng.randint(4, 8)),
                    )
                )
            return pages, {}

        return self.run("speeches", "news.SpeechPage", total, build)

    def bulletins(self, total):
        BulletinPage = self.model("news.BulletinPage")
        today = timezone.localdate()
        kinds = list(BULLETIN_TITLES)

        def build(numbers):
            pages = []
            for number in numbers:
                writer = Writer(f"bulletin-{number}")
                kind = kinds[number % len(kinds)]
                edition = today - datetime.timedelta(days=14 * number)
                title = BULLETIN_TITLES[kind].format(n=number + 1, year=edition.year)
                pages.append(
                    BulletinPage(
                        title=title,
                        slug=unique_slug(title, number),
                        first_published_at=datetime.datetime.combine(edition, datetime.time(10), tzinfo=LIMA),
                        kind=kind,
                        issue_number=number + 1,
                        edition_date=edition,
                        cover_image=self.images[number % len(self.images)],
                        pdf=self.documents[number % len(self.documents)],
                        summary=writer.sentences(3),
                    )
                )
            return pages, {}

        return self.run("bulletins", "news.BulletinPage", total, build)

    def index(self):
        """Add the new pages to the search index (the database backend needs it; no signals ran)."""
        started = time.perf_counter()
        backend = get_search_backend()
        for model_path, ids in self.created.items():
            model = self.model(model_path)
            related = [f.field_name for f in model.get_search_fields() if isinstance(f, RelatedFields)]
            for start in range(0, len(ids), INDEX_CHUNK):
                chunk = model.get_indexed_objects().filter(pk__in=ids[start : start + INDEX_CHUNK])
                backend.add_bulk(model, list(chunk.prefetch_related(*related)))
        self.timings["index_s"] = round(time.perf_counter() - started, 2)
