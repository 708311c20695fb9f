"""The reference index rows of a page written without Page.save(): the bulk writers (the WordPress
import, the benchmark's seed) insert them in bulk, so "which public page uses this image" (cms.api.public)
answers for their pages as for any other."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex


def reference_rows(page):
    """What ``ReferenceIndex.create_or_update_for_object`` inserts for a page that has no rows yet."""
    content_types = [ContentType.objects.get_for_model(model) for model in [type(page), *page._meta.get_parent_list()]]
    content_type, base_content_type = content_types[0], content_types[-1]
    return [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=page.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
