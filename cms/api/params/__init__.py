"""Every query parameter of the public API is read and parsed here, and only here.

- ``values``: strict parsers of one value (ids and numbers in ASCII digits only).
- ``query``: reading a request's parameters like stock Wagtail v2 (the last of a repeated
  parameter wins; ``_`` and ``format=json`` accepted).
- ``listing``: limit/offset/search/order/fields shared by every listing.
- ``pages``: the pages listing (types, tree filters, field filters, our date/type filters).
- ``media``: images and documents (fields, field filters, tags).
"""
