"""``fields=`` on images, documents and on a page's linked media (``main_image(width)``):
stock v2's selection rules applied to our ready-made representations."""

from wagtail.api.v2.utils import BadRequestError

# Always kept: a body without them identifies nothing (and the OpenAPI document requires them).
ALWAYS = ("id", "type")


def selected_names(config, available, default):
    """The field names ``config`` (parse_fields_parameter) selects, starting from ``default``."""
    names = set(default)
    if config and config[0][0] == "*":
        names, config = set(available), config[1:]
    elif config and config[0][0] == "_":
        names, config = set(), config[1:]
    mentioned = set()
    for name, negated, sub_fields in config:
        mentioned.add(name)
        if sub_fields:
            raise BadRequestError(f"'{name}' does not support nested fields")
        if negated:
            names.discard(name)
        else:
            names.add(name)
    unknown = mentioned - set(available)
    if unknown:
        raise BadRequestError("unknown fields: " + ", ".join(sorted(unknown)))
    return names | set(ALWAYS)


def select(item, names):
    """``item`` ({…, "meta": {…}}) reduced to ``names``, body and meta alike, in its own order."""
    meta = {key: value for key, value in item.get("meta", {}).items() if key in names}
    return {
        key: meta if key == "meta" else value
        for key, value in item.items()
        if (key == "meta" and meta) or (key != "meta" and key in names)
    }
