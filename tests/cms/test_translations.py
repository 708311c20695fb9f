"""The project's Spanish catalogs (cms/locale): complete, placeholder-safe, compiled, in use."""

import gettext
import re
import shutil

import polib
import pytest
from django.utils import translation

from cms.translations import LOCALE_DIR, compile_catalogs

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}|<[^>]+>")
CATALOGS = sorted(LOCALE_DIR.glob("es/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_every_entry_is_translated_and_keeps_its_placeholders_and_markup(path):
    catalog = polib.pofile(str(path))
    assert len(catalog) > 10
    for entry in catalog:
        assert entry.translated(), entry.msgid
        pairs = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
        for source, target in pairs:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(target)), source


def test_compiled_catalog_reads_back_with_gettext(tmp_path):
    shutil.copytree(LOCALE_DIR, tmp_path / "locale")
    for mo in (tmp_path / "locale").glob("*/LC_MESSAGES/*.mo"):
        mo.unlink()
    written = compile_catalogs(tmp_path / "locale")
    assert {p.name for p in written} == {"django.mo", "djangojs.mo"}
    catalog = gettext.translation("django", localedir=tmp_path / "locale", languages=["es"])
    assert catalog.gettext("Keyboard shortcuts") == "Atajos de teclado"
    assert catalog.ngettext("%(num_pages)d page", "%(num_pages)d pages", 3) == "%(num_pages)d páginas"


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("Search all pages…", "Buscar en todas las páginas…"),
        (
            "The page could not be created due to validation errors.",
            "No se pudo crear la página porque hay errores de validación.",
        ),
        ("Wagtail upgrade available", "Hay una nueva versión de Wagtail"),
        (
            "%(model_name)s '%(object)s' created and submitted for moderation.",
            "%(model_name)s «%(object)s» creado/a y enviado/a a moderación.",
        ),
    ],
)
def test_the_running_project_uses_the_catalog(english, spanish):
    """Needs the .mo that `make install` compiles (the test suite runs after it)."""
    with translation.override("es"):
        assert translation.gettext(english) == spanish
