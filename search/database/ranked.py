"""What the SQLite and PostgreSQL backends share: the caller's queryset as a correlated filter on
index entries, and loading the requested slice of objects in rank order."""

from collections import OrderedDict

from django.db.models import Count, F

from cms.object_ids import as_pk, in_queryset, pk_field

# The ranked query's score column (higher is better) and, where it has one, its count of all matches.
SCORE, TOTAL = "_search_score", "_search_total"


class FiltersInSQLMixin:
    """A compiler that applies the queryset's filters in SQL, whatever they are: unlike an engine's,
    it needs none of them to be a FilterField (``fields=`` and ordering are still checked). So a
    caller can hand it the public queryset itself (cms.api.views.search does, when the backend's
    ``filters_in_sql`` says so), which the database checks per matched entry."""

    def _get_filters_from_queryset(self, check_only=False):
        if check_only:
            return None
        return super()._get_filters_from_queryset(check_only=check_only)


class RankedResultsMixin:
    """Search results whose compiler answers ``matching_entries(config)`` (a queryset of the index
    rows the query matches, or None to leave the query to Wagtail's code), ``ranked(entries, config)`` (those
    rows best first, as (object id, score) values, and the number of rows too when ``TOTAL_WITH_SLICE``)
    and names ``OBJECT_ID_PATH`` (the object id from those rows)."""

    def _matching_entries(self, in_caller_queryset=True):
        compiler = self.query_compiler
        entries = compiler.matching_entries(compiler.get_config(self.backend))
        if entries is not None and in_caller_queryset:
            entries = entries.filter(in_queryset(compiler.queryset, compiler.OBJECT_ID_PATH))
        return entries

    def _do_search(self):
        compiler = self.query_compiler
        if not compiler.order_by_relevance:
            entries = None if self._score_field is not None else self._matching_entries(in_caller_queryset=False)
            if entries is None:
                return super()._do_search()
            queryset = self._matched_queryset(entries)
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")  # stable pages, as Wagtail does (wagtail#3729)
            return list(queryset[self.start : self.stop])
        entries = self._matching_entries()
        if entries is None:
            return super()._do_search()
        rows = list(compiler.ranked(entries, compiler.get_config(self.backend))[self.start : self.stop])
        if not rows:
            return []
        if compiler.TOTAL_WITH_SLICE:  # (object id, score, total): the count came with the slice
            compiler.matches_total = rows[0][2]
            rows = [row[:2] for row in rows]
        to_python = pk_field(compiler.queryset.model).to_python
        keys = [to_python(object_id) for object_id, _score in rows]
        objects = {obj.pk: obj for obj in compiler.queryset.filter(pk__in=keys)}
        results = []
        for key, (_object_id, score) in zip(keys, rows, strict=True):
            obj = objects.get(key)
            if obj is None:  # deleted since: the rows come from one query, the objects from another
                continue
            if self._score_field is not None:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def _matched_queryset(self, entries):
        """The caller's queryset (and order) restricted to the matches: one set the database builds
        once, then looks up."""
        compiler = self.query_compiler
        matched = entries.annotate(_pk=as_pk(compiler.queryset.model, F(compiler.OBJECT_ID_PATH)))
        return compiler.queryset.filter(pk__in=matched.values("_pk"))

    def facet(self, field_name):
        """Counts per value of ``field_name`` among the matches (the admin's page search counts per
        page type); Wagtail's own would rank every match first."""
        entries = self._matching_entries(in_caller_queryset=False)
        if entries is None or self.query_compiler._get_filterable_field(field_name) is None:
            return super().facet(field_name)  # its errors for a field that is not a FilterField
        counts = self._matched_queryset(entries).values(field_name).annotate(count=Count("pk")).order_by("-count")
        return OrderedDict((row[field_name], row["count"]) for row in counts)

    def _do_count(self):
        total = getattr(self.query_compiler, "matches_total", None)  # shared by this search's slices
        if total is not None:
            return total
        entries = self._matching_entries()
        return super()._do_count() if entries is None else entries.count()
