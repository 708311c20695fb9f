"""Field filters (``?title=…``, ``?show_in_menus=true``) and orderable fields, as stock v2 offers
them on every API field that is a database field; values parsed by the field's type."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import BadRequestError
from wagtail.fields import RichTextField, StreamField

from cms.api.params.values import (
    parse_boolean,
    parse_date,
    parse_datetime,
    parse_id,
    parse_int,
    parse_text,
)

# Not filters on their own field: locale has its own filter (?locale=), as in stock.
NOT_FIELD_FILTERS = {"locale"}


def model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def value_parser(field):
    """How a filter value for ``field`` is read; None if the field cannot be filtered by."""
    if isinstance(field, (StreamField, RichTextField)):
        return None
    if isinstance(field, TaggableManager):
        return lambda value: [tag for tag in value.split(",") if tag]
    if isinstance(field, models.BooleanField):
        return parse_boolean
    if isinstance(field, (models.AutoField, models.BigAutoField)) or field.primary_key:
        return parse_id
    if isinstance(field, models.IntegerField):
        return parse_int
    if isinstance(field, (models.ForeignKey, models.ManyToManyField)):
        return parse_id
    if isinstance(field, models.DateTimeField):
        return parse_datetime
    if isinstance(field, models.DateField):
        return parse_date
    return parse_text


def filterable(model, names):
    """{name: django field} of the names (API fields) that are database fields."""
    found = {}
    for name in names:
        field = model_field(model, name)
        if (
            field is not None
            and name not in NOT_FIELD_FILTERS
            and not field.auto_created
            or field is not None
            and field.primary_key
        ):
            found[name] = field
    return found


def orderable(model, names):
    """API database fields one row has one value of (no many-to-many, no streams)."""
    return {
        name
        for name, field in filterable(model, names).items()
        if not field.many_to_many and not isinstance(field, (StreamField, RichTextField, TaggableManager))
    }


def field_filters(query, model, names):
    """{ORM lookup: value} for the field filters in the query; tags give a list of names."""
    lookups, tags = {}, []
    for name, field in filterable(model, names).items():
        if name not in query:
            continue
        parse = value_parser(field)
        if parse is None:
            raise BadRequestError(f"cannot filter by '{name}' (rich text and stream fields are not filters)")
        value = query.parsed(name, parse)
        if isinstance(field, TaggableManager):
            tags.extend(value)
        else:
            lookups[name] = value
    return lookups, tags
