"""Admin: webhooks and their delivery log (modeladmin), withdrawals, the "Retirar" page action."""

from django.contrib.admin.utils import quote
from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from publishing.admin_views import RequeueView, withdraw_view
from publishing.forms import WebhookEndpointForm
from publishing.models import Delivery, WebhookEndpoint, Withdrawal
from publishing.withdrawals import LOG_ACTION, can_withdraw


@hooks.register("register_log_actions")
def register_withdraw_log_action(actions):
    @actions.register_action(LOG_ACTION)
    class WithdrawFormatter(LogFormatter):
        label = _("Retirar con motivo público")
        message = _("Retirada del sitio público")

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("reason", "")


@hooks.register("register_admin_urls")
def register_withdraw_url():
    return [path("publishing/withdraw/<int:page_id>/", withdraw_view, name="publishing_withdraw")]


class WithdrawMenuItem(PageMenuItem):
    label = _("Retirar con motivo")
    icon_name = "warning"
    url_name = "publishing_withdraw"

    def is_shown(self, user):
        return self.page.live and can_withdraw(self.page, user)


@hooks.register("register_page_header_buttons")
def withdraw_header_button(page, user, view_name, next_url=None):
    yield WithdrawMenuItem(page=page, next_url=next_url, priority=61)


@hooks.register("register_page_listing_more_buttons")
def withdraw_listing_button(page, user, next_url=None):
    yield WithdrawMenuItem(page=page, next_url=next_url, priority=41)


class ReadOnlyPermissionHelper(PermissionHelper):
    """The log is written by the system: people may look (and re-queue), not add, edit or delete."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_requeue(self, user, obj):
        return self.user_has_specific_permission(user, self.get_perm_codename("change"))


class DeliveryButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if self.permission_helper.user_can_requeue(self.request.user, obj):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url("requeue", quote(obj.pk)),
                    "label": _("Reenviar"),
                    "classname": self.finalise_classname(["button-secondary"]),
                    "title": _("Enviar de nuevo este evento"),
                }
            )
        return buttons


class WebhookEndpointAdmin(ModelAdmin):
    model = WebhookEndpoint
    menu_label = _("Webhooks")
    menu_icon = "link"
    list_display = ("name", "url", "active")
    list_filter = ("active",)
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("url"), FieldPanel("secret"), FieldPanel("events"), FieldPanel("active")],
        base_form_class=WebhookEndpointForm,
    )


class DeliveryAdmin(ModelAdmin):
    model = Delivery
    menu_label = _("Entregas")
    menu_icon = "list-ul"
    list_display = ("event", "endpoint", "status", "attempts", "next_attempt_at", "last_status_code", "delivered_at")
    list_filter = ("status", "event__event")
    list_select_related = ("event", "endpoint")
    inspect_view_enabled = True
    inspect_view_fields = ("event", "endpoint", "status", "attempts", "max_attempts", "next_attempt_at", "last_error")
    inspect_template_name = "publishing/delivery_inspect.html"
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = DeliveryButtonHelper

    def requeue_view(self, request, instance_pk):
        return RequeueView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            re_path(
                self.url_helper.get_action_url_pattern("requeue"),
                self.requeue_view,
                name=self.url_helper.get_action_url_name("requeue"),
            ),
        )


class WithdrawalAdmin(ModelAdmin):
    model = Withdrawal
    menu_label = _("Retiros")
    menu_icon = "warning"
    list_display = ("title", "path", "reason", "withdrawn_at", "withdrawn_by", "cleared_at")
    list_select_related = ("withdrawn_by",)
    search_fields = ("title", "path", "reason")
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper


@modeladmin_register
class PublishingGroup(ModelAdminGroup):
    menu_label = _("Publicación")
    menu_icon = "link"
    menu_order = 250
    items = (WebhookEndpointAdmin, DeliveryAdmin, WithdrawalAdmin)
