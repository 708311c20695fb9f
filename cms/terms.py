"""Which mayoral term (gestión) a page belongs to, computed from its first publication in Lima."""

import datetime
import zoneinfo

from django.db.models import Exists, OuterRef, Q

LIMA = zoneinfo.ZoneInfo("America/Lima")


def lima_bounds(term):
    """The term's first and last instants: its dates are days in Lima."""
    start = datetime.datetime.combine(term.start, datetime.time.min, tzinfo=LIMA)
    end = datetime.datetime.combine(term.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=LIMA)
    return start, end


def term_for(moment, terms):
    """The term (from ``terms``, loaded once) containing ``moment``, or None."""
    if moment is None:
        return None
    day = moment.astimezone(LIMA).date()
    return next((term for term in terms if term.start <= day <= term.end), None)


def in_term(term):
    """A Q on pages: overridden to ``term``, or first published inside it and not overridden elsewhere."""
    from cms.models import PageTermOverride

    start, end = lima_bounds(term)
    overridden = Exists(PageTermOverride.objects.filter(page_id=OuterRef("pk")))
    return Q(term_override__term=term) | (~overridden & Q(first_published_at__gte=start, first_published_at__lt=end))


def load_terms(keys, bulk=None):
    """Deferred API loader: {(override term id, first published at): {"slug", "name"} or None}; one query."""
    from cms.models import Term

    terms = list(Term.objects.all())
    by_id = {term.pk: term for term in terms}
    found = {}
    for override, first_published_at in keys:
        term = by_id.get(override) or term_for(first_published_at, terms)
        found[(override, first_published_at)] = {"slug": term.slug, "name": term.name} if term else None
    return found


def annotate_gestion(queryset):
    """Pages annotated with ``gestion_name`` in the same query (admin listings: nothing per row)."""
    from django.db.models import DateTimeField, ExpressionWrapper, Subquery
    from django.db.models.functions import Coalesce, TruncDate

    from cms.models import PageTermOverride, Term

    first_published = ExpressionWrapper(OuterRef("first_published_at"), output_field=DateTimeField())
    first_day = TruncDate(first_published, tzinfo=LIMA)
    overridden = PageTermOverride.objects.filter(page_id=OuterRef("pk")).values("term__name")[:1]
    computed = Term.objects.filter(start__lte=first_day, end__gte=first_day).values("name")[:1]
    return queryset.annotate(gestion_name=Coalesce(Subquery(overridden), Subquery(computed)))
