"""Demo content for the lobby displays; `seed_demo` calls seed_screens(stdout)."""

import datetime

from django.db import transaction
from django.utils import timezone

from screens.models import Alert, Screen

SCREEN = {
    "slug": "palacio-municipal",
    "name": "Palacio Municipal",
    "building": "Palacio Municipal, Plaza Regocijo S/N",
    "play_from": datetime.time(6, 0),
    "play_until": datetime.time(22, 0),
    "play_days": "1234567",
}
ALERT_TITLE = "Cierre de vías por la Semana Jubilar"
ALERT_MESSAGE = (
    "Durante las celebraciones de la Semana Jubilar del Cusco se restringe el tránsito vehicular "
    "en la Plaza de Armas, la Plaza Regocijo y las calles adyacentes. Use las vías alternas "
    "señalizadas y siga las indicaciones de la Policía Municipal."
)


@transaction.atomic
def seed_screens(stdout):
    """Idempotent: the Palacio Municipal screen and one published informational alert (30 days)."""
    screen, created = Screen.objects.get_or_create(slug=SCREEN["slug"], defaults=SCREEN)
    stdout.write(f"Pantalla {screen.slug}: {'creada' if created else 'ya existía'}\n")

    if Alert.objects.filter(title=ALERT_TITLE).exists():
        stdout.write(f"Alerta «{ALERT_TITLE}»: ya existía\n")
        return screen
    now = timezone.now()
    alert = Alert.objects.create(
        title=ALERT_TITLE,
        message=ALERT_MESSAGE,
        severity=Alert.Severity.INFO,
        starts_at=now,
        ends_at=now + datetime.timedelta(days=30),
        all_screens=True,
        show_on_website=True,
    )
    alert.save_revision().publish()
    stdout.write(f"Alerta «{ALERT_TITLE}»: publicada hasta {timezone.localtime(alert.ends_at):%d/%m/%Y}\n")
    return screen
