"""Attachments from a copy of ``wp-content/uploads``: images and documents, found by path, never fetched."""

import os
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from django.core.files import File
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from importers.models import ImportedItem

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
UPLOADS_MARKER = "/wp-content/uploads/"
# WordPress's resized copies: foto-300x200.jpg, foto-1024x683.jpg, foto-scaled.jpg
SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")


def relative_upload_path(url_or_path):
    """'2023/05/foto.jpg' from an uploads URL, or from `_wp_attached_file`."""
    if not url_or_path:
        return ""
    path = unquote(urlparse(url_or_path).path if "://" in url_or_path else url_or_path)
    if UPLOADS_MARKER in path:
        path = path.split(UPLOADS_MARKER, 1)[1]
    return path.lstrip("/")


def original_path(relative):
    return SIZE_SUFFIX.sub("", relative)


class Attachment:
    __slots__ = ("wp_id", "title", "path", "alt", "caption", "parent")

    def __init__(self, item):
        self.wp_id = item.wp_id
        self.title = (item.title or "").strip()
        self.path = relative_upload_path(item.meta.get("_wp_attached_file") or item.attachment_url)
        self.alt = (item.meta.get("_wp_attachment_image_alt") or "").strip()
        self.caption = (item.excerpt or "").strip()
        self.parent = item.parent

    @property
    def extension(self):
        return PurePosixPath(self.path).suffix.lower().lstrip(".")

    @property
    def is_image(self):
        return self.extension in IMAGE_EXTENSIONS


class MediaLibrary:
    """Attachments of the export, by id and by path; imported once, reused by every post."""

    def __init__(self, source, uploads, report, collection=None):
        self.source = source
        self.uploads = Path(uploads).resolve() if uploads else None
        self.report = report
        self.collection = collection
        self.attachments = {}  # wp_id -> Attachment
        self.by_path = {}  # relative path (original size) -> wp_id
        self.images = {}  # wp_id -> image id
        self.documents = {}  # wp_id -> document id
        self.image_alts = {}  # image id -> alt text stored on the image

    def add(self, item):
        attachment = Attachment(item)
        self.attachments[attachment.wp_id] = attachment
        if attachment.path:
            self.by_path[original_path(attachment.path)] = attachment.wp_id

    def load_existing(self):
        """Attachments imported by an earlier run of the same export."""
        rows = ImportedItem.objects.filter(source=self.source, kind=ImportedItem.Kind.ATTACHMENT)
        for wp_id, image_id, document_id in rows.values_list("wp_id", "image_id", "document_id"):
            if image_id:
                self.images[wp_id] = image_id
            if document_id:
                self.documents[wp_id] = document_id

    def children_of(self, post_id):
        return [a.wp_id for a in self.attachments.values() if a.parent == post_id]

    def attachment_for_url(self, url):
        relative = relative_upload_path(url)
        if not relative or (UPLOADS_MARKER not in (url or "") and "://" in (url or "")):
            return None
        return self.by_path.get(original_path(relative))

    def file_for(self, attachment):
        if self.uploads is None or not attachment.path:
            return None
        candidate = (self.uploads / attachment.path).resolve()
        # A path from the export never leaves the uploads folder (../../etc/passwd).
        if not candidate.is_relative_to(self.uploads) or not candidate.is_file():
            return None
        return candidate

    def import_all(self, progress=None):
        for attachment in list(self.attachments.values()):
            self.import_one(attachment)
            if progress:
                progress.step()

    def import_one(self, attachment):
        if attachment.wp_id in self.images or attachment.wp_id in self.documents:
            self.report.media_unchanged += 1
            return
        path = self.file_for(attachment)
        if path is None:
            self.report.missing(attachment.wp_id, attachment.path or "(sin ruta)")
            return
        try:
            with transaction.atomic():
                if attachment.is_image:
                    self.images[attachment.wp_id] = self._create_image(attachment, path)
                    self.report.media_created["images"] += 1
                else:
                    self.documents[attachment.wp_id] = self._create_document(attachment, path)
                    self.report.media_created["documents"] += 1
        except Exception as error:  # a broken file must not stop the import
            self.report.errors.append({"id": attachment.wp_id, "title": attachment.title, "error": repr(error)[:500]})

    def _create_image(self, attachment, path):
        alt = attachment.alt
        title = attachment.title or PurePosixPath(attachment.path).stem
        if not alt:
            alt = title
            self.report.alt_from_title.append({"attachment": attachment.wp_id, "title": title})
        image_model = get_image_model()
        with open(path, "rb") as handle:
            image = image_model(title=title[:255], description=alt[:255])
            if self.collection:
                image.collection = self.collection
            image.file = File(handle, name=os.path.basename(attachment.path))
            image._set_image_file_metadata()
            image.save()
        self.image_alts[image.pk] = image.description
        self._record(attachment, image=image)
        return image.pk

    def _create_document(self, attachment, path):
        document_model = get_document_model()
        with open(path, "rb") as handle:
            document = document_model(title=(attachment.title or PurePosixPath(attachment.path).stem)[:255])
            if self.collection:
                document.collection = self.collection
            document.file = File(handle, name=os.path.basename(attachment.path))
            document._set_document_file_metadata()
            document.save()
        self._record(attachment, document=document)
        return document.pk

    def _record(self, attachment, **target):
        ImportedItem.objects.update_or_create(
            source=self.source,
            wp_id=attachment.wp_id,
            defaults={"kind": ImportedItem.Kind.ATTACHMENT, "checksum": "", "permalink": attachment.path, **target},
        )

    def image_id(self, wp_id):
        return self.images.get(wp_id)

    def description_of(self, image_id):
        if image_id not in self.image_alts:
            image = get_image_model().objects.filter(pk=image_id).values_list("description", flat=True).first()
            self.image_alts[image_id] = image or ""
        return self.image_alts[image_id]

    def alt_for(self, wp_id):
        attachment = self.attachments.get(wp_id)
        return attachment.alt if attachment else ""
