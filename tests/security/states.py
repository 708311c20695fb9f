"""Every non-public state content can be in, each built by one function.

A builder returns ``Hidden``: the unique words that must appear in no public response,
the pages whose ids must 404 (and that the website must not believe live), and the media
whose API detail and file URLs must 404. Add new states here: the matrix runs them all.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from publishing.withdrawals import withdraw
from tests.factories import (
    AlertFactory,
    BulletinPageFactory,
    CivicEventPageFactory,
    DocumentFactory,
    ImageFactory,
    NewsPageFactory,
    pdf_bytes,
    png_bytes,
    publish,
)


@dataclass
class Hidden:
    words: list
    pages: list = field(default_factory=list)
    images: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    # False when the website hears of it only at the worker's pass (expiry sends "unpublished" then).
    announced: bool = True

    def gone_urls(self):
        urls = [f"/api/v2/pages/{page.pk}/" for page in self.pages]
        urls += [f"/api/v2/images/{image.pk}/" for image in self.images]
        urls += [f"/api/v2/documents/{document.pk}/" for document in self.documents]
        urls += [document.url for document in self.documents]
        for page in self.pages:
            path = page.url_path.removeprefix("/inicio")
            urls.append(f"/api/v2/resolve/?path={path}")
        return urls


STATES = {}


def state(name):
    def register(builder):
        STATES[name] = builder
        return builder

    return register


def _word(name):
    """A word no Spanish text contains, unique to the state."""
    return "Zqx" + "".join(ch for ch in name.title() if ch.isalpha())


def _pair(site_tree, word, **fields):
    """A press note and an activity (both flagged for screens) carrying ``word`` in the title."""
    sections = site_tree["sections"]
    parents = fields.pop("parents", {})
    note = NewsPageFactory(
        parent=parents.get("news", sections["news.NewsIndexPage"]),
        title=f"{word} nota",
        show_on_screens=True,
        main_image=ImageFactory(title=f"{word} foto", file=ContentFile(png_bytes(), name=f"{word}.png")),
        **fields,
    )
    event = CivicEventPageFactory(
        parent=parents.get("events", sections["events.EventIndexPage"]),
        title=f"{word} actividad",
        show_on_screens=True,
        **fields,
    )
    return note, event


@state("draft")
def _draft(site_tree, baseline):
    word = _word("draft")
    pages = _pair(site_tree, word, live=False)
    for page in pages:
        page.save_revision()
    return Hidden([word], list(pages), images=[pages[0].main_image])


@state("newer draft")
def _newer_draft(site_tree, baseline):
    word = _word("newer draft")
    pages = [publish(page) for page in _pair(site_tree, "Vigente")]
    secret_image = ImageFactory(title=f"{word} foto", file=ContentFile(png_bytes(), name=f"{word}.png"))
    for page in pages:
        page.title = f"{word} cambio"
        if hasattr(page, "main_image"):
            page.main_image = secret_image
        page.save_revision()
    return Hidden([word], images=[secret_image])


@state("scheduled")
def _scheduled(site_tree, baseline):
    word = _word("scheduled")
    later = timezone.now() + datetime.timedelta(days=2)
    pages = _pair(site_tree, word, live=False)
    for page in pages:
        page.go_live_at = later
        page.save_revision().publish()  # scheduled: stays a draft until the worker's pass
    return Hidden([word], list(pages))


@state("expired (worker not run)")
def _expired(site_tree, baseline):
    word = _word("expired")
    pages = [publish(page) for page in _pair(site_tree, word)]
    past = timezone.now() - datetime.timedelta(minutes=1)
    for page in pages:
        type(page).objects.filter(pk=page.pk).update(expire_at=past)  # the worker has not run yet
    return Hidden([word], pages, announced=False)


def _restricted(site_tree, word, **restriction):
    pages = [publish(page) for page in _pair(site_tree, word)]
    for page in pages:
        view = PageViewRestriction.objects.create(page=page, **restriction)
        if restriction.get("restriction_type") == "groups":
            view.groups.set([Group.objects.get(name="Director")])
    return Hidden([word], pages, images=[pages[0].main_image])


@state("password restricted")
def _password(site_tree, baseline):
    return _restricted(site_tree, _word("password"), restriction_type="password", password="clave")


@state("login restricted")
def _login(site_tree, baseline):
    return _restricted(site_tree, _word("login"), restriction_type="login")


@state("group restricted")
def _groups(site_tree, baseline):
    return _restricted(site_tree, _word("groups"), restriction_type="groups")


@state("ancestor restricted")
def _ancestor(site_tree, baseline):
    word = _word("ancestor")
    sections = site_tree["sections"]
    news_folder = publish(NewsPageFactory(parent=sections["news.NewsIndexPage"], title="Carpeta"))
    PageViewRestriction.objects.create(page=news_folder, restriction_type="login")
    events = sections["events.EventIndexPage"]
    PageViewRestriction.objects.create(page=events, restriction_type="login")
    baseline_event = baseline["event"]
    note = publish(
        NewsPageFactory(
            parent=sections["news.NewsIndexPage"],
            title=f"{word} nota",
            show_on_screens=True,
            main_image=ImageFactory(title=f"{word} foto", file=ContentFile(png_bytes(), name=f"{word}.png")),
        )
    )
    note.move(news_folder, pos="last-child")
    event = publish(CivicEventPageFactory(parent=events, title=f"{word} actividad", show_on_screens=True))
    # The baseline activity sits under the restricted section too: it must vanish as well.
    return Hidden([word, baseline_event.title.split()[0] + " pública"], [note, event, baseline_event])


@state("restricted after publishing")
def _restricted_after(site_tree, baseline):
    return _restricted(site_tree, _word("restricted after"), restriction_type="login")


@state("withdrawn")
def _withdrawn(site_tree, baseline):
    word = _word("withdrawn")
    pages = [publish(page) for page in _pair(site_tree, word)]
    for page in pages:
        withdraw(page, None, "Información rectificada")
    return Hidden([word], pages, images=[pages[0].main_image])


@state("alert in moderation")
def _alert_moderation(site_tree, baseline):
    word = _word("alert moderation")
    AlertFactory(title=f"{word} alerta", published=False)
    return Hidden([word])


@state("alert newer draft")
def _alert_draft(site_tree, baseline):
    word = _word("alert draft")
    alert = AlertFactory(title="Alerta vigente")
    alert.title = f"{word} alerta"
    alert.save_revision()
    return Hidden([word])


@state("alert expired")
def _alert_expired(site_tree, baseline):
    word = _word("alert expired")
    start = timezone.now() - datetime.timedelta(hours=3)
    AlertFactory(title=f"{word} alerta", starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    return Hidden([word])


def _private_collection():
    collection = Collection.get_first_root_node().add_child(name="Reservada")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


@state("private collection image")
def _private_image(site_tree, baseline):
    word = _word("private image")
    image = ImageFactory(
        title=f"{word} foto", collection=_private_collection(), file=ContentFile(png_bytes(), name=f"{word}.png")
    )
    note = NewsPageFactory(
        parent=site_tree["sections"]["news.NewsIndexPage"], title="Nota con foto reservada", main_image=image
    )
    note.show_on_screens = True
    publish(note)
    return Hidden([word], images=[image])


@state("private collection pdf")
def _private_pdf(site_tree, baseline):
    word = _word("private pdf")
    document = DocumentFactory(
        title=f"{word} acta",
        collection=_private_collection(),
        file=ContentFile(pdf_bytes(f"Informe reservado {word}"), name=f"{word}.pdf"),
    )
    publish(BulletinPageFactory(parent=site_tree["sections"]["news.BulletinIndexPage"], pdf=document))
    return Hidden([word], documents=[document])


@state("draft-only image")
def _draft_image(site_tree, baseline):
    word = _word("draft image")
    image = ImageFactory(title=f"{word} foto", file=ContentFile(png_bytes(), name=f"{word}.png"))
    note = NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], main_image=image, live=False)
    note.save_revision()
    return Hidden([word], [note], images=[image])


@state("draft-only document")
def _draft_document(site_tree, baseline):
    word = _word("draft document")
    document = DocumentFactory(title=f"{word} acta", file=ContentFile(pdf_bytes(word), name=f"{word}.pdf"))
    bulletin = BulletinPageFactory(parent=site_tree["sections"]["news.BulletinIndexPage"], pdf=document, live=False)
    bulletin.save_revision()
    return Hidden([word], [bulletin], documents=[document])


@state("unused upload")
def _unused(site_tree, baseline):
    word = _word("unused")
    image = ImageFactory(title=f"{word} foto", file=ContentFile(png_bytes(), name=f"{word}.png"))
    document = DocumentFactory(title=f"{word} acta", file=ContentFile(pdf_bytes(word), name=f"{word}.pdf"))
    return Hidden([word], images=[image], documents=[document])
