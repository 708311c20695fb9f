"""Where a post goes: press notes by default; --map-category sends a category to speeches or bulletins."""

from urllib.parse import unquote

from django.apps import apps

from cms.models import Person

TYPES = {
    "news": "news.NewsPage",
    "nota": "news.NewsPage",
    "speech": "news.SpeechPage",
    "discurso": "news.SpeechPage",
    "bulletin": "news.BulletinPage",
    "boletin": "news.BulletinPage",
}
PARENTS = {
    "news.NewsPage": "news.NewsIndexPage",
    "news.SpeechPage": "news.SpeechIndexPage",
    "news.BulletinPage": "news.BulletinIndexPage",
}


def title_of(item):
    return (" ".join(item.title.split()) or f"Entrada {item.wp_id}")[:255]


class Target:
    def __init__(self, model_path, parent):
        self.model_path = model_path
        self.model = apps.get_model(model_path)
        self.parent = parent

    def relations(self, writer, item):
        return {}


class NewsTarget(Target):
    def fields(self, writer, item, converter, *, body, lead, published):
        return {
            "title": title_of(item),
            "date": published,
            "lead": lead,
            "body": body,
            "main_image_id": writer.image_for(item),
        }

    def relations(self, writer, item):
        return {"categories": writer.categories.for_item(item)}


class SpeechTarget(Target):
    def fields(self, writer, item, converter, *, body, lead, published):
        from importers.wordpress.writer import SkipPost

        speaker = Person.objects.filter(role=Person.Role.ALCALDE).order_by("-term_start", "pk").first()
        if speaker is None:
            raise SkipPost("speech_without_speaker")
        return {
            "title": title_of(item),
            "speaker": speaker,
            "delivered_on": published,
            "speech_type": self.model.SpeechType.PREPARED,
            "body": body,
        }


class BulletinTarget(Target):
    def fields(self, writer, item, converter, *, body, lead, published):
        from importers.wordpress.writer import SkipPost

        pdf_id = self.find_pdf(writer, item, converter)
        if pdf_id is None:
            raise SkipPost("bulletin_without_pdf")
        return {
            "title": title_of(item),
            "kind": self.model.Kind.BULLETIN,
            "edition_date": published.astimezone(writer_timezone()).date(),
            "cover_image_id": writer.image_for(item),
            "pdf_id": pdf_id,
            "summary": lead,
        }

    def find_pdf(self, writer, item, converter):
        """The first PDF linked from the body, else the first PDF attached to the post."""
        media = writer.media
        by_document = {document_id: wp_id for wp_id, document_id in media.documents.items()}
        candidates = [by_document.get(document_id) for document_id in converter.attachment_links]
        candidates += media.children_of(item.wp_id)
        for wp_id in candidates:
            attachment = media.attachments.get(wp_id)
            if attachment and attachment.extension == "pdf" and wp_id in media.documents:
                return media.documents[wp_id]
        return None


def writer_timezone():
    from django.utils import timezone

    return timezone.get_default_timezone()


TARGET_CLASSES = {"news.NewsPage": NewsTarget, "news.SpeechPage": SpeechTarget, "news.BulletinPage": BulletinTarget}


def parse_category_map(values):
    """['discursos=speech', …] -> {'discursos': 'news.SpeechPage'}; ValueError with the bad entry."""
    mapping = {}
    for value in values or []:
        slug, _, kind = value.partition("=")
        model_path = TYPES.get(kind.strip().lower())
        if not slug.strip() or model_path is None:
            raise ValueError(value)
        mapping[unquote(slug.strip()).lower()] = model_path
    return mapping


class Targets:
    def __init__(self, category_map, home):
        self.category_map = category_map
        self.targets = {}
        for model_path, parent_path in PARENTS.items():
            parent = apps.get_model(parent_path).objects.child_of(home).first()
            if parent is not None:
                self.targets[model_path] = TARGET_CLASSES[model_path](model_path, parent)

    def missing_sections(self):
        needed = {"news.NewsPage", *self.category_map.values()}
        return sorted(PARENTS[path] for path in needed if path not in self.targets)

    def for_item(self, item):
        for domain, nicename, _name in item.categories:
            if domain == "category":
                model_path = self.category_map.get(unquote(nicename).lower())
                if model_path:
                    return self.targets[model_path]
        return self.targets["news.NewsPage"]
