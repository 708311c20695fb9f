"""SQLite FTS5: the FTS table drives the query, FTS5 ranks (bm25) and SQLite applies the LIMIT.

One statement for the requested slice::

    SELECT entry.object_id, -fts.rank FROM wagtailsearch_indexentry_fts fts
    JOIN wagtailsearch_indexentry entry ON entry.id = fts.rowid
    WHERE fts MATCH '{title body} : ("inti" AND "raymi")' AND fts.rank MATCH 'bm25(0, 1, 4)'
      AND entry.content_type_id IN (...) AND EXISTS (<the caller's queryset, pk = object_id>)
    ORDER BY fts.rank LIMIT 20

FTS5 sorts its matches by rank itself (``ORDER BY rank`` is consumed by the virtual table), so the
join and the EXISTS run only until the slice is full. The count is the same statement's COUNT(*)
(the content type is compared as ``content_type_id + 0``, so that SQLite starts from the FTS match).
"""

from django.db.models import F, FloatField
from django.db.models.expressions import Expression
from django.db.models.lookups import Lookup
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .ranked import SCORE, FiltersInSQLMixin, RankedResultsMixin

FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table


def fts_column(compiler, column):
    """A column of the FTS table under the alias this query gives it ("U0" in a subquery)."""
    return f'{compiler.quote_name_unless_alias(compiler.query.base_table)}."{column}"'


class Match(MatchExpression):
    """modelsearch's MATCH, on the FTS table's hidden column of the same name under the table's
    alias, so that it also works in a subquery."""

    def as_sql(self, compiler, connection):
        _sql, params = super().as_sql(compiler, connection)
        return f"{fts_column(compiler, FTS_TABLE)} MATCH %s", params


class RankFunction(Lookup):
    """``rank MATCH 'bm25(...)'``: the rank function (and its column weights) for this query.
    A lookup, like MatchExpression, so that it is a bare WHERE term."""

    lookup_name = "rank_function"
    filterable = True

    def __init__(self, weights):
        self.weights = weights
        super().__init__(None, None)

    def as_sql(self, compiler, connection):
        return f"{fts_column(compiler, 'rank')} MATCH %s", [f"bm25({', '.join(map(str, map(float, self.weights)))})"]


class Rank(Expression):
    """FTS5's hidden ``rank`` column: the rank function's score for the row (bm25: lower is better)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection):
        return fts_column(compiler, "rank"), []


class RankedSQLiteSearchQueryCompiler(FiltersInSQLMixin, SQLiteSearchQueryCompiler):
    OBJECT_ID_PATH = "index_entry__object_id"
    # A COUNT(*) OVER () in the slice would make SQLite sort every match itself instead of reading
    # them in FTS5's rank order (measured slower than the separate count): the count is its own query.
    TOTAL_WITH_SLICE = False
    # bm25 weights in the FTS table's column order (autocomplete, body, title: search/migrations/0001):
    # a word in the title counts as much as four in the body.
    BM25_WEIGHTS = (0.0, 1.0, 4.0)

    def matching_entries(self, config):
        """The FTS rows the query matches, among the queryset model's content types; None for the
        queries Wagtail's code answers (match-all, negated)."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        match = Match(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
        content_types = get_descendants_content_types_pks(self.queryset.model)
        return (
            SQLiteFTSIndexEntry.objects.filter(match, RankFunction(self.BM25_WEIGHTS))
            # "+ 0": no index on the content type, so SQLite starts from the FTS match (the only
            # selective term) rather than from every entry of the type, matching each one by rowid.
            .alias(_content_type=F("index_entry__content_type_id") + 0)
            .filter(_content_type__in=content_types)
        )

    def ranked(self, entries, config):
        return (
            entries.annotate(**{SCORE: -Rank()})  # bm25 is negative: lowest first is best first
            .order_by(Rank().asc())
            .values_list(self.OBJECT_ID_PATH, SCORE)
        )


class RankedSQLiteAutocompleteQueryCompiler(RankedSQLiteSearchQueryCompiler, SQLiteAutocompleteQueryCompiler):
    BM25_WEIGHTS = (1.0, 0.0, 0.0)


class RankedSQLiteSearchResults(RankedResultsMixin, SQLiteSearchResults):
    pass


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    filters_in_sql = True
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
