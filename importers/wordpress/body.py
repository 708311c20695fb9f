"""Safe HTML -> the body StreamField's raw blocks (cms.blocks.BodyBlock).

Paragraphs and lists become rich text in Wagtail's stored format (b, i, links, lists,
line breaks; links to imported posts as internal page links, to imported files as
document links), headings the heading block, quotes the quote block, images and each
image of a gallery the image block (a caption follows as an italic paragraph: the image
block has no caption field), video embeds the video block. Anything else is unwrapped.
"""

import html
import re
import uuid

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from importers.wordpress.markup import clean_html, video_url

INLINE_TAGS = {"a", "b", "strong", "i", "em", "span", "u", "s", "sup", "sub", "code", "cite", "br", "img"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def text_of(node):
    return " ".join(node.get_text(" ").split()) if isinstance(node, Tag) else " ".join(str(node).split())


class BodyConverter:
    """One post's body. ``links`` resolves hrefs; ``media`` finds images; ``report`` collects findings."""

    def __init__(self, post_id, media, links, report):
        self.post_id = post_id
        self.media = media
        self.links = links
        self.report = report
        self.blocks = []
        self.rich = []  # rich text fragments waiting to become one paragraph block
        self.loose = []  # inline fragments at block level waiting to become a <p>
        self.pending_images = []
        self.attachment_links = []  # documents linked from the body (bulletins take their PDF here)

    def convert(self, content):
        safe, shortcodes, unsafe = clean_html(content)
        self.report.shortcodes.update(shortcodes)
        self.report.unsafe_removed.update(unsafe)
        soup = BeautifulSoup(safe, "html.parser")
        for node in list(soup.children):
            self.walk(node)
        self.flush()
        return self.blocks

    # --- accumulators ---------------------------------------------------------------

    def flush_loose(self):
        text = "".join(self.loose).strip()
        self.loose = []
        if text and text.replace("<br/>", "").strip():
            self.rich.append(f"<p>{text}</p>")

    def flush(self):
        self.flush_loose()
        if self.rich:
            self.blocks.append(block("paragraph", "".join(self.rich)))
            self.rich = []
        images, self.pending_images = self.pending_images, []
        for image in images:
            self.blocks.append(image)

    def emit(self, kind, value):
        self.flush()
        self.blocks.append(block(kind, value))

    # --- block level ----------------------------------------------------------------

    def walk(self, node):
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            if str(node).strip():
                self.loose.append(html.escape(str(node), quote=False))
            return
        name = node.name
        if name in INLINE_TAGS and name != "img":
            self.loose.append(self.inline(node))
            return
        self.flush_loose()
        if name == "p":
            self.paragraph(node)
        elif name in HEADINGS:
            text = text_of(node)
            if text:
                self.emit("heading", text)
        elif name in ("ul", "ol"):
            if "blocks-gallery-grid" in (node.get("class") or []):
                self.gallery(node)
            else:
                self.rich.append(self.list_html(node))
        elif name == "blockquote":
            self.quote(node)
        elif name == "figure":
            self.figure(node)
        elif name == "img":
            self.image(node)
        elif name == "pre":
            lines = [html.escape(line, quote=False) for line in node.get_text().splitlines()]
            if any(line.strip() for line in lines):
                self.rich.append("<p>" + "<br/>".join(lines) + "</p>")
        elif name == "table":
            for row in node.find_all("tr"):
                cells = [text_of(cell) for cell in row.find_all(["td", "th"])]
                if any(cells):
                    self.rich.append("<p>" + html.escape(" | ".join(cells), quote=False) + "</p>")
        elif name == "hr":
            return
        else:  # div, section, figcaption out of place…: their content counts, the wrapper does not
            for child in list(node.children):
                self.walk(child)
            self.flush_loose()

    def paragraph(self, node):
        text = text_of(node)
        anchors = node.find_all("a")
        only_url = text and " " not in text and (not anchors or text_of(anchors[0]) == text)
        url = video_url(text) if only_url and text.startswith(("http://", "https://")) else None
        if url:  # WordPress turns a video URL alone on its line into an embed
            self.emit("video", url)
            return
        parts = []
        for child in node.children:
            if isinstance(child, Tag) and child.name == "img":
                self._rich_paragraph(parts)
                parts = []
                self.image(child)
            else:
                parts.append(self.inline(child))
        self._rich_paragraph(parts)

    def _rich_paragraph(self, parts):
        content = "".join(parts).strip()
        if content and content.replace("<br/>", "").strip():
            self.rich.append(f"<p>{content}</p>")

    def list_html(self, node):
        tag = node.name
        items = []
        for li in node.find_all("li", recursive=False):
            inner = []
            for child in li.children:
                if isinstance(child, Tag) and child.name in ("ul", "ol"):
                    inner.append(self.list_html(child))
                elif isinstance(child, Tag) and child.name == "p":
                    inner.append("".join(self.inline(grandchild) for grandchild in child.children))
                else:
                    inner.append(self.inline(child))
            items.append(f"<li>{''.join(inner).strip()}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>" if items else ""

    def quote(self, node):
        cite = node.find("cite")
        attribution = text_of(cite) if cite else ""
        if cite:
            cite.extract()
        paragraphs = [text_of(p) for p in node.find_all("p")] or [text_of(node)]
        text = "\n".join(p for p in paragraphs if p)
        if text:
            self.emit("quote", {"text": text, "attribution": attribution[:255]})

    def figure(self, node):
        classes = node.get("class") or []
        if node.get("data-url") is not None or "wp-block-embed" in classes:
            url = node.get("data-url") or text_of(node)
            if not url and node.find("a"):
                url = node.find("a").get("href", "")
            self.embed(url)
        elif "wp-block-gallery" in classes or "gallery" in classes:
            self.gallery(node)
        elif node.find("blockquote"):
            for child in list(node.children):
                self.walk(child)
        else:
            images = node.find_all("img")
            caption = node.find("figcaption")
            for img in images:
                self.image(img)
            if caption and text_of(caption):
                self.flush()
                self.rich.append(f"<p><i>{self.inline_children(caption)}</i></p>")
            elif not images:
                for child in list(node.children):
                    self.walk(child)

    def embed(self, url):
        url = (url or "").strip()
        video = video_url(url)
        if video:
            self.emit("video", video)
        elif url.startswith(("http://", "https://")):
            href = html.escape(url, quote=True)
            self.rich.append(f'<p><a href="{href}">{html.escape(url, quote=False)}</a></p>')

    def gallery(self, node):
        ids = node.get("data-ids")
        if ids:
            wp_ids = self.media.children_of(self.post_id) if ids == "children" else [int(i) for i in ids.split(",")]
            for wp_id in wp_ids:
                self.attachment_image(wp_id, "")
            return
        for img in node.find_all("img"):
            self.image(img)
        caption = node.find("figcaption", recursive=False)
        if caption and text_of(caption):
            self.flush()
            self.rich.append(f"<p><i>{self.inline_children(caption)}</i></p>")

    # --- images ---------------------------------------------------------------------

    def image(self, img):
        classes = " ".join(img.get("class") or [])
        match = WP_IMAGE_CLASS.search(classes)
        data_id = img.get("data-id", "")
        wp_id = int(match.group(1)) if match else int(data_id) if data_id.isdigit() else None
        src = img.get("src", "")
        if wp_id is None or wp_id not in self.media.attachments:
            wp_id = self.media.attachment_for_url(src) or wp_id
        self.attachment_image(wp_id, (img.get("alt") or "").strip(), src)

    def attachment_image(self, wp_id, alt, src=""):
        image_id = self.media.image_id(wp_id) if wp_id else None
        if image_id is None:
            attachment = self.media.attachments.get(wp_id)
            self.report.missing(wp_id, attachment.path if attachment else src or "(sin ruta)", self.post_id)
            return
        alt = alt or self.media.alt_for(wp_id) or self.media.image_alts.get(image_id, "")
        if not alt:  # the image's own description: its title when the export had no alt text
            alt = self.media.description_of(image_id)
        self.flush()
        self.blocks.append(block("image", {"image": image_id, "decorative": False, "alt_text": alt[:255]}))

    # --- inline ---------------------------------------------------------------------

    def inline_children(self, node):
        return "".join(self.inline(child) for child in node.children).strip()

    def inline(self, node):
        if isinstance(node, Comment):
            return ""
        if isinstance(node, NavigableString):
            return html.escape(str(node).replace("\n", " "), quote=False)
        name = node.name
        if name == "br":
            return "<br/>"
        if name == "img":
            self.image_later(node)
            return ""
        inner = self.inline_children(node)
        if name in ("b", "strong"):
            return f"<b>{inner}</b>" if inner else ""
        if name in ("i", "em"):
            return f"<i>{inner}</i>" if inner else ""
        if name == "a":
            return self.link(node, inner)
        return inner

    def image_later(self, img):
        """An image inside a link or emphasis: it follows the paragraph it sat in."""
        before = len(self.blocks)
        rich, loose = self.rich, self.loose
        self.rich, self.loose = [], []
        self.image(img)
        self.pending_images.extend(self.blocks[before:])
        del self.blocks[before:]
        self.rich, self.loose = rich, loose

    def link(self, node, inner):
        href = (node.get("href") or "").strip()
        if not inner:
            return ""
        target = self.links.resolve(href) if href else None
        if target is not None:
            kind, target_id = target
            if kind == "document":
                self.attachment_links.append(target_id)
            else:
                self.report.links_internal += 1
            return f'<a linktype="{kind}" id="{target_id}">{inner}</a>'
        if not href or not href.startswith(("http://", "https://", "mailto:", "tel:")):
            href = self.links.absolute(href) if href else ""
        if not href:
            return inner
        return f'<a href="{html.escape(href, quote=True)}">{inner}</a>'
