"""A streaming reader of WordPress eXtended RSS (WXR 1.0, 1.1, 1.2) exports.

Items are parsed one at a time with ``iterparse`` and cleared once read, so memory stays
bounded whatever the size of the export. Elements are matched by local name; the ``wp``
namespace differs between WXR versions (``http://wordpress.org/export/1.x/``).
"""

import datetime
import hashlib
import json
import zoneinfo
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

LIMA = zoneinfo.ZoneInfo("America/Lima")
WP_NAMESPACE_PREFIX = "http://wordpress.org/export/"


class WXRError(Exception):
    """The file is not a readable WXR export; nothing may be written."""


def local(tag):
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag


def namespace(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    authors: dict = field(default_factory=dict)  # login -> {"email", "display_name"}

    @property
    def source(self):
        """The key of this export's site: where its ids come from."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


@dataclass
class Item:
    wp_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    slug: str = ""
    parent: int = 0
    sticky: bool = False
    password: str = ""
    date_local: str = ""
    date_gmt: str = ""
    modified_local: str = ""
    modified_gmt: str = ""
    pub_date: str = ""
    attachment_url: str = ""
    categories: list = field(default_factory=list)  # [(domain, nicename, name)]
    meta: dict = field(default_factory=dict)

    @property
    def decoded_slug(self):
        return unquote(self.slug).strip()

    @property
    def published_at(self):
        return parse_wp_date(self.date_gmt, utc=True) or parse_wp_date(self.date_local) or parse_rfc822(self.pub_date)

    @property
    def modified_at(self):
        return parse_wp_date(self.modified_gmt, utc=True) or parse_wp_date(self.modified_local) or self.published_at

    def checksum(self, extra=""):
        """A fingerprint of everything the import reads from this item."""
        data = {key: value for key, value in self.__dict__.items()}
        payload = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str) + extra
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def parse_wp_date(value, utc=False):
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    try:
        parsed = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return parsed.replace(tzinfo=datetime.UTC if utc else LIMA)


def parse_rfc822(value):
    try:
        parsed = parsedate_to_datetime((value or "").strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed and parsed.tzinfo else None


SIMPLE_FIELDS = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "creator": "creator",
    "encoded": None,  # content:encoded or excerpt:encoded, told apart by namespace
    "post_name": "slug",
    "status": "status",
    "post_type": "post_type",
    "post_parent": "parent",
    "is_sticky": "sticky",
    "post_password": "password",
    "post_date": "date_local",
    "post_date_gmt": "date_gmt",
    "post_modified": "modified_local",
    "post_modified_gmt": "modified_gmt",
    "pubDate": "pub_date",
    "attachment_url": "attachment_url",
}


def _item_from_element(element):
    values = {"categories": [], "meta": {}}
    post_id = None
    for child in element:
        name = local(child.tag)
        text = child.text or ""
        if name == "post_id":
            post_id = text.strip()
        elif name == "encoded":
            key = "excerpt" if "excerpt" in namespace(child.tag) else "content"
            values[key] = text
        elif name == "category":
            values["categories"].append((child.get("domain", ""), child.get("nicename", ""), text.strip()))
        elif name == "postmeta":
            meta_key = meta_value = ""
            for part in child:
                if local(part.tag) == "meta_key":
                    meta_key = (part.text or "").strip()
                elif local(part.tag) == "meta_value":
                    meta_value = part.text or ""
            if meta_key:
                values["meta"][meta_key] = meta_value
        elif name in SIMPLE_FIELDS and SIMPLE_FIELDS[name]:
            values[SIMPLE_FIELDS[name]] = text if name in ("title",) else text.strip()
    if post_id is None or not post_id.isdigit():
        raise WXRError(f"an <item> without a numeric <wp:post_id> (line near title {values.get('title', '')!r})")
    values["parent"] = int(values.get("parent") or 0) if str(values.get("parent", "0")).isdigit() else 0
    values["sticky"] = str(values.get("sticky", "0")).strip() == "1"
    values.setdefault("post_type", "post")
    values.setdefault("status", "")
    return Item(wp_id=int(post_id), **values)


def _read_author(element):
    author = {}
    for child in element:
        author[local(child.tag)] = (child.text or "").strip()
    return author.get("author_login", ""), {
        "email": author.get("author_email", ""),
        "display_name": author.get("author_display_name", "") or author.get("author_login", ""),
    }


class WXRReader:
    """``for item in WXRReader(path): …``; ``reader.channel`` is filled as the stream goes."""

    def __init__(self, path):
        self.path = path
        self.channel = Channel()

    def __iter__(self):
        depth = 0
        seen_rss = seen_channel = False
        channel_element = None
        try:
            for event, element in iterparse(self.path, events=("start", "end")):
                if event == "start":
                    depth += 1
                    if depth == 1:
                        if local(element.tag) != "rss":
                            raise WXRError(f"the root element is <{local(element.tag)}>, not <rss>")
                        seen_rss = True
                    elif depth == 2 and local(element.tag) == "channel":
                        seen_channel = True
                        channel_element = element
                    continue
                depth -= 1
                name = local(element.tag)
                if depth == 2:  # a direct child of <channel>
                    if name == "item":
                        self._require_wxr()
                        yield _item_from_element(element)
                    else:
                        self._channel_field(name, element)
                    element.clear()
                    if channel_element is not None:
                        channel_element.remove(element)  # keep memory flat: nothing read is kept
                elif depth == 1:
                    element.clear()
        except ParseError as error:
            line, column = getattr(error, "position", (0, 0))
            raise WXRError(f"malformed XML at line {line}, column {column}: {error}") from error
        except DefusedXmlException as error:  # entity expansion, external entities, DTDs
            raise WXRError(f"forbidden XML construct: {error!r}") from error
        except OSError as error:
            raise WXRError(f"cannot read the file: {error}") from error
        if not seen_rss or not seen_channel:
            raise WXRError("no <rss><channel> in the file")
        self._require_wxr()

    def _require_wxr(self):
        if not self.channel.wxr_version:
            raise WXRError("no <wp:wxr_version> before the first item: not a WordPress export (WXR)")

    def _channel_field(self, name, element):
        text = (element.text or "").strip()
        ns = namespace(element.tag)
        if name == "wxr_version" and ns.startswith(WP_NAMESPACE_PREFIX):
            self.channel.wxr_version = text
        elif name == "title" and not ns:
            self.channel.title = text
        elif name == "link" and not ns:
            self.channel.link = text
        elif name == "base_site_url":
            self.channel.base_site_url = text
        elif name == "base_blog_url":
            self.channel.base_blog_url = text
        elif name == "author" and ns.startswith(WP_NAMESPACE_PREFIX):
            login, info = _read_author(element)
            if login:
                self.channel.authors[login] = info
