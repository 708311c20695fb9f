"""PostgreSQL: the index entries drive the query through a GIN index, ts_rank orders them and
PostgreSQL applies the LIMIT.

One statement for the requested slice::

    SELECT entry.object_id, <ts_rank(title) * title_norm + ts_rank(body)> AS score
    FROM wagtailsearch_indexentry entry
    WHERE entry.content_type_id IN (...) AND (entry.title || entry.body) @@ <tsquery>
      AND EXISTS (<the caller's queryset, pk = object_id::integer>)
    ORDER BY score DESC, entry.id DESC LIMIT 20      -- with COUNT(*) OVER (): the total as well

``title || body`` has its own GIN index (search/migrations/0002); Wagtail's query builds that
vector per page through a join instead, which no index covers. Autocomplete uses the GIN index on
``autocomplete``. Searches limited to ``fields=`` and fuzzy searches are Wagtail's own.
"""

from functools import reduce

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Count, F, Window
from django.db.models.expressions import CombinedExpression
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .ranked import SCORE, TOTAL, FiltersInSQLMixin, RankedResultsMixin


class RankedPostgresSearchQueryCompiler(FiltersInSQLMixin, PostgresSearchQueryCompiler):
    OBJECT_ID_PATH = "object_id"
    # The slice brings the count (COUNT(*) OVER ()): PostgreSQL ranks every match before the LIMIT
    # anyway, so the count costs nothing more than that, and saves a second pass over the matches.
    TOTAL_WITH_SLICE = True

    def entry_vectors(self):
        """(vector, boost) on the index entry itself, as Wagtail ranks them (the title's rank scaled
        by the title length norm)."""
        return [(F("title"), F("title_norm")), (F("body"), 1.0)]

    def matching_entries(self, config):
        """The index entries the query matches, among the queryset model's content types; None for
        the queries Wagtail's code answers (match-all, fuzzy, ``fields=``)."""
        query = self.query
        if self.fields is not None or isinstance(query, (MatchAll, Fuzzy)):
            return None
        if isinstance(query, Not) and isinstance(query.subquery, MatchAll):
            return None
        search_query = self.build_tsquery(query, config=config)
        vectors = self.entry_vectors()
        # title || body: the very expression of the GIN index, so PostgreSQL can use it.
        vector = reduce(
            lambda left, right: CombinedExpression(left, "||", right, output_field=SearchVectorField()),
            [vector for vector, _boost in vectors],
        )
        content_types = get_descendants_content_types_pks(self.queryset.model)
        return (
            IndexEntry._default_manager.filter(content_type_id__in=content_types)
            .annotate(_search_vector=vector)
            .filter(_search_vector=search_query)
        )

    def ranked(self, entries, config):
        return (
            entries.annotate(
                **{SCORE: self._build_rank_expression(self.entry_vectors(), config), TOTAL: Window(Count("*"))}
            )
            .order_by(F(SCORE).desc(), F("id").desc())
            .values_list(self.OBJECT_ID_PATH, SCORE, TOTAL)
        )


class RankedPostgresAutocompleteQueryCompiler(RankedPostgresSearchQueryCompiler, PostgresAutocompleteQueryCompiler):
    def entry_vectors(self):
        return [(F("autocomplete"), 1.0)]


class RankedPostgresSearchResults(RankedResultsMixin, PostgresSearchResults):
    pass


class RankedPostgresSearchBackend(PostgresSearchBackend):
    filters_in_sql = True
    query_compiler_class = RankedPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = RankedPostgresAutocompleteQueryCompiler
    results_class = RankedPostgresSearchResults
