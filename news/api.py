"""How the public API filters the news section's page types (see cms.api.registry)."""

from cms.api.params.values import choice_parser, parse_id, parse_slug
from cms.api.registry import ParamFilter, register_page_type
from news import feeds  # noqa: F401  (registers /feeds/noticias/ in /api/schema/)
from news.models import BulletinPage

register_page_type(
    "news.NewsPage",
    date_field="date",
    filters=[ParamFilter("category", "categories__slug", parse_slug, "Slug de una categoría (cms.Category).")],
)
register_page_type(
    "news.SpeechPage",
    date_field="delivered_on",
    filters=[
        ParamFilter(
            "speaker", "speaker_id", parse_id, "Id de la autoridad que pronunció el discurso.", {"type": "integer"}
        )
    ],
)
kinds = choice_parser(BulletinPage.Kind.choices)
register_page_type(
    "news.BulletinPage",
    date_field="edition_date",
    filters=[ParamFilter("kind", "kind", kinds, "Tipo de publicación.", {"type": "string", "enum": kinds.choices})],
)
