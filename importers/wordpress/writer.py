"""One WordPress post -> one page: fields, a revision, publication with the original dates, redirects.

The import is an administrator's act: published posts are published directly (no Director
workflow; the content was authorised on the old site) and every write is logged in Wagtail's
audit log as ``importers.import`` with the export's file name.
"""

import html
import re

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator, slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction

from importers.models import ImportedItem
from importers.wordpress.body import BodyConverter, block
from importers.wordpress.categories import CategoryCache
from importers.wordpress.report import Report

LOG_ACTION = "importers.import"
IMPORTER_VERSION = "1"  # part of each item's fingerprint: a new converter re-imports everything once
LIVE_STATUSES = {"publish", "private"}
DRAFT_STATUSES = {"draft", "pending", "future"}
SLUG_RE = re.compile(r"^[-\w]+$")
TAG_RE = re.compile(r"<[^>]+>")


class SkipPost(Exception):
    def __init__(self, reason, detail=""):
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def plain_text(value):
    return " ".join(html.unescape(TAG_RE.sub(" ", value or "")).split())


class PostWriter:
    def __init__(self, *, channel, file_name, user, media, links, report, targets):
        self.channel = channel
        self.source = channel.source
        self.file_name = file_name
        self.user = user
        self.media = media
        self.links = links
        self.report = report
        self.targets = targets
        self.categories = CategoryCache()
        self.authors = self._map_authors()
        self.fixups = set()  # posts whose links to later posts are filled in at the end
        self.amending = False

    def _map_authors(self):
        users = {}
        user_model = get_user_model()
        for login, info in self.channel.authors.items():
            lookup = Q(username__iexact=login)
            if info["email"]:
                lookup |= Q(email__iexact=info["email"])
            users[login] = user_model.objects.filter(lookup, is_active=True).order_by("pk").first()
        return users

    def author(self, item):
        user = self.authors.get(item.creator)
        name = self.channel.authors.get(item.creator, {}).get("display_name") or item.creator
        if user is None and name and not self.amending:
            self.report.authors_unmapped[name] = self.report.authors_unmapped.get(name, 0) + 1
        return user or self.user, name

    # --- one post -------------------------------------------------------------------

    def write(self, item, amend=False):
        """Import one post in its own transaction; returns 'created', 'updated', 'unchanged' or a skip."""
        if item.status in ("trash", "auto-draft"):
            self.report.skip(item, item.status)
            return "skipped"
        if item.status not in LIVE_STATUSES | DRAFT_STATUSES:
            self.report.skip(item, "unknown_status", item.status)
            return "skipped"
        if item.sticky and not amend and item.wp_id not in self.report.sticky:
            self.report.sticky.append(item.wp_id)
        target = self.targets.for_item(item)
        checksum = item.checksum(f"{IMPORTER_VERSION}:{target.model_path}")
        record = ImportedItem.objects.filter(source=self.source, wp_id=item.wp_id).select_related("page").first()
        page = record.page.specific if record and record.page_id else None
        if page is not None and not amend and record.checksum == checksum:
            self.report.skip(item, "unchanged")
            self.links.pages[item.wp_id] = page.pk
            return "unchanged"
        if page is not None and not isinstance(page, target.model):
            self.report.skip(item, "type_changed", f"{page.specific_class.__name__} -> {target.model.__name__}")
            return "skipped"
        self.amending = amend
        try:
            with transaction.atomic():
                outcome = self._write(item, target, page, record, checksum, amend)
        except SkipPost as skip:
            self.report.skip(item, skip.reason, skip.detail)
            return "skipped"
        except Exception as error:  # one bad post is reported; the others go on
            self.report.skip(item, "error")
            self.report.errors.append({"id": item.wp_id, "title": item.title, "error": repr(error)[:500]})
            return "error"
        if not amend:
            getattr(self.report, outcome)[target.model_path] += 1
        return outcome

    def _write(self, item, target, page, record, checksum, amend):
        self.links.unresolved = False
        # The late-links pass converts a body a second time: its findings were already reported.
        findings = Report(file=self.file_name) if amend else self.report
        converter = BodyConverter(item.wp_id, self.media, self.links, findings)
        body = converter.convert(item.content)
        if amend:
            self.report.links_internal += findings.links_internal
        if self.links.unresolved and not amend:
            self.fixups.add(item.wp_id)
        author, author_name = self.author(item)
        published = item.published_at or item.modified_at or timezone.now()
        modified = item.modified_at or published
        lead = self.lead(item, body)
        if not body:
            body = [block("paragraph", f"<p>{html.escape(lead, quote=False)}</p>")]
        fields = target.fields(self, item, converter, body=body, lead=lead, published=published)
        # A scheduled post stays a draft that keeps its go-live time (approval then schedules it).
        fields["go_live_at"] = published if item.status == "future" and published > timezone.now() else None

        created = page is None
        if created:
            page = target.model(owner=author, locale=target.parent.locale, live=False, **fields)
            page.slug = self.free_slug(target.parent, item, None)
            target.parent.add_child(instance=page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
            page.slug = self.free_slug(target.parent, item, page)
        for name, value in target.relations(self, item).items():
            setattr(page, name, value)

        if amend:
            return self._amend(page)
        # A new page was validated by add_child's save a moment ago; an update is validated here.
        revision = page.save_revision(user=author, log_action=False, changed=True, clean=not created)
        if item.status in LIVE_STATUSES:
            revision.publish(user=self.user, log_action=False, skip_permission_checks=True)
            Page.objects.filter(pk=page.pk).update(first_published_at=published, last_published_at=modified)
        elif page.live:  # published before, a draft (or scheduled) in the export now
            page.unpublish(user=self.user, log_action=True)
        self._restriction(page, item.status == "private")
        log(
            instance=page,
            action=LOG_ACTION,
            user=self.user,
            revision=revision,
            data={
                "file": self.file_name,
                "source": self.source,
                "post_id": item.wp_id,
                "status": item.status,
                "original_author": author_name,
                "created": created,
            },
        )
        ImportedItem.objects.update_or_create(
            source=self.source,
            wp_id=item.wp_id,
            defaults={
                "kind": ImportedItem.Kind.POST,
                "page": page,
                "checksum": checksum,
                "permalink": item.link,
                "author_name": author_name[:255],
            },
        )
        self.links.pages[item.wp_id] = page.pk
        if item.status == "publish":
            self._redirects(item, page)
        return "created" if created else "updated"

    def _amend(self, page):
        """Links to posts imported later in the run: rewrite this run's revision in place."""
        revision = page.latest_revision
        revision.content = page.serializable_data()
        revision.save(update_fields=["content"])
        page.save(clean=False, update_fields=["body"])
        return "updated"

    # --- fields ---------------------------------------------------------------------

    def lead(self, item, body):
        text = plain_text(item.excerpt)
        if not text:  # WordPress's automatic excerpt: the first 55 words of the content
            text = Truncator(plain_text(item.content)).words(55, truncate="…")
        text = text or item.title.strip() or f"Entrada {item.wp_id}"
        return Truncator(text).chars(400, truncate="…")

    def free_slug(self, parent, item, page):
        """The post's slug when free among the section's pages, else the first free '-2', '-3'…"""
        base = item.decoded_slug
        if not SLUG_RE.match(base):
            base = slugify(base or item.title, allow_unicode=True)
        base = (base or f"entrada-{item.wp_id}")[:240]
        siblings = Page.objects.child_of(parent)
        if page is not None:
            siblings = siblings.exclude(pk=page.pk)
        # Exact matches on the indexed slug: a prefix (LIKE) search would scan the section's pages per post.
        slug, number = base, 2
        while siblings.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def image_for(self, item):
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if not thumbnail.isdigit():
            return None
        image_id = self.media.image_id(int(thumbnail))
        if image_id is None:
            attachment = self.media.attachments.get(int(thumbnail))
            self.report.missing(
                int(thumbnail), attachment.path if attachment else "(adjunto no exportado)", item.wp_id
            )
        return image_id

    # --- view restriction and redirects -----------------------------------------------

    def _restriction(self, page, private):
        restrictions = PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.LOGIN)
        if private and not restrictions.exists():
            PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        elif not private:
            restrictions.delete()

    def _redirects(self, item, page):
        paths = {self.links.query_id_path(item.wp_id)}
        if item.link:
            paths.add(Redirect.normalise_path(item.link))
        for old_path in sorted(paths):
            if old_path in ("", "/"):
                continue
            if len(old_path) > 255:
                self.report.redirects_skipped.append({"id": item.wp_id, "path": old_path, "reason": "path > 255"})
                continue
            redirect = Redirect.objects.filter(site=None, old_path=old_path).first()
            if redirect is None:
                Redirect.objects.create(old_path=old_path, site=None, redirect_page=page, is_permanent=True)
                self.report.redirects_created += 1
            elif redirect.redirect_page_id != page.pk or not redirect.is_permanent:
                redirect.redirect_page, redirect.redirect_link, redirect.is_permanent = page, "", True
                redirect.save()
                self.report.redirects_updated += 1
