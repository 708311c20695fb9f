"""Settings shared by every environment: safe by default, driven by the environment."""

from pathlib import Path

import environ
from django.conf.locale import LANG_INFO

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    CORS_ALLOWED_ORIGINS=(list, []),
    SEARCH_BACKEND=(str, "database"),
    SEARCH_URL=(list, []),
    WEBSITE_URL=(str, "http://localhost:3000"),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS") if h]
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "news",
    "events",
    "annual_report",
    "screens",
    "publishing",
    "moderation",
    "importers",
    "media_relations",
    "wagtail_modeladmin",
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "importers.middleware.WordPressQueryRedirectMiddleware",  # /?p=ID from an imported WordPress site
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections on both engines: a new SQLite connection (file open, WAL pragma) cost
# ~7 ms per request, more than a cached answer of the fast path (issue 14).
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Worker, editors and readers at once: WAL lets reads run beside a write; a writer takes
    # the lock at BEGIN (IMMEDIATE, so no transaction fails half-way upgrading a read lock)
    # and waits up to SQLITE_BUSY_TIMEOUT seconds for it. handler500 turns a lock still
    # held after that into a JSON 503 with Retry-After, never a 500 (cms/errors.py).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=5),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis when REDIS_URL is set.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Fail open and fast: a stopped or hung Redis costs at most these timeouts, then
            # the request carries on without the cache (/readyz reports it degraded).
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", default=0.5),
                "SOCKET_TIMEOUT": env.float("REDIS_SOCKET_TIMEOUT", default=0.5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["renditions"] = {**CACHES["default"], "KEY_PREFIX": "renditions"}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Spanish (Peru conventions), America/Lima.
LANGUAGE_CODE = "es"
TIME_ZONE = "America/Lima"
USE_I18N = True
USE_TZ = True
# Django has no "qu": LANGUAGES names it, and LANG_INFO (below) gives it a name for the admin.
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("es", "Español"), ("qu", "Runa Simi"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
LANG_INFO.setdefault("qu", {"bidi": False, "code": "qu", "name": "Quechua", "name_local": "Runa Simi"})
# wagtail-localize: no machine translator (no network here); translators work by hand.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# A new translation of a live page starts as a draft: it goes live only through the workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("es", "Español"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["America/Lima"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Municipalidad Provincial del Cusco"
# Absolute links: from the environment, else where this server listens (PORT), never a fixed port.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}")
WAGTAILIMAGES_IMAGE_MODEL = "cms.CustomImage"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "pptx", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_BASE_URL = env("WAGTAILAPI_BASE_URL", default=WAGTAILADMIN_BASE_URL)

# Search: the database backend by default; Elasticsearch 8 (SEARCH_BACKEND=elasticsearch8, the
# `elasticsearch` 8.x client behind Wagtail's elasticsearch8 backend) from the environment (search/ app).
# PostgreSQL uses the "spanish_unaccent" text search configuration (search/migrations/0001), SQLite's
# FTS5 a Porter + diacritics-folding tokenizer; the engine gets a Spanish default analyzer. When the
# engine fails, search.backends answers from the "database" backend, which is kept up to date too.
INSTALLED_APPS.append("search")
SEARCH_BACKEND = env("SEARCH_BACKEND")
SEARCH_URLS = env("SEARCH_URL")
SEARCH_ENGINES = ("elasticsearch8",)  # the engines supported: their client is pinned in requirements.txt
# search.database: Wagtail's database backend, ranking and limiting in SQL (FTS5 bm25, ts_rank + GIN).
DATABASE_SEARCH = {"BACKEND": "search.database"}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASE_SEARCH["SEARCH_CONFIG"] = "spanish_unaccent"
# Accents folded first, so "alcaldia" and "Alcaldía" meet; then Lucene's light Spanish stemmer and
# Snowball's: together they conflate more singular/plural pairs (nota/notas, ciudad/ciudades) than
# either alone (measured with _analyze; light alone leaves words under 5 letters, so not "nota").
SEARCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
                "spanish_light_stemmer": {"type": "stemmer", "language": "light_spanish"},
                "spanish_snowball_stemmer": {"type": "stemmer", "language": "spanish"},
            },
            "analyzer": {
                # The analyzer of every text field Wagtail maps without one, and of queries on them.
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "spanish_stop",
                        "asciifolding",
                        "spanish_light_stemmer",
                        "spanish_snowball_stemmer",
                    ],
                },
                # Wagtail's autocomplete fields are searched with "standard": fold accents there too.
                "standard": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            },
        }
    }
}
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH}
if SEARCH_BACKEND in SEARCH_ENGINES:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "ENGINE": f"wagtail.search.backends.{SEARCH_BACKEND}",
            "FALLBACK": "database",
            "RETRY_AFTER": env.int("SEARCH_RETRY_AFTER", default=30),
            "URLS": SEARCH_URLS or ["http://127.0.0.1:9200"],
            "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", default="cms_"),
            "TIMEOUT": env.int("SEARCH_TIMEOUT", default=3),
            # A failed node is retried on the next URL only; then the database answers.
            "OPTIONS": {"max_retries": max(len(SEARCH_URLS) - 1, 0), "retry_on_timeout": False},
            "INDEX_SETTINGS": SEARCH_INDEX_SETTINGS,
        },
        "database": DATABASE_SEARCH,
    }
