"""The office's groups and exactly what each may do (DESIGN.md §5).

`ensure_groups()` sets every permission of the three groups to what is written here:
missing ones are added and anything else is removed, so running `bootstrap` repairs
drift made through the admin. Nobody but a superuser edits groups in the admin.
"""

import logging

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.documents import get_permission_policy as get_document_permission_policy
from wagtail.images import get_permission_policy as get_image_permission_policy
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

logger = logging.getLogger(__name__)

REDACTORES = "Redactores"
DIRECTOR = "Director"
ADMINISTRADORES = "Administradores"

# Wagtail's initial migrations create these; "Moderators" may publish, which would
# bypass the Director. They are removed while nobody belongs to them.
STOCK_GROUPS = ("Moderators", "Editors")

# Page permissions, granted on the root of the tree (so on every page).
# Without publish_page a user cannot publish, unpublish, delete or move live pages.
PAGE_PERMISSIONS = {
    REDACTORES: ["add_page", "change_page", "lock_page"],
    DIRECTOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRADORES: [],
}

# Collection permissions on the root collection: (model, actions). "choose" is the
# chooser permission; "add" also lets the uploader edit or delete their own files; "change"
# edits and deletes anyone's (Wagtail's ownership policy), so only the Director holds it:
# a Redactor never removes a photo or PDF that live pages use.
_OWN_MEDIA = ("add", "choose")
_ALL_MEDIA = ("add", "change", "choose", "delete")
COLLECTION_PERMISSIONS = {
    REDACTORES: [("image", _OWN_MEDIA), ("document", _OWN_MEDIA)],
    DIRECTOR: [("image", _ALL_MEDIA), ("document", _ALL_MEDIA)],
    ADMINISTRADORES: [("collection", ("add", "change", "delete"))],
}

# Plain model permissions ("app_label.codename").
_ACCESS = ["wagtailadmin.access_admin"]
# wagtail-localize: "Traducir esta página" (the translation is published only through the workflow).
_TRANSLATE = ["wagtail_localize.submit_translation"]
_PRESS_CONTACTS_EDIT = [f"cms.{a}_{m}" for m in ("mediaoutlet", "institution") for a in ("add", "change")]
_PRESS_CONTACTS_ALL = [f"cms.{a}_{m}" for m in ("mediaoutlet", "institution") for a in ("add", "change", "delete")]
# Press (media_relations): Redactores work on interview requests and see deliveries and embargo
# links; only the Director schedules interviews with the Mayor, accredits and resends.
_PRESS_WORK = [
    *[f"media_relations.{a}_interviewrequest" for a in ("add", "change", "view")],
    "media_relations.view_pressrelease",
    *[f"media_relations.{a}_embargolink" for a in ("add", "change", "view")],
]
_PRESS_DIRECTOR = [
    *_PRESS_WORK,
    "media_relations.delete_interviewrequest",
    "media_relations.schedule_mayor_interview",
    "media_relations.resend_pressrelease",
    "cms.accredit_contact",
]
MODEL_PERMISSIONS = {
    REDACTORES: [
        *_ACCESS,
        *_TRANSLATE,
        "cms.add_person",
        "cms.change_person",
        "cms.add_category",
        "cms.change_category",
        "screens.add_alert",
        "screens.change_alert",
        "screens.lock_alert",
        *_PRESS_CONTACTS_EDIT,
        *_PRESS_WORK,
    ],
    DIRECTOR: [
        *_ACCESS,
        *_TRANSLATE,
        *[f"cms.{a}_{m}" for m in ("person", "category") for a in ("add", "change", "delete")],
        *[f"screens.{a}_alert" for a in ("add", "change", "delete", "publish", "lock", "unlock")],
        *_PRESS_CONTACTS_ALL,
        "publishing.view_withdrawal",
        *_PRESS_DIRECTOR,
    ],
    ADMINISTRADORES: [
        *_ACCESS,
        *[f"auth.{a}_user" for a in ("add", "change", "delete")],
        *[f"wagtailcore.{a}_{m}" for m in ("site", "locale") for a in ("add", "change", "delete")],
        *[f"wagtailredirects.{a}_redirect" for a in ("add", "change", "delete")],
        *[f"screens.{a}_screen" for a in ("add", "change", "delete")],
        *[f"cms.{a}_{m}" for m in ("term", "pagetermoverride") for a in ("add", "change", "delete")],
        *_PRESS_CONTACTS_ALL,
        # Website hand-off: webhook endpoints, their deliveries ("reenviar") and withdrawals.
        *[f"publishing.{a}_webhookendpoint" for a in ("add", "change", "delete", "view")],
        "publishing.view_delivery",
        "publishing.change_delivery",
        "publishing.view_withdrawal",
    ],
}


