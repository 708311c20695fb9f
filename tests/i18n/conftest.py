import pytest


@pytest.fixture
def site_tree(translated_site_tree):
    """Translation tests start from the whole bootstrapped site: home page and sections in every locale."""
    return translated_site_tree
