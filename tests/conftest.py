import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches

from cms.bootstrap import bootstrap
from cms.roles import ADMINISTRADORES, DIRECTOR, REDACTORES

pytest_plugins = ["tests.cache_backends"]  # the cache_backend fixture: locmem and real Redis (REDIS_TEST_URL)


@pytest.fixture(autouse=True)
def clear_caches():
    """Each test starts with empty caches: cached API responses are keyed by a content
    generation that the database rollback between tests resets."""
    for alias in caches:
        caches[alias].clear()
    yield


@pytest.fixture
def site_tree(db):
    """The bootstrapped site: home page, the section indexes, locales and groups, in Spanish only
    (the translated tree costs ~3 s a test; tests that translate use ``translated_site_tree``)."""
    return bootstrap(translations=False)


@pytest.fixture
def translated_site_tree(db):
    """The site as ``make run`` bootstraps it: home page and sections in es, qu and en."""
    return bootstrap()


def _user(username, group_name, site_tree):
    user = get_user_model().objects.create_user(username, f"{username}@cusco.gob.pe", "clave-de-prueba-123")
    user.groups.add(site_tree["groups"][group_name])
    return user


@pytest.fixture
def redactor(site_tree):
    return _user("redactor", REDACTORES, site_tree)


@pytest.fixture
def director(site_tree):
    return _user("director", DIRECTOR, site_tree)


@pytest.fixture
def director2(site_tree):
    return _user("director2", DIRECTOR, site_tree)


@pytest.fixture
def administrador(site_tree):
    return _user("administrador", ADMINISTRADORES, site_tree)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@cusco.gob.pe", "clave-de-prueba-123")
