"""What an import did, for the terminal and as JSON (``--report FILE``)."""

import json
from collections import Counter
from dataclasses import dataclass, field

# Reasons an item is not imported (keys of the report; the text is for people).
SKIP_REASONS = {
    "post_type": "tipo de contenido que no se importa (páginas, menús, revisiones, otros)",
    "trash": "en la papelera",
    "auto-draft": "borrador automático",
    "inherit": "revisión o adjunto heredado",
    "unknown_status": "estado desconocido",
    "unchanged": "sin cambios desde la última importación",
    "bulletin_without_pdf": "publicación (boletín) sin PDF: adjunte el PDF en WordPress o en --uploads",
    "speech_without_speaker": "discurso sin Alcalde registrado en Autoridades",
    "type_changed": "ya importada con otro tipo de página; bórrela para importarla con el nuevo tipo",
    "error": "error al importar la entrada (ver errors)",
}


@dataclass
class Report:
    file: str
    dry_run: bool = False
    site: str = ""
    wxr_version: str = ""
    created: Counter = field(default_factory=Counter)  # by page type
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # by reason
    skipped_types: Counter = field(default_factory=Counter)  # post types not imported
    skipped_items: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    media_created: Counter = field(default_factory=Counter)
    media_unchanged: int = 0
    media_missing: list = field(default_factory=list)
    alt_from_title: list = field(default_factory=list)
    shortcodes: Counter = field(default_factory=Counter)
    unsafe_removed: Counter = field(default_factory=Counter)
    redirects_created: int = 0
    redirects_updated: int = 0
    redirects_skipped: list = field(default_factory=list)
    sticky: list = field(default_factory=list)
    authors_unmapped: dict = field(default_factory=dict)
    links_internal: int = 0
    duration_s: float = 0.0

    def skip(self, item, reason, detail=""):
        self.skipped[reason] += 1
        if reason != "unchanged":
            entry = {"id": item.wp_id, "title": item.title, "type": item.post_type, "status": item.status}
            entry["reason"] = reason
            if detail:
                entry["detail"] = detail
            self.skipped_items.append(entry)

    def missing(self, wp_id, path, used_by=None):
        entry = {"attachment": wp_id, "path": path}
        if used_by:
            entry["post"] = used_by
        if entry not in self.media_missing:
            self.media_missing.append(entry)

    def as_dict(self):
        return {
            "file": self.file,
            "dry_run": self.dry_run,
            "site": self.site,
            "wxr_version": self.wxr_version,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "skipped": dict(self.skipped),
            "skipped_post_types": dict(self.skipped_types),
            "skipped_items": self.skipped_items,
            "errors": self.errors,
            "media": {
                "created": dict(self.media_created),
                "unchanged": self.media_unchanged,
                "missing": self.media_missing,
                "alt_from_title": self.alt_from_title,
            },
            "shortcodes": dict(self.shortcodes),
            "unsafe_removed": dict(self.unsafe_removed),
            "redirects": {
                "created": self.redirects_created,
                "updated": self.redirects_updated,
                "skipped": self.redirects_skipped,
            },
            "internal_links": self.links_internal,
            "sticky": self.sticky,
            "authors_unmapped": self.authors_unmapped,
            "duration_s": round(self.duration_s, 2),
        }

    def write_json(self, path):
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(self.as_dict(), handle, ensure_ascii=False, indent=2)
            handle.write("\n")

    def lines(self):
        """The human summary printed at the end of a run (Spanish: the office reads it)."""
        mode = " (simulación: no se escribió nada)" if self.dry_run else ""
        out = [f"Importación de {self.file}{mode}", f"Sitio: {self.site} (WXR {self.wxr_version})"]
        out.append(f"Creadas: {sum(self.created.values())} {_counts(self.created)}")
        out.append(f"Actualizadas: {sum(self.updated.values())} {_counts(self.updated)}")
        out.append(f"Omitidas: {sum(self.skipped.values())}")
        for reason, count in sorted(self.skipped.items()):
            out.append(f"  {count} × {SKIP_REASONS.get(reason, reason)}")
        if self.skipped_types:
            out.append(f"  tipos no importados: {_counts(self.skipped_types)}")
        out.append(f"Errores: {len(self.errors)}")
        for error in self.errors[:20]:
            out.append(f"  #{error['id']} {error['title']}: {error['error']}")
        out.append(f"Medios creados: {_counts(self.media_created) or '0'}; sin cambios: {self.media_unchanged}")
        out.append(f"Medios que faltan en --uploads: {len(self.media_missing)}")
        for entry in self.media_missing[:20]:
            out.append(f"  adjunto {entry['attachment']}: {entry['path']}")
        out.append(f"Imágenes con el título como texto alternativo (revisar): {len(self.alt_from_title)}")
        out.append(f"Shortcodes eliminados: {_counts(self.shortcodes) or 'ninguno'}")
        out.append(f"Marcado inseguro eliminado: {_counts(self.unsafe_removed) or 'ninguno'}")
        out.append(f"Enlaces internos convertidos: {self.links_internal}")
        out.append(f"Redirecciones creadas: {self.redirects_created}; actualizadas: {self.redirects_updated}")
        out.append(f"Entradas fijadas (sticky, sin equivalente): {len(self.sticky)} {self.sticky[:20] or ''}")
        if self.authors_unmapped:
            out.append(f"Autores sin usuario (se usó el usuario de la importación): {_counts(self.authors_unmapped)}")
        out.append(f"Duración: {self.duration_s:.1f} s")
        return out


def _counts(counter):
    return ", ".join(f"{key}: {value}" for key, value in sorted(counter.items()))