elif SEARCH_BACKEND != "database":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"SEARCH_BACKEND must be one of: database, {', '.join(SEARCH_ENGINES)}.")

# The public website, its draft preview and who may call the API from a browser.
WEBSITE_URL = env("WEBSITE_URL").rstrip("/")
PREVIEW_URL = env("PREVIEW_URL", default=f"{WEBSITE_URL}/preview")
CORS_ALLOWED_ORIGINS = env("CORS_ALLOWED_ORIGINS") or [WEBSITE_URL]
CORS_URLS_REGEX = r"^/(api|feeds)/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": PREVIEW_URL}, "SERVE_BASE_URL": WEBSITE_URL}

# Background work: a database-backed queue run by `manage.py worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Moderation (moderation app): callables (dotted paths) `manage.py worker` runs on every
# tick after scheduled publishing and the due tasks; the four-eyes message on Wagtail's
# workflow action URLs (needs request.user and messages, so it goes last).
WORKER_JOBS = []
MIDDLEWARE += ["moderation.middleware.FourEyesMiddleware"]

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Relaciones Públicas MPC <noreply@cusco.gob.pe>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGIN_URL = "wagtailadmin_login"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail logs every page action at INFO; the audit log already keeps them.
    "loggers": {
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", default="WARNING")},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]
PORT = env.int("PORT", default=8000)

# Publishing integrations (publishing app): admin writes commit together with their webhook
# outbox rows; `manage.py worker` calls every dotted path in WORKER_JOBS on each tick.
MIDDLEWARE += ["publishing.middleware.AtomicAdminWritesMiddleware"]  # keep last: it calls the view
WORKER_JOBS += ["publishing.delivery.deliver_due"]
PUBLISHING_PREVIEW_MAX_AGE = env.int("PREVIEW_TOKEN_MAX_AGE", default=600)  # seconds

# Public read API (cms/api): its content-generation table and cache signals; CDN purge of
# API URLs through wagtail.contrib.frontend_cache when WAGTAILFRONTENDCACHE (JSON) is set.
INSTALLED_APPS += ["cms.api"]
# Every public URL read-only, any other method a JSON 405 (before CSRF's HTML 403).
_after_cors = MIDDLEWARE.index("corsheaders.middleware.CorsMiddleware") + 1
MIDDLEWARE.insert(_after_cors, "cms.api.methods.PublicMethodsMiddleware")
WAGTAILFRONTENDCACHE = env.json("WAGTAILFRONTENDCACHE", default={})
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", default=60)
API_CACHE_STALE_WHILE_REVALIDATE = env.int("API_CACHE_STALE_WHILE_REVALIDATE", default=300)
API_CACHE_TIMEOUT = env.int("API_CACHE_TIMEOUT", default=300)

# Civic calendar (events app): occurrences are stored from HISTORY days back to HORIZON days ahead
# (Lima dates); the worker moves that window on as time passes. Ranges outside it are expanded live.
EVENTS_OCCURRENCE_HISTORY_DAYS = env.int("EVENTS_OCCURRENCE_HISTORY_DAYS", default=1095)
EVENTS_OCCURRENCE_HORIZON_DAYS = env.int("EVENTS_OCCURRENCE_HORIZON_DAYS", default=730)
WORKER_JOBS += ["events.occurrences.extend_window"]

# Security (cms/security.py, cms/uploads.py, cms/ratelimit.py; README "Production").
from datetime import timedelta  # noqa: E402

from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

INSTALLED_APPS += ["axes", "csp"]
_after_auth = MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1
MIDDLEWARE[_after_auth:_after_auth] = [
    "cms.security.PasswordFormLockoutMiddleware",
    "axes.middleware.AxesMiddleware",
]
MIDDLEWARE[1:1] = [  # right after SecurityMiddleware; the size check before anything reads the body
    "cms.uploads.RequestSizeLimitMiddleware",
    "cms.ratelimit.RateLimitMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "cms.security.PermissionsPolicyMiddleware",
]
# Content-Security-Policy, enforced everywhere (cms/security.py): scripts only from this origin, no
# inline script, no eval. The admin's pages get CSP_ADMIN_EXTRA on top (what Wagtail 8 still needs;
# the browser test tests/security/test_csp_browser.py checks both, README "Production").
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *env.list("CSP_MEDIA_HOSTS", default=[])],
        "media-src": [SELF, *env.list("CSP_MEDIA_HOSTS", default=[])],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, WEBSITE_URL],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# Wagtail 8's admin still renders widget set-up as inline <script> (choosers, date pickers, our
