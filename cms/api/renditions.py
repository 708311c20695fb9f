"""Images as ready-to-use objects in named renditions (WebP), loaded for many at once."""

import functools

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from cms.api.public import absolute_api_url, public_images

RENDITIONS = {
    "thumbnail": "fill-400x300|format-webp",
    "card": "fill-800x450|format-webp",
    "hero": "width-1600|format-webp",
    "screen": "fill-1920x1080|format-webp",
}


def load_images(image_ids):
    """{id: image} for the public images among ``image_ids``, renditions attached.

    Once renditions exist this is one query (renditions joined to their image); images
    whose renditions are not all generated yet cost one more query and the generation.
    """
    ids = {int(image_id) for image_id in image_ids if image_id}
    if not ids:
        return {}
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    rows = rendition_model.objects.filter(
        image__in=public_images().filter(id__in=ids), filter_spec__in=RENDITIONS.values()
    ).select_related("image")
    images = {}
    for rendition in rows:
        image = images.setdefault(rendition.image_id, rendition.image)
        if not hasattr(image, "prefetched_renditions"):
            image.prefetched_renditions = []
        image.prefetched_renditions.append(rendition)
    missing = ids - set(images)
    if missing:
        for image in public_images().filter(id__in=missing):
            image.prefetched_renditions = []
            images[image.pk] = image
    for image in images.values():
        image.api_renditions = _matching(image) or _generated(image)
    return images


@functools.cache
def _filters():
    return {spec: Filter(spec=spec) for spec in RENDITIONS.values()}


def _matching(image):
    """The prefetched renditions for the image's current focal point, if all are there."""
    by_key = {(r.filter_spec, r.focal_point_key): r for r in image.prefetched_renditions}
    found = {spec: by_key.get((spec, image_filter.get_cache_key(image))) for spec, image_filter in _filters().items()}
    return found if all(found.values()) else None


def _generated(image):
    # Wagtail finds what exists and creates (and stores) only the missing renditions.
    return image.get_renditions(*_filters().values())  # {spec: rendition}


def image_representation(image, alt=None):
    alt = image.description if alt is None else alt
    renditions = {}
    for name, spec in RENDITIONS.items():
        rendition = image.api_renditions[spec]
        renditions[name] = {
            "url": absolute_api_url(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt,
        }
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "renditions": renditions,
    }


def _stored_size(document):
    # Documents saved outside the admin may lack file_size; ask the storage (no query).
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


def document_representation(document):
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute_api_url(document.url),
        "filename": document.filename,
        "size": document.file_size if document.file_size is not None else _stored_size(document),
        "type": document.file_extension.lower(),
        "content_type": document.content_type,
    }
