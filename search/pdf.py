"""Plain text of a bulletin's PDF, for the search index."""

import logging

logger = logging.getLogger(__name__)

# A yearly report can run to hundreds of pages; PostgreSQL's tsvector is limited to 1 MB.
MAX_PAGES = 300
MAX_CHARS = 200_000


def pdf_source(document):
    """What the extracted text depends on: the document and its file. Empty when there is no PDF."""
    if document is None:
        return ""
    return f"{document.pk}:{document.file.name}:{document.file_size or ''}:{document.file_hash}"[:255]


def extract_pdf_text(document):
    """The PDF's text with whitespace collapsed, or "" when it cannot be read (logged, never raised)."""
    if document is None:
        return ""
    from pypdf import PdfReader  # here, not at start-up: pypdf and fontTools are ~27 MB per worker

    parts, length = [], 0
    try:
        with document.open_file() as handle:
            for page in PdfReader(handle).pages[:MAX_PAGES]:
                text = " ".join((page.extract_text() or "").split())
                parts.append(text)
                length += len(text) + 1
                if length >= MAX_CHARS:
                    break
    except Exception:  # pypdf raises many kinds of errors on broken files; a bad PDF must not block publishing
        logger.warning("Could not extract the text of document %s", document.pk, exc_info=True)
    return " ".join(part for part in parts if part)[:MAX_CHARS]
