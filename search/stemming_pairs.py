"""Singular/plural pairs: which ones each search backend conflates (README, Search section).

A pair counts as found when a search for the singular finds a text holding only the plural and a
search for the plural finds a text holding only the singular, measured with the backend's own text
analysis: the engine's `_analyze` with the index's default analyzer, PostgreSQL's `to_tsvector`/
`plainto_tsquery` with SEARCH_CONFIG, SQLite's FTS5 with the tokenizer of search/migrations/0001.
Run it with `python manage.py stemming_pairs` under the settings to measure.
"""

import sqlite3

# 68 pairs from the office's vocabulary: regular -s and -es plurals, -z/-ces, accent shifts, short words.
PAIRS = [
    ("nota", "notas"), ("discurso", "discursos"), ("alcaldía", "alcaldías"), ("ciudad", "ciudades"),
    ("acto", "actos"), ("día", "días"), ("flor", "flores"), ("voz", "voces"),
    ("evento", "eventos"), ("actividad", "actividades"), ("obra", "obras"), ("calle", "calles"),
    ("plaza", "plazas"), ("mercado", "mercados"), ("distrito", "distritos"), ("provincia", "provincias"),
    ("región", "regiones"), ("comunidad", "comunidades"), ("autoridad", "autoridades"),
    ("funcionario", "funcionarios"),
    ("ciudadano", "ciudadanos"), ("vecino", "vecinos"), ("regidor", "regidores"), ("alcalde", "alcaldes"),
    ("concejo", "concejos"), ("sesión", "sesiones"), ("reunión", "reuniones"), ("ceremonia", "ceremonias"),
    ("feria", "ferias"), ("fiesta", "fiestas"), ("danza", "danzas"), ("museo", "museos"),
    ("templo", "templos"), ("iglesia", "iglesias"), ("puente", "puentes"), ("proyecto", "proyectos"),
    ("programa", "programas"), ("convenio", "convenios"), ("campaña", "campañas"), ("servicio", "servicios"),
    ("oficina", "oficinas"), ("boletín", "boletines"), ("comunicado", "comunicados"), ("anuncio", "anuncios"),
    ("lluvia", "lluvias"), ("niño", "niños"), ("mujer", "mujeres"), ("joven", "jóvenes"),
    ("turista", "turistas"), ("visitante", "visitantes"), ("artesano", "artesanos"), ("escuela", "escuelas"),
    ("hospital", "hospitales"), ("parque", "parques"), ("pueblo", "pueblos"), ("país", "países"),
    ("mes", "meses"), ("vez", "veces"), ("luz", "luces"), ("cruz", "cruces"),
    ("ley", "leyes"), ("rey", "reyes"), ("canción", "canciones"), ("nación", "naciones"),
    ("institución", "instituciones"), ("municipal", "municipales"), ("cultural", "culturales"), ("árbol", "árboles"),
]  # fmt: skip

# search/migrations/0001_spanish_text_search.py builds Wagtail's FTS5 table with this tokenizer.
SQLITE_TOKENIZER = "porter unicode61 remove_diacritics 2"


def engine_matcher(backend, index_settings):
    """Both ways through the engine's analyzer "default" (as defined in the index settings)."""
    analysis = index_settings["settings"]["analysis"]
    definition = analysis["analyzer"]["default"]
    filters = [analysis.get("filter", {}).get(name, name) for name in definition["filter"]]

    def tokens(word):
        response = backend.es.indices.analyze(tokenizer=definition["tokenizer"], filter=filters, text=word)
        return [token["token"] for token in response["tokens"]]

    return lambda a, b: bool(tokens(a)) and tokens(a) == tokens(b)


def postgresql_matcher(connection, config):
    def one_way(text, query):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT to_tsvector(%s::regconfig, %s) @@ plainto_tsquery(%s::regconfig, %s)",
                [config, text, config, query],
            )
            return cursor.fetchone()[0]

    return lambda a, b: one_way(a, b) and one_way(b, a)


def sqlite_matcher():
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize = '{SQLITE_TOKENIZER}')")

    def one_way(text, query):
        db.execute("DELETE FROM t")
        db.execute("INSERT INTO t (body) VALUES (?)", [text])
        return (
            db.execute("SELECT count(*) FROM t WHERE t MATCH ?", ['"' + query.replace('"', "") + '"']).fetchone()[0]
            == 1
        )

    return lambda a, b: one_way(a, b) and one_way(b, a)


def missed(matcher):
    return [(singular, plural) for singular, plural in PAIRS if not matcher(singular, plural)]
