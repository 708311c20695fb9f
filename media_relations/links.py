"""Signed, login-free addresses on the CMS host: one-click unsubscribe, embargo links, office ICS."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.urls import reverse

UNSUBSCRIBE_SALT = "media_relations.unsubscribe"
CALENDAR_SALT = "media_relations.office-calendar"


def absolute(path):
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + path


def unsubscribe_token(contact):
    content_type = ContentType.objects.get_for_model(contact)
    return signing.dumps([content_type.model, contact.pk], salt=UNSUBSCRIBE_SALT, compress=True)


def contact_from_unsubscribe_token(token):
    """The contact the token was made for, or None (bad signature, unknown contact)."""
    try:
        model_name, pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        model = ContentType.objects.get(app_label="cms", model=model_name).model_class()
        return model.objects.get(pk=pk)
    except (signing.BadSignature, ValueError, TypeError, ContentType.DoesNotExist):
        return None
    except Exception as exc:
        if exc.__class__.__name__ == "DoesNotExist":
            return None
        raise


def unsubscribe_url(contact):
    return absolute(reverse("press_unsubscribe", args=[unsubscribe_token(contact)]))


def embargo_url(link):
    return absolute(reverse("press_embargo", args=[link.token]))


def calendar_token(user):
    return signing.dumps(user.pk, salt=CALENDAR_SALT)


def user_from_calendar_token(token):
    from django.contrib.auth import get_user_model

    try:
        pk = signing.loads(token, salt=CALENDAR_SALT)
        return get_user_model().objects.get(pk=pk, is_active=True)
    except (signing.BadSignature, ValueError, TypeError, get_user_model().DoesNotExist):
        return None


def calendar_url(user):
    return absolute(reverse("press_office_calendar", args=[calendar_token(user)]))
