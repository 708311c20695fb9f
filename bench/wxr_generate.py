"""Write a WordPress export (WXR 1.2) of N generated posts and the uploads it refers to.

    python -m bench.wxr_generate --posts 10000 --out var/bench/wp/export.xml

Posts mix the classic editor (text with blank lines, [caption], unknown shortcodes) and the
block editor (headings, lists, quotes, images, galleries, embeds), with featured images,
categories, tags, links to earlier posts and every status. Deterministic for a given N.
"""

import argparse
import datetime
import io
import random
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

SITE = "https://www.cusco.gob.pe"
WORDS = (  # noqa: SIM905
    "municipalidad cusco plaza vecinos obra pública alcalde regidores ceremonia protocolo tradición "
    "inti raymi corpus christi qorikancha sacsayhuamán distrito mercado agua saneamiento cultura "
    "turismo seguridad ciudadana limpieza pública educación salud campaña vacunación feria artesanal"
).split()
CATEGORIES = ["cultura", "obras", "turismo", "salud", "educacion", "seguridad", "medio-ambiente", "deporte"]
TAGS = ["inti-raymi", "corpus", "plaza", "vecinos", "campana", "feria", "agua", "limpieza", "qhapaq-nan"]
STATUSES = ["publish"] * 90 + ["draft"] * 4 + ["pending"] * 2 + ["future"] * 1 + ["private"] * 1 + ["trash"] * 2
IMAGES = 40


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(2, 5)))


def classic_body(rng, number, link):
    parts = [paragraph(rng), paragraph(rng) + f' Vea <a href="{link}">la nota anterior</a>.']
    image = 1 + number % IMAGES
    parts.append(
        f'[caption id="attachment_{image}" width="640"]<img class="wp-image-{image}" '
        f'src="{SITE}/wp-content/uploads/2023/05/foto-{image}-1024x683.jpg" alt="" /> Pie de foto {number}[/caption]'
    )
    parts.append("[su_note]" + paragraph(rng) + "[/su_note]")
    parts.append("<strong>" + sentence(rng) + "</strong>\n" + paragraph(rng))
    return "\n\n".join(parts)


def block_body(rng, number, link):
    image = 1 + number % IMAGES
    return "\n\n".join(
        [
            f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{sentence(rng, 6)}</h2>\n<!-- /wp:heading -->',
            f'<!-- wp:paragraph -->\n<p>{paragraph(rng)} <a href="{link}">Antecedentes</a>.</p>\n'
            "<!-- /wp:paragraph -->",
            "<!-- wp:list -->\n<ul><li>" + "</li><li>".join(sentence(rng, 5) for _ in range(3)) + "</li></ul>\n"
            "<!-- /wp:list -->",
            f'<!-- wp:image {{"id":{image}}} -->\n<figure class="wp-block-image"><img src="{SITE}/wp-content/'
            f'uploads/2023/05/foto-{image}.jpg" alt="Vista {number}" class="wp-image-{image}"/><figcaption>'
            f"{sentence(rng, 6)}</figcaption></figure>\n<!-- /wp:image -->",
            f'<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>{sentence(rng)}</p><cite>Alcalde</cite>'
            "</blockquote>\n<!-- /wp:quote -->",
            f"<!-- wp:paragraph -->\n<p>{paragraph(rng)}</p>\n<!-- /wp:paragraph -->",
        ]
        + (
            [
                '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc"} -->\n<figure class="wp-block-embed">'
                f'<div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=v{number}\n</div></figure>'
            ]
            if number % 7 == 0
            else []
        )
    )


def attachment_items(out):
    for number in range(1, IMAGES + 1):
        out.write(
            f"<item><title>{cdata(f'Foto {number}')}</title><wp:post_id>{number}</wp:post_id>"
            f"<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
            f"<wp:attachment_url>{SITE}/wp-content/uploads/2023/05/foto-{number}.jpg</wp:attachment_url>"
            f"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2023/05/foto-{number}.jpg"
            f"</wp:meta_value></wp:postmeta>"
            + (
                f"<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>"
                f"<wp:meta_value>{cdata(f'Vista del Cusco {number}')}</wp:meta_value></wp:postmeta>"
                if number % 3
                else ""
            )
            + "</item>\n"
        )


def post_item(rng, number, start):
    wp_id = 1000 + number
    date = start + datetime.timedelta(hours=6 * number)
    slug = f"nota-{number}-" + rng.choice(WORDS)
    link = f"{SITE}/{date:%Y/%m/%d}/{slug}/"
    previous = f"{SITE}/?p={wp_id - 1}" if number else SITE
    body = block_body(rng, number, previous) if number % 5 < 2 else classic_body(rng, number, previous)
    status = rng.choice(STATUSES)
    categories = "".join(
        f'<category domain="category" nicename="{c}">{cdata(c.replace("-", " ").title())}</category>'
        for c in rng.sample(CATEGORIES, 2)
    ) + "".join(f'<category domain="post_tag" nicename="{t}">{cdata(t)}</category>' for t in rng.sample(TAGS, 2))
    gmt = date.strftime("%Y-%m-%d %H:%M:%S")
    return (
        f"<item><title>{cdata(sentence(rng, 8).rstrip('.'))}</title><link>{escape(link)}</link>"
        f'<dc:creator>{cdata("prensa")}</dc:creator><guid isPermaLink="false">{SITE}/?p={wp_id}</guid>'
        f"<content:encoded>{cdata(body)}</content:encoded>"
        f"<excerpt:encoded>{cdata(sentence(rng) if number % 2 else '')}</excerpt:encoded>"
        f"<wp:post_id>{wp_id}</wp:post_id><wp:post_date_gmt>{gmt}</wp:post_date_gmt>"
        f"<wp:post_modified_gmt>{gmt}</wp:post_modified_gmt><wp:post_name>{slug}</wp:post_name>"
        f"<wp:status>{status}</wp:status><wp:post_type>post</wp:post_type>"
        f"<wp:is_sticky>{1 if number % 500 == 0 else 0}</wp:is_sticky>{categories}"
        f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{1 + number % IMAGES}"
        f"</wp:meta_value></wp:postmeta></item>\n"
    )


def generate(posts, out_path, uploads):
    rng = random.Random(posts)
    uploads.joinpath("2023/05").mkdir(parents=True, exist_ok=True)
    for number in range(1, IMAGES + 1):
        buffer = io.BytesIO()
        Image.new("RGB", (320, 240), (number * 5 % 255, 80, 120)).save(buffer, "JPEG")
        uploads.joinpath(f"2023/05/foto-{number}.jpg").write_bytes(buffer.getvalue())
    start = datetime.datetime(2015, 1, 1, 14, 0)
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Municipalidad Provincial del Cusco</title>'
            f"<link>{SITE}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{SITE}</wp:base_site_url>"
            f"<wp:base_blog_url>{SITE}</wp:base_blog_url><wp:author><wp:author_login>prensa</wp:author_login>"
            "<wp:author_email>prensa@example.org</wp:author_email><wp:author_display_name>Prensa"
            "</wp:author_display_name></wp:author>\n"
        )
        attachment_items(out)
        for number in range(posts):
            out.write(post_item(rng, number, start))
        out.write("</channel></rss>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--out", default="var/bench/wp/export.xml")
    args = parser.parse_args()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    generate(args.posts, out, out.parent / "uploads")
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB), uploads in {out.parent / 'uploads'}")


if __name__ == "__main__":
    main()
