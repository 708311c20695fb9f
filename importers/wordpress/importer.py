"""The whole import: a validating scan of the file, then media, posts and late links, each streamed."""

import contextlib
import copy
import itertools
import os
import shutil
import tempfile
import time

from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Site

from cms.dbstats import analyze_after_bulk_load
from importers.wordpress.fast import bulk_index
from importers.wordpress.links import LinkResolver
from importers.wordpress.media import MediaLibrary
from importers.wordpress.progress import Progress
from importers.wordpress.refresh import one_api_refresh
from importers.wordpress.report import Report
from importers.wordpress.targets import Targets
from importers.wordpress.writer import PostWriter
from importers.wordpress.wxr import WXRError, WXRReader

# Posts committed together; inside, each post is its own savepoint: a bad one is rolled back and
# reported, the others of the batch go on. An interrupted run loses at most one batch, and a re-run
# (idempotent) writes it.
BATCH = 50


class DryRunRollback(Exception):
    pass


def batches(iterable, size):
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@contextlib.contextmanager
def dry_run_storage():
    """Files of a dry run go to a temporary folder that is removed: nothing reaches MEDIA_ROOT."""
    folder = tempfile.mkdtemp(prefix="import-wordpress-")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": folder}},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    try:
        with override_settings(STORAGES=storages):
            yield
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_all(writer, report, items, bar=None):
    with transaction.atomic():
        for item in items:
            if item.post_type == "post":
                writer.write(item)
                if bar is not None:
                    bar.step()
            else:
                report.skipped_types[item.post_type] += 1
        writer.flush()


def write_batch(writer, report, batch, bar):
    """A batch in one transaction; if its shared rows fail, it is rolled back and written again post
    by post, so the post at fault is reported and the others are imported."""
    saved = copy.deepcopy(report.__dict__), set(writer.fixups)
    try:
        _write_all(writer, report, batch, bar)
        return
    except Exception:
        report.__dict__.update(saved[0])
        writer.fixups = set(saved[1])
        writer.reload()
    for item in batch:
        saved = copy.deepcopy(report.__dict__), set(writer.fixups)
        try:
            _write_all(writer, report, [item])
        except Exception as error:
            report.__dict__.update(saved[0])
            writer.fixups = set(saved[1])
            writer.reload()
            report.skip(item, "error")
            report.errors.append({"id": item.wp_id, "title": item.title, "error": repr(error)[:500]})


def scan(path, report):
    """Read the whole file once: it must be a well-formed WXR export before anything is written."""
    reader = WXRReader(path)
    attachments, posts = [], []
    for item in reader:
        if item.post_type == "attachment":
            attachments.append(item)
        elif item.post_type == "post":
            posts.append((item.wp_id, item.link, item.status))
    report.site, report.wxr_version = reader.channel.source, reader.channel.wxr_version
    return reader.channel, attachments, posts


def run_import(path, *, uploads=None, dry_run=False, user=None, category_map=None, progress_stream=None):
    started = time.perf_counter()
    report = Report(file=os.path.basename(path), dry_run=dry_run)
    channel, attachments, posts = scan(path, report)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise WXRError("no default site: run `python manage.py bootstrap` first")
    targets = Targets(category_map or {}, site.root_page)
    if missing := targets.missing_sections():
        raise WXRError(f"missing section pages: {', '.join(missing)} (run `python manage.py bootstrap`)")

    media = MediaLibrary(channel.source, uploads, report)
    for item in attachments:
        media.add(item)
    del attachments
    links = LinkResolver(channel, media)

    class Stub:  # what LinkResolver.add_post reads of an item
        def __init__(self, wp_id, link):
            self.wp_id, self.link = wp_id, link

    for wp_id, link, status in posts:
        links.add_post(Stub(wp_id, link), importable=status in ("publish", "private", "draft", "pending", "future"))

    storage = dry_run_storage() if dry_run else contextlib.nullcontext()
    outer = transaction.atomic() if dry_run else contextlib.nullcontext()
    try:
        with storage, outer, one_api_refresh():
            media.load_existing()
            links.load_existing()
            bar = Progress(len(media.attachments), "Medios", progress_stream)
            media.import_all(bar)
            bar.close()
            writer = PostWriter(
                channel=channel,
                file_name=report.file,
                user=user,
                media=media,
                links=links,
                report=report,
                targets=targets,
            )
            bar = Progress(len(posts), "Entradas", progress_stream)
            items = (item for item in WXRReader(path) if item.post_type != "attachment")
            for batch in batches(items, BATCH):
                write_batch(writer, report, batch, bar)
            bar.close()
            if writer.fixups:
                for item in WXRReader(path):
                    if item.wp_id in writer.fixups and item.post_type == "post":
                        writer.write(item, amend=True)
            if not dry_run:  # a dry run leaves an external search engine untouched
                bulk_index(writer.indexed)
                analyze_after_bulk_load()
            report.duration_s = time.perf_counter() - started
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    return report
