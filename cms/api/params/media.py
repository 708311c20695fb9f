"""Images and documents listings: stock v2's field filters (title, tags…), order and fields."""

from wagtail.api.v2.utils import BadRequestError

from cms.api.params.fields import field_filters, orderable
from cms.api.params.listing import COMMON_PARAMS, common_params, order_params
from cms.api.params.query import Query

EXTRA_ORDERS = {"created_at"}  # ours: newest first is the default order


def media_query(request, model, api_fields, filter_fields):
    """(params, {lookup: value}, [tag names]) of a media listing; ``api_fields`` may be selected
    with ``fields=``, ``filter_fields`` (database fields) may be filtered and ordered by."""
    query = Query(request)
    query.check_known(COMMON_PARAMS | set(filter_fields))
    params = common_params(query)
    order_params(query, params, orderable(model, filter_fields) | EXTRA_ORDERS)
    lookups, tags = field_filters(query, model, filter_fields)
    if tags and params.search is not None:
        raise BadRequestError("filtering by tag with a search query is not supported")
    return params, lookups, tags
