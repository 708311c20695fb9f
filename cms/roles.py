"""The office's groups and what each may do (DESIGN.md §5)."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

REDACTORES = "Redactores"
DIRECTOR = "Director"
ADMINISTRADORES = "Administradores"

# Page permissions per group, granted on the root of the tree.
PAGE_PERMISSIONS = {
    REDACTORES: ["add_page", "change_page", "lock_page", "unlock_page"],
    DIRECTOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRADORES: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def ensure_groups():
    """Create the groups and set their page permissions exactly (repairs drift)."""
    root = Page.get_first_root_node()
    access_admin = Permission.objects.get(content_type__app_label=ADMIN_ACCESS[0], codename=ADMIN_ACCESS[1])
    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        wanted = set(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))
        current = GroupPagePermission.objects.filter(group=group, page=root)
        current.exclude(permission__in=wanted).delete()
        have = set(p.permission for p in current)
        for permission in wanted - have:
            GroupPagePermission.objects.create(group=group, page=root, permission=permission)
        GroupPagePermission.objects.filter(group=group).exclude(page=root).delete()
        groups[name] = group
    return groups
