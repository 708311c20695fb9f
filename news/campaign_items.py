"""A campaign's items in the public API: one query per kind for every campaign of a response."""

from django.apps import apps
from django.utils import timezone
from rest_framework.fields import Field

# (key in the response, model, the field that dates an item): newest first.
PAGE_KINDS = [
    ("news", "news.NewsPage", "date"),
    ("events", "events.CivicEventPage", "start"),
    ("bulletins", "news.BulletinPage", "edition_date"),
]


def _page_item(row, date_field, bulk):
    item = bulk.page_representation(row)
    item["date"] = row[date_field].isoformat() if row[date_field] else None
    return item


def load_campaign_items(campaign_ids, bulk):
    """{campaign id: {"news": [...], "events": [...], "bulletins": [...], "alerts": [...]}}."""
    from cms.api.public import public_pages

    items = {pk: {key: [] for key, _model, _date in PAGE_KINDS} | {"alerts": []} for pk in campaign_ids}
    for key, label, date_field in PAGE_KINDS:
        rows = (
            public_pages(apps.get_model(label))
            .filter(campaign_id__in=campaign_ids)
            .order_by(f"-{date_field}", "-pk")
            .values(
                "id",
                "title",
                "path",
                "url_path",
                "slug",
                "content_type_id",
                "locale__language_code",
                "campaign_id",
                date_field,
            )
        )
        for row in rows:
            items[row["campaign_id"]][key].append(_page_item(row, date_field, bulk))
    now = timezone.now()
    alerts = (
        apps.get_model("screens.Alert")
        .objects.filter(live=True, campaign_id__in=campaign_ids, starts_at__lte=now, ends_at__gt=now)
        .order_by("-starts_at", "-pk")
        .values("id", "title", "message", "severity", "starts_at", "ends_at", "campaign_id")
    )
    for alert in alerts:
        campaign_id = alert.pop("campaign_id")
        alert["starts_at"], alert["ends_at"] = alert["starts_at"].isoformat(), alert["ends_at"].isoformat()
        items[campaign_id]["alerts"].append(alert)
    return items


class CampaignItemsField(Field):
    """Everything public that chose this campaign, by kind, newest first."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True)

    def get_attribute(self, instance):
        return instance.pk

    def to_representation(self, pk):
        return self.context["bulk"].deferred("campaign_items", pk, load_campaign_items)
