"""WordPress categories and tags -> cms.Category (one shared list), found by slug, then by name."""

import hashlib
from urllib.parse import unquote

from django.db import transaction
from django.utils.text import slugify

from cms.models import Category

DOMAINS = {"category", "post_tag"}


def category_slug(nicename, name):
    slug = slugify(unquote(nicename or "")) or slugify(name)
    if not slug:  # a name in a non-Latin script: a stable ASCII slug from it
        slug = "categoria-" + hashlib.sha1(name.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
    return slug[:100]


class CategoryCache:
    def __init__(self):
        self.by_slug = {}

    def for_item(self, item):
        found = []
        for domain, nicename, name in item.categories:
            name = " ".join((name or "").split())[:100]
            if domain not in DOMAINS or not name:
                continue
            category = self.get(category_slug(nicename, name), name)
            if category.pk not in {c.pk for c in found}:
                found.append(category)
        return found

    def get(self, slug, name):
        category = self.by_slug.get(slug)
        if category is not None:
            return category
        category = (
            Category.objects.filter(slug=slug).first()
            or Category.objects.filter(name__iexact=name).first()
            or self._create(slug, name)
        )
        # Remembered once committed: a post rolled back must not leave a category that no longer exists.
        transaction.on_commit(lambda: self.by_slug.setdefault(slug, category))
        return category

    def _create(self, slug, name):
        unique, number = slug, 2
        while Category.objects.filter(slug=unique).exists():
            unique, number = f"{slug[:95]}-{number}", number + 1
        return Category.objects.create(slug=unique, name=name)
