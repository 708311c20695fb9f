"""A year's figures: per month and per kind, what the office published (America/Lima).

Pages count in the month of their first publication (content, so imported archives count
too); activities count once per occurrence held (not cancelled); emergency publications
come from the audit log with their reasons.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry, PageLogEntry

LIMA = zoneinfo.ZoneInfo("America/Lima")
MONTHS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "oct", "nov", "dic"]

# (key, label, model, date shown in the lists)
PAGE_KINDS = [
    ("news", _("Notas de prensa"), "news.NewsPage", "date"),
    ("speeches", _("Discursos"), "news.SpeechPage", "delivered_on"),
    ("bulletins", _("Publicaciones"), "news.BulletinPage", "edition_date"),
    ("campaigns", _("Campañas"), "news.CampaignPage", "start_date"),
]


@dataclass
class Row:
    key: str
    label: str
    per_month: list = field(default_factory=lambda: [0] * 12)
    items: list = field(default_factory=list)  # (date, title, detail)

    @property
    def total(self):
        return sum(self.per_month)


def year_bounds(year):
    return (
        datetime.datetime(year, 1, 1, tzinfo=LIMA),
        datetime.datetime(year + 1, 1, 1, tzinfo=LIMA),
    )


def _add(row, moment, title, detail=""):
    local = moment.astimezone(LIMA) if isinstance(moment, datetime.datetime) else moment
    row.per_month[local.month - 1] += 1
    row.items.append((local, title, detail))


def _pages(year, start, end):
    rows = []
    for key, label, model_path, _date_field in PAGE_KINDS:
        row = Row(key, str(label))
        pages = (
            apps.get_model(model_path)
            .objects.filter(first_published_at__gte=start, first_published_at__lt=end)
            .order_by("first_published_at")
            .values_list("first_published_at", "title")
        )
        for first_published_at, title in pages:
            _add(row, first_published_at, title)
        rows.append(row)
    return rows


def _activities_held(start, end):
    from events.choices import EventStatus
    from events.models import CivicEventPage

    row = Row("events", str(_("Actividades realizadas")))
    naive_start, naive_end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    events = CivicEventPage.objects.filter(first_published_at__lt=end).prefetch_related("occurrence_overrides")
    for event in events.defer_streamfields():
        for occurrence in event.series().between(naive_start, naive_end):
            if occurrence.status != EventStatus.CANCELLED:
                _add(row, occurrence.start, event.title, event.place)
    row.items.sort(key=lambda item: item[0])
    return row


def _alerts(start, end):
    row = Row("alerts", str(_("Alertas")))
    alerts = (
        apps.get_model("screens.Alert")
        .objects.filter(first_published_at__gte=start, first_published_at__lt=end)
        .order_by("first_published_at")
        .values_list("first_published_at", "title", "severity")
    )
    for first_published_at, title, severity in alerts:
        _add(row, first_published_at, title, severity)
    return row


def _emergencies(start, end):
    from moderation.rules import EMERGENCY_PUBLISH

    row = Row("emergencies", str(_("Publicaciones de emergencia")))
    for model in (PageLogEntry, ModelLogEntry):
        entries = model.objects.filter(action=EMERGENCY_PUBLISH, timestamp__gte=start, timestamp__lt=end)
        for entry in entries.order_by("timestamp"):
            _add(row, entry.timestamp, entry.label, (entry.data or {}).get("reason", ""))
    row.items.sort(key=lambda item: item[0])
    return row


def _interviews(start, end):
    if not apps.is_installed("media_relations"):
        return None
    model = apps.get_model("media_relations", "InterviewRequest")
    row = Row("interviews", str(_("Entrevistas concedidas")))
    done = model.objects.filter(status="realizada", agreed_at__gte=start, agreed_at__lt=end).order_by("agreed_at")
    for interview in done:
        _add(row, interview.agreed_at, str(interview), "")
    return row


def annual_figures(year):
    """[Row] for ``year``: one row per kind, 12 monthly counts, a total and the list of items."""
    start, end = year_bounds(year)
    rows = [*_pages(year, start, end), _activities_held(start, end), _alerts(start, end), _emergencies(start, end)]
    interviews = _interviews(start, end)
    if interviews is not None:
        rows.append(interviews)
    return rows


def monthly_totals(rows):
    return [sum(row.per_month[month] for row in rows) for month in range(12)]
