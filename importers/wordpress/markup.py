"""From a post's raw content to safe HTML: shortcodes, classic paragraphs, embeds, sanitising.

Order matters: shortcodes are expanded or removed first (they are text, not markup), then
classic-editor text gets its paragraphs (a simplified ``wpautop``), iframes from known video
hosts become embed placeholders, and nh3 (the Ammonia sanitiser) removes everything else
that is unsafe: scripts, event handler attributes, ``javascript:`` URLs, other iframes.
"""

import html
import re
from collections import Counter
from urllib.parse import parse_qs, urlparse

import nh3

# Video hosts whose embeds become the body's video block (by URL, never fetched here).
VIDEO_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
    "vimeo.com",
    "player.vimeo.com",
    "www.facebook.com",
    "facebook.com",
    "www.dailymotion.com",
}

ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "cite", "a", "b", "strong",
    "i", "em", "img", "figure", "figcaption", "div", "span", "table", "thead", "tbody", "tr", "td", "th", "pre",
    "code", "hr", "sup", "sub", "u", "s",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "class", "title", "data-id"},
    "figure": {"class", "data-ids", "data-url"},
    "div": {"class"},
    "ul": {"class"},
    "li": {"class"},
    "blockquote": {"class"},
}

SHORTCODE_NAME = r"[a-z][a-z0-9_-]*"
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.S | re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
ESCAPED = re.compile(r"\[\[(" + SHORTCODE_NAME + r"[^\]]*)\]\]")
OPENING = re.compile(r"\[(" + SHORTCODE_NAME + r")(?=[\s\]/])((?:[^\]\"']|\"[^\"]*\"|'[^']*')*?)/?\]")
CLOSING = re.compile(r"\[/(" + SHORTCODE_NAME + r")\]")
ATTRIBUTE = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))")
IFRAME = re.compile(r"<iframe\b([^>]*)>(.*?)</iframe\s*>|<iframe\b([^>]*)/?>", re.S | re.I)
SRC = re.compile(r"\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
BLOCK_START = re.compile(r"^\s*<(p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|iframe|section)\b", re.I)
# Marks [[escaped]] shortcodes while the others are removed: XML 1.0 text cannot hold NUL, so no clash.
ESCAPED_PLACEHOLDER = "\x00"


def attributes(text):
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in ATTRIBUTE.finditer(text)}


def embed_placeholder(url):
    return f'<figure class="wp-block-embed" data-url="{html.escape(url.strip(), quote=True)}"></figure>'


def expand_shortcodes(content, seen):
    """Convert [caption], [gallery] and [embed]; remove every other shortcode, keeping enclosed text."""

    def caption(match):
        seen["caption"] += 1
        inner = match.group(2)
        image = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.I)
        text = inner[image.end() :] if image else inner
        text = text.strip() or attributes(match.group(1)).get("caption", "")
        img = re.search(r"<img\b[^>]*>", image.group(0), re.I).group(0) if image else ""
        return f"\n\n<figure>{img}<figcaption>{text}</figcaption></figure>\n\n"

    def embed(match):
        seen["embed"] += 1
        return f"\n\n{embed_placeholder(match.group(1))}\n\n"

    def gallery(match):
        seen["gallery"] += 1
        ids = attributes(match.group(1)).get("ids", "")
        ids = ",".join(part.strip() for part in ids.split(",") if part.strip().isdigit())
        return f'\n\n<figure class="wp-block-gallery" data-ids="{ids or "children"}"></figure>\n\n'

    def escaped(match):
        return f"{ESCAPED_PLACEHOLDER}{match.group(1)}{ESCAPED_PLACEHOLDER}"

    def opening(match):
        seen[match.group(1).lower()] += 1
        return ""

    content = ESCAPED.sub(escaped, content)
    content = CAPTION.sub(caption, content)
    content = EMBED.sub(embed, content)
    content = GALLERY.sub(gallery, content)
    content = OPENING.sub(opening, content)
    content = CLOSING.sub("", content)
    return _unescape_shortcodes(content)


def _unescape_shortcodes(content):
    return re.sub(ESCAPED_PLACEHOLDER + r"(.*?)" + ESCAPED_PLACEHOLDER, r"[\1]", content, flags=re.S)


def autop(content):
    """Classic-editor text: blank lines separate paragraphs, a single newline is a line break."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    chunks = re.split(r"\n\s*\n", content)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def video_url(url):
    """The canonical page URL of a video embed, or None when the host is not a known video host."""
    parsed = urlparse((url or "").strip())
    host = (parsed.hostname or "").lower()
    if parsed.scheme not in ("http", "https", "") or host not in VIDEO_HOSTS:
        return None
    if "youtube" in host and parsed.path.startswith("/embed/"):
        return f"https://www.youtube.com/watch?v={parsed.path.split('/')[2]}"
    if host == "player.vimeo.com" and parsed.path.startswith("/video/"):
        return f"https://vimeo.com/{parsed.path.split('/')[2]}"
    if "facebook.com" in host and parsed.path.startswith("/plugins/video"):
        href = parse_qs(parsed.query).get("href", [""])[0]
        return href or None
    return parsed._replace(scheme="https").geturl()


def replace_iframes(content, unsafe):
    def iframe(match):
        attrs = match.group(1) if match.group(1) is not None else match.group(3) or ""
        src_match = SRC.search(attrs)
        src = html.unescape(next((g for g in src_match.groups() if g), "")) if src_match else ""
        src = "https:" + src if src.startswith("//") else src
        url = video_url(src)
        if url:
            return f"\n\n{embed_placeholder(url)}\n\n"
        unsafe[f"iframe:{urlparse(src).hostname or 'sin-origen'}"] += 1
        return ""

    return IFRAME.sub(iframe, content)


def count_unsafe(content, unsafe):
    for name, pattern in (
        ("script", r"<script\b"),
        ("style", r"<style\b"),
        ("object/embed", r"<(?:object|embed|applet)\b"),
        ("form", r"<(?:form|input|button|textarea|select)\b"),
        ("event_handler", r"<[^>]*\son[a-z]+\s*="),
        ("javascript_url", r"(?:href|src)\s*=\s*[\"']?\s*javascript:"),
    ):
        found = len(re.findall(pattern, content, re.I))
        if found:
            unsafe[name] += found


def clean_html(content, is_block_editor=None):
    """Raw post content -> (safe HTML, shortcodes seen, unsafe markup removed)."""
    shortcodes, unsafe = Counter(), Counter()
    content = content or ""
    if is_block_editor is None:
        is_block_editor = "<!-- wp:" in content
    content = expand_shortcodes(content, shortcodes)
    count_unsafe(content, unsafe)
    content = replace_iframes(content, unsafe)
    if not is_block_editor:
        content = autop(content)
    safe = nh3.clean(
        content,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=True,
    )
    return safe, shortcodes, unsafe
