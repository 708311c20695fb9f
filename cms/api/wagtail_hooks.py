"""Document file URLs (/documents/<id>/<name>) follow the public definition too.

Wagtail's serve view already refuses private collections; this adds "used by public
content": an upload attached only to a draft (an embargoed PDF) answers 404 to the public.
Admin users (who can reach the document through the admin anyway) still get the file.
"""

from django.http import Http404
from wagtail import hooks

from cms.api.public import public_documents


@hooks.register("before_serve_document")
def only_public_documents(document, request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return None
    if not public_documents().filter(pk=document.pk).exists():
        raise Http404("no public document with this id")
    return None
