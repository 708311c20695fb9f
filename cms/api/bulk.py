"""Load what a response refers to in bulk: one query per kind for a whole listing.

Serializers do not fetch images, documents, linked pages or expand rich text themselves:
they return a ``Ref`` placeholder and register what it needs here. ``resolve`` then runs
one query per kind (images with renditions, documents, pages) for every item of the
response together and swaps each placeholder for its final value.
"""

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter

from cms.api.public import absolute_api_url, public_documents, public_pages
from cms.api.renditions import document_representation, image_representation, load_images
from cms.api.selection import select, selected_names


class Ref:
    __slots__ = ("kind", "key", "option")

    def __init__(self, kind, key, option=None):
        self.kind, self.key, self.option = kind, key, option


class Selected:
    """A Ref shown with only some of its fields (``fields=main_image(width)``)."""

    __slots__ = ("ref", "names")

    def __init__(self, ref, names):
        self.ref, self.names = ref, names


# What a linked object offers to a nested selection, and what it shows by default then (stock's).
NESTED_FIELDS = {
    "image": [
        "id",
        "title",
        "alt",
        "credit",
        "width",
        "height",
        "renditions",
        "type",
        "detail_url",
        "tags",
        "download_url",
    ],
    "document": [
        "id",
        "title",
        "url",
        "filename",
        "size",
        "type",
        "content_type",
        "detail_url",
        "tags",
        "download_url",
    ],
    "page": ["id", "title", "type", "detail_url", "html_url", "html_path"],
}
NESTED_DEFAULTS = {
    "image": ["id", "type", "detail_url", "title", "download_url"],
    "document": ["id", "type", "detail_url", "title", "download_url"],
    "page": ["id", "type", "detail_url", "title"],
}


def _ids(attrs_list):
    return [attrs["id"] for attrs in attrs_list if str(attrs.get("id", "")).isdigit()]


