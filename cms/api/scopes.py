"""``?campaign=<id>`` and ``?gestion=<slug>``: filters of every page listing, with or without ``type=``."""

from django.db.models import Q
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

SCOPE_PARAMS = {"campaign", "gestion"}
# Page types that choose a campaign (cms.mixins.CampaignMixin), by their parent-link name.
CAMPAIGN_TYPES = {
    "news.newspage": "newspage",
    "news.bulletinpage": "bulletinpage",
    "events.civiceventpage": "civiceventpage",
}


def _campaign_q(model, campaign_id):
    from cms.api.public import public_pages
    from news.models import CampaignPage

    if not public_pages(CampaignPage).filter(pk=campaign_id).exists():
        raise BadRequestError(f"'campaign' {campaign_id} is not a published campaign (news.CampaignPage)")
    if model is Page:
        q = Q(pk__in=[])
        for link in CAMPAIGN_TYPES.values():
            q |= Q(**{f"{link}__campaign_id": campaign_id})
        return q
    if model._meta.label_lower not in CAMPAIGN_TYPES:
        raise BadRequestError("'campaign' needs type= one of: news.NewsPage, news.BulletinPage, events.CivicEventPage")
    return Q(campaign_id=campaign_id)


def _gestion_q(slug):
    from cms.models import Term
    from cms.terms import in_term

    term = Term.objects.filter(slug=slug).first()
    if term is None:
        known = ", ".join(Term.objects.values_list("slug", flat=True)) or "none defined"
        raise BadRequestError(f"'gestion' must be a term's slug: {known}")
    return in_term(term)


def scope_filters(model, values):
    """Q objects for the scope parameters present in ``values`` ({name: raw string})."""
    found = []
    if "campaign" in values:
        raw = values["campaign"]
        if not (raw.isascii() and raw.isdigit()) or not 0 < int(raw) < 2**31:
            raise BadRequestError("'campaign' must be a positive integer id")
        found.append(_campaign_q(model, int(raw)))
    if "gestion" in values:
        found.append(_gestion_q(values["gestion"]))
    return found
