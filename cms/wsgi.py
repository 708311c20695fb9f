import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
django_application = get_wsgi_application()

from cms.api.fastpath import FastPublicReads  # noqa: E402 - needs Django set up

# Repeat public reads and their 304s are answered before the middleware stack (cms/api/fastpath.py).
application = FastPublicReads(django_application)
