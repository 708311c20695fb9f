"""Links in post bodies: to another imported post -> an internal page link; to an imported file -> a document link."""

from urllib.parse import parse_qs, unquote, urljoin, urlparse

from importers.models import ImportedItem
from importers.wordpress.media import UPLOADS_MARKER


def normalise_path(path):
    path = unquote(path or "/")
    return path.rstrip("/") or "/"


class LinkResolver:
    def __init__(self, channel, media):
        self.site = channel.source
        self.hosts = set()
        for url in (channel.link, channel.base_site_url, channel.base_blog_url):
            host = (urlparse(url).hostname or "").lower()
            if host:
                self.hosts |= {host, host.removeprefix("www."), "www." + host.removeprefix("www.")}
        self.site_path = normalise_path(urlparse(self.site).path).rstrip("/")
        self.media = media
        self.by_path = {}  # permalink path -> wp_id
        self.importable = set()  # posts this run will import (a link to one may resolve later)
        self.pages = {}  # wp_id -> page id
        self.unresolved = False  # set while converting a body that links to a post not imported yet

    def add_post(self, item, importable):
        if item.link:
            self.by_path[normalise_path(urlparse(item.link).path)] = item.wp_id
        if importable:
            self.importable.add(item.wp_id)

    def load_existing(self):
        rows = ImportedItem.objects.filter(source=self.site, kind=ImportedItem.Kind.POST, page__isnull=False)
        self.pages.update(rows.values_list("wp_id", "page_id"))

    def query_id_path(self, wp_id):
        """The old plain permalink of a post: /?p=ID below the blog's path."""
        return f"{self.site_path}/?p={wp_id}"

    def absolute(self, href):
        return urljoin(self.site + "/", href)

    def ours(self, parsed):
        if parsed.scheme in ("http", "https"):
            return (parsed.hostname or "").lower() in self.hosts
        return not parsed.scheme and not parsed.netloc and parsed.path.startswith("/")

    def resolve(self, href):
        """('page', id) or ('document', id) for a link to imported content, else None."""
        parsed = urlparse(href)
        if not self.ours(parsed):
            return None
        if UPLOADS_MARKER in parsed.path:
            wp_id = self.media.attachment_for_url(self.absolute(href))
            document_id = self.media.documents.get(wp_id) if wp_id else None
            return ("document", document_id) if document_id else None
        query = parse_qs(parsed.query)
        wp_id = None
        for key in ("p", "page_id"):
            if query.get(key, [""])[0].isdigit():
                wp_id = int(query[key][0])
        if wp_id is None:
            wp_id = self.by_path.get(normalise_path(parsed.path))
        if wp_id is None:
            return None
        if wp_id in self.pages:
            return ("page", self.pages[wp_id])
        if wp_id in self.importable:
            self.unresolved = True
        return None