# moderation notice): the admin's pages (not its login and password-reset forms) allow inline
# scripts; eval, other origins, plugins, <base> and off-site form posts stay refused there too.
CSP_ADMIN_EXTRA = {"script-src": [UNSAFE_INLINE]}
CSP_ADMIN_STRICT_PATHS = ["/admin/login/", "/admin/password_reset/"]
# Login throttling (django-axes): the admin login and the page/collection password forms.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)  # load balancers in front
# Request size: refused from Content-Length before the body is read (413), and while reading.
MAX_REQUEST_BODY_SIZE = max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE) + 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # form fields other than files
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger files go to a temporary file, not memory
FILE_UPLOAD_HANDLERS = [
    "cms.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"
# Public API rate limit per client (cache-based: shared across hosts with Redis; fails open).
API_RATE_LIMIT = env.int("API_RATE_LIMIT", default=600)  # requests per window and client (the website's server is one)
API_PROXY_COUNT = env.int("API_PROXY_COUNT", default=0)  # trusted proxies (load balancer, CDN) in X-Forwarded-For
API_RATE_LIMIT_WINDOW = env.int("API_RATE_LIMIT_WINDOW", default=60)  # seconds
AXES_VERBOSE = False

# Press (media_relations): press notes mailed to the distribution list by the worker, with
# retries; interview requests from the website, throttled per client address.
WORKER_JOBS += ["media_relations.delivery.deliver_due"]
INTERVIEW_REQUESTS_RATE = env("INTERVIEW_REQUESTS_RATE", default="5/hour")
CORS_ALLOW_METHODS = [*CORS_ALLOW_METHODS, "POST"]  # the website's browser form posts interview requests

# Admin (issue 12): no Wagtail update check and no Gravatar (no outside network here: each admin
# page waited ~1 s for them); the office's own Spanish catalogs (cms/locale) and guide (cms/admin_help.py).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Public paths (API, feeds, display pages) in LANGUAGE_CODE with no Vary: Accept-Language (cms/middleware.py).
MIDDLEWARE[MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware")] = "cms.middleware.AdminLocaleMiddleware"

# Wagtail 8's autosave races the editor's own "Enviar a Aprobación del Director" on the create view
# (a second create: duplicate slug, or "database is locked" on SQLite): off; editors save drafts.
WAGTAIL_AUTOSAVE_INTERVAL = 0
