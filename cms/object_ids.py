"""Objects named by a text id: Wagtail's reference index and the database search index store every
object's id as text. These compare such a column with a model's primary key by casting the text
(so the database looks the object up by its key), never the key to text (which reads every row).
Used by the search backend (search.database) and by "used by a public page" (cms.api.public)."""

from django.db.models import BigIntegerField, Exists, IntegerField, OuterRef
from django.db.models.functions import Cast


def pk_field(model):
    """The concrete primary key field (a child page's ``page_ptr`` is ``Page.id``)."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return field


def as_pk(model, object_id):
    """An index entry's text ``object_id`` as ``model``'s primary key type, so the database looks
    the object up by its key (index entries store every id as text)."""
    kind = pk_field(model).get_internal_type()
    if kind in ("BigAutoField", "BigIntegerField", "PositiveBigIntegerField"):
        return Cast(object_id, output_field=BigIntegerField())
    if kind.endswith(("AutoField", "IntegerField")):
        return Cast(object_id, output_field=IntegerField())
    return object_id


def in_queryset(queryset, object_id_path):
    """The entry's object is in ``queryset``, with every filter it has (one indexed lookup per entry)."""
    objects = queryset.order_by().filter(pk=as_pk(queryset.model, OuterRef(object_id_path)))
    return Exists(objects.values("pk"))
