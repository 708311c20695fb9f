"""Uploads: request size refused before the body is read, documents checked by content.

``RequestSizeLimitMiddleware`` answers 413 from the ``Content-Length`` header alone, before
Django or a view reads a byte of the body; ``LimitedUploadHandler`` stops a body that
announces no length (chunked) or lies about it, as soon as it passes the same limit.
``DocumentForm`` (WAGTAILDOCS_DOCUMENT_FORM_BASE) refuses a file whose bytes do not match
its extension: HTML named ``.pdf`` is not a PDF.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


def max_request_size():
    return settings.MAX_REQUEST_BODY_SIZE


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_request_size():
            response = JsonResponse(
                {"message": f"Request body too large: at most {max_request_size() // (1024 * 1024)} MB."}, status=413
            )
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class LimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: counts the bytes received and stops past the limit."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > max_request_size():
            raise StopUpload(connection_reset=True)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received = getattr(self, "received", 0) + len(raw_data)
        if self.received > max_request_size():
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


ZIP_FORMATS = {"docx", "xlsx", "pptx", "odt", "zip"}
HTML_MARKERS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<head", b"<body", b"<iframe")


def content_matches_extension(head, extension):
    """Does the file's start fit what its extension says? ``head`` is its first KB."""
    extension = extension.lower()
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ZIP_FORMATS:
        return head.startswith(b"PK\x03\x04")
    if extension == "txt":
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = head.decode("latin-1")
            except UnicodeDecodeError:
                return False
        lowered = text.lstrip().lower().encode()
        return "\x00" not in text and not any(marker in lowered for marker in HTML_MARKERS)
    return False


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is None or not hasattr(uploaded, "read"):
            return uploaded
        extension = uploaded.name.rsplit(".", 1)[-1] if "." in uploaded.name else ""
        position = uploaded.tell() if hasattr(uploaded, "tell") else 0
        uploaded.seek(0)
        head = uploaded.read(1024)
        uploaded.seek(position)
        if not content_matches_extension(head, extension):
            raise ValidationError(
                _("El contenido del archivo no corresponde a su extensión «.%(ext)s»."), params={"ext": extension}
            )
        return uploaded