def settings_permissions():
    """`change_<model>` of every registered settings model (wagtail.contrib.settings): Administradores."""
    from wagtail.contrib.settings.registry import registry

    return [f"{model._meta.app_label}.change_{model._meta.model_name}" for model in registry]


def _model_permissions(names):
    wanted = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".", 1)
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    found = set(Permission.objects.filter(wanted).select_related("content_type"))
    missing = set(names) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
    for name in sorted(missing):
        logger.warning("Permission %s does not exist (is its app installed and migrated?)", name)
    return found


def _media_model(kind):
    """The model whose permissions the admin checks: Wagtail's image and document permission
    policies check `wagtailimages.Image` / `wagtaildocs.Document` even for a custom image model."""
    if kind == "collection":
        return Collection
    get_policy = {"image": get_image_permission_policy, "document": get_document_permission_policy}[kind]
    return get_policy().auth_model


def _collection_permissions(entries):
    permissions = set()
    for kind, actions in entries:
        model = _media_model(kind)
        content_type = ContentType.objects.get_for_model(model)
        codenames = [f"choose_{kind}" if a == "choose" else f"{a}_{model._meta.model_name}" for a in actions]
        found = list(Permission.objects.filter(content_type=content_type, codename__in=codenames))
        if len(found) != len(codenames):
            raise LookupError(f"Missing collection permissions for {kind}: {codenames}")
        permissions.update(found)
    return permissions


def _set_page_permissions(group, root, codenames):
    wanted = set(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))
    GroupPagePermission.objects.filter(group=group).exclude(page=root).delete()
    current = GroupPagePermission.objects.filter(group=group, page=root)
    current.exclude(permission__in=wanted).delete()
    have = {p.permission for p in current.select_related("permission")}
    for permission in wanted - have:
        GroupPagePermission.objects.create(group=group, page=root, permission=permission)


def _set_collection_permissions(group, root, permissions):
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=root).delete()
    current = GroupCollectionPermission.objects.filter(group=group, collection=root)
    current.exclude(permission__in=permissions).delete()
    have = {p.permission for p in current.select_related("permission")}
    for permission in permissions - have:
        GroupCollectionPermission.objects.create(group=group, collection=root, permission=permission)


def wanted_model_permissions(name):
    names = list(MODEL_PERMISSIONS[name])
    if name == ADMINISTRADORES:
        names += settings_permissions()
    return _model_permissions(names)


def ensure_groups():
    """Create the groups and set their permissions exactly (repairs drift)."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in (REDACTORES, DIRECTOR, ADMINISTRADORES):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(wanted_model_permissions(name))
        _set_page_permissions(group, root_page, PAGE_PERMISSIONS[name])
        _set_collection_permissions(group, root_collection, _collection_permissions(COLLECTION_PERMISSIONS[name]))
        groups[name] = group
    Group.objects.filter(name__in=STOCK_GROUPS, user__isnull=True).delete()
    return groups


def is_director(user):
    """Members of the Director group (and superusers) review and authorise publications."""
    if not (user.is_active and user.is_authenticated):
        return False
    return user.is_superuser or user.groups.filter(name=DIRECTOR).exists()