class BulkContext:
    def __init__(self, roots):
        self.roots = roots
        self.image_ids, self.document_ids, self.page_ids, self.page_paths = set(), set(), set(), set()
        self.images, self.documents, self.pages = {}, {}, {}
        self._image_cache = {}
        self._deferred = {}  # kind: (loader, keys); loaded first, may register images and pages
        self._deferred_values = {}
        self.tag_ids = {"image": set(), "document": set()}
        self.tags = {}

    # --- registration (during serialization) ---
    def image(self, image_id, alt=None):
        self.image_ids.add(int(image_id))
        return Ref("image", int(image_id), alt)

    def document(self, document_id):
        self.document_ids.add(int(document_id))
        return Ref("document", int(document_id))

    def page(self, page_id):
        self.page_ids.add(int(page_id))
        return Ref("page", int(page_id))

    def page_at_path(self, tree_path):
        self.page_paths.add(tree_path)
        return Ref("page_path", tree_path)

    def selected(self, ref, config):
        kind = "page" if ref.kind == "page_path" else ref.kind
        mentioned = {name for name, _negated, _sub in config}
        names = selected_names(config, set(NESTED_FIELDS[kind]) | mentioned, NESTED_DEFAULTS[kind])
        if "tags" in names and kind in ("image", "document"):
            self.tag_ids[kind].add(ref.key)
        return Selected(ref, names)

    def rich_text(self, html):
        html = html or ""
        links = LinkRewriter().extract_tags(html)
        self.page_ids.update(int(i) for i in _ids([m.attrs for m in links.get("page", [])]))
        self.document_ids.update(int(i) for i in _ids([m.attrs for m in links.get("document", [])]))
        embeds = EmbedRewriter().extract_tags(html)
        self.image_ids.update(int(i) for i in _ids([m.attrs for m in embeds.get("image", [])]))
        return Ref("rich_text", html)

    def deferred(self, kind, key, loader):
        """A value that ``loader(keys, bulk) -> {key: value}`` computes for every key of the response at once."""
        self._deferred.setdefault(kind, (loader, set()))[1].add(key)
        return Ref("deferred", (kind, key))

    # --- loading (once per response) ---
    def load(self):
        for kind, (loader, keys) in self._deferred.items():
            self._deferred_values[kind] = loader(list(keys), self)
        from cms.api.media import tags_by_id

        for kind, model in (("image", get_image_model()), ("document", get_document_model())):
            if self.tag_ids[kind]:
                self.tags[kind] = tags_by_id(model, self.tag_ids[kind])
        self.images = load_images(self.image_ids)
        if self.document_ids:
            self.documents = {doc.pk: doc for doc in public_documents().filter(id__in=self.document_ids)}
        if self.page_ids or self.page_paths:
            rows = (
                public_pages()
                .filter(Q(id__in=self.page_ids) | Q(path__in=self.page_paths))
                .values("id", "title", "path", "url_path", "slug", "content_type_id", "locale__language_code")
            )
            self.pages = {}
            for row in rows:
                self.pages[row["id"]] = row
                self.pages[row["path"]] = row

    # --- values ---
    def page_representation(self, row):
        from django.contrib.contenttypes.models import ContentType

        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        try:
            detail = absolute_api_url(reverse("wagtailapi:pages:detail", args=(row["id"],)))
        except NoReverseMatch:
            detail = None
        language = row["locale__language_code"]
        return {
            "id": row["id"],
            "title": row["title"],
            "meta": {
                "type": model._meta.label if model else None,
                "detail_url": detail,
                "html_url": self.roots.public_url(row["url_path"], language),
                "html_path": self.roots.public_path(row["url_path"], language),
            },
        }

    def value(self, ref):
        if ref.kind == "image":
            image = self.images.get(ref.key)
            if image is None:
                return None
            key = (ref.key, ref.option)  # the same photo often appears in every item of a listing
            if key not in self._image_cache:
                self._image_cache[key] = image_representation(image, ref.option)
            return self._image_cache[key]
        if ref.kind == "document":
            document = self.documents.get(ref.key)
            return document_representation(document) if document else None
        if ref.kind == "deferred":
            kind, key = ref.key
            return self._swap(self._deferred_values[kind].get(key))
        if ref.kind in ("page", "page_path"):
            row = self.pages.get(ref.key)
            return self.page_representation(row) if row else None
        return self.expand_rich_text(ref.key)

    def resolve(self, data):
        """Load everything registered, then return ``data`` with every Ref replaced."""
        self.load()
        return self._swap(data)

    def _swap(self, data):
        if isinstance(data, Ref):
            return self.value(data)
        if isinstance(data, Selected):
            return self.selected_value(data)
        if isinstance(data, dict):
            return {key: self._swap(value) for key, value in data.items()}
        if isinstance(data, list):
            return [self._swap(value) for value in data]
        return data

    def selected_value(self, selected):
        ref = selected.ref
        value = self.value(ref)
        if value is None:
            return None
        if ref.kind in ("image", "document"):
            obj = (self.images if ref.kind == "image" else self.documents)[ref.key]
            endpoint = "images" if ref.kind == "image" else "documents"
            value = {
                **value,
                "meta": {
                    "type": type(obj)._meta.label,
                    "detail_url": absolute_api_url(reverse(f"wagtailapi:{endpoint}:detail", args=(obj.pk,))),
                    "tags": self.tags.get(ref.kind, {}).get(obj.pk, []),
                    "download_url": absolute_api_url(obj.file.url if ref.kind == "image" else obj.url),
                },
            }
        return select(value, selected.names)

    # --- rich text: public URLs, nothing left in storage form ---
    def _page_link(self, attrs_list):
        tags = []
        for attrs in attrs_list:
            row = self.pages.get(int(attrs["id"])) if str(attrs.get("id", "")).isdigit() else None
            url = row and self.roots.public_url(row["url_path"], row["locale__language_code"])
            tags.append(f'<a href="{escape(url)}">' if url else "<a>")
        return tags

    def _document_link(self, attrs_list):
        tags = []
        for attrs in attrs_list:
            document = self.documents.get(int(attrs["id"])) if str(attrs.get("id", "")).isdigit() else None
            tags.append(f'<a href="{escape(absolute_api_url(document.url))}">' if document else "<a>")
        return tags

    def _image_embed(self, attrs_list):
        tags = []
        for attrs in attrs_list:
            image = self.images.get(int(attrs["id"])) if str(attrs.get("id", "")).isdigit() else None
            if image is None:
                tags.append("")
                continue
            card = image_representation(image, attrs.get("alt"))["renditions"]["card"]
            tags.append(
                f'<img src="{escape(card["url"])}" width="{card["width"]}" height="{card["height"]}" '
                f'alt="{escape(card["alt"])}">'
            )
        return tags

    @staticmethod
    def _media_embed(attrs_list):
        # No call to oEmbed providers: a plain link the website can enhance itself.
        return [
            f'<a href="{escape(attrs["url"])}">{escape(attrs["url"])}</a>' if attrs.get("url") else ""
            for attrs in attrs_list
        ]

    def expand_rich_text(self, html):
        links = LinkRewriter(bulk_rules={"page": self._page_link, "document": self._document_link})
        embeds = EmbedRewriter(bulk_rules={"image": self._image_embed, "media": self._media_embed})
        return embeds(links(html))
