"""Compile the project's gettext catalogs (cms/locale) with pure Python: no GNU msgfmt needed.

``python -m cms.translations`` writes a .mo beside every .po under cms/locale (``make install`` runs it).
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def compile_catalogs(locale_dir=LOCALE_DIR):
    """Write ``X.mo`` for every ``X.po``; returns the written paths."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        catalog = polib.pofile(str(po_path))
        mo_path = po_path.with_suffix(".mo")
        catalog.save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_catalogs():
        sys.stdout.write(f"compiled {path.relative_to(LOCALE_DIR.parent.parent)}\n")
