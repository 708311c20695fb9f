"""What the reviewer is told when they change content while reviewing it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

CHANGED_WHILE_REVIEWING = _(
    "Usted cambió el contenido al revisarlo: sus cambios se guardaron como una revisión suya y la "
    "revisión empezó de nuevo. Debe aprobarla otro miembro del grupo Director (regla de los cuatro ojos), "
    "o use la publicación de emergencia con un motivo por escrito."
)
CONFIRM_CHANGED_WHILE_REVIEWING = _(
    "Usted cambió el contenido. Si continúa, sus cambios se guardarán como una revisión suya y no se "
    "publicará lo enviado: deberá aprobarla otro miembro del grupo Director (o use la publicación de "
    "emergencia). ¿Guardar sus cambios y reiniciar la revisión?"
)


def warn_if_changed_while_reviewing(request, changed):
    if changed:
        messages.warning(request, CHANGED_WHILE_REVIEWING)
