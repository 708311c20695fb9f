"""Prepares the browser suite's own database in a process of its own (`python -m tests.e2e.prepare`):
migrate, bootstrap, and one account per role. Run by tests/e2e/conftest.py; DATABASE_URL names the file."""

import django
from django.core.management import call_command

# username: (group, first name, last name); every password is PASSWORD.
PASSWORD = "clave-e2e-123"  # noqa: S105
USERS = {
    "redactor": ("Redactores", "Rosa", "Quispe"),
    "director": ("Director", "Carlos Alberto", "Chirau Flores"),
    "director2": ("Director", "Director(a)", "encargado(a)"),
    "admin": (None, "Administrador", "del sistema"),
}


def create_users():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    for username, (group, first_name, last_name) in USERS.items():
        fields = {"email": f"{username}@cusco.gob.pe", "first_name": first_name, "last_name": last_name}
        if group is None:
            User.objects.create_superuser(username, password=PASSWORD, **fields)
        else:
            User.objects.create_user(username, password=PASSWORD, **fields).groups.add(Group.objects.get(name=group))


def main():
    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("bootstrap", verbosity=0)
    create_users()


if __name__ == "__main__":
    main()
