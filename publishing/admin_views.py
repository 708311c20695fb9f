"""Admin views: the Director's "Retirar" (withdraw with a public reason) and the log's "Reenviar"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_modeladmin.views import InstanceSpecificView

from publishing.delivery import requeue
from publishing.forms import WithdrawForm
from publishing.models import Delivery
from publishing.withdrawals import can_withdraw, withdraw


def withdraw_view(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not can_withdraw(page, request.user):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore", args=[page.get_parent().id])
    if not page.live:
        messages.error(request, _("Solo se puede retirar una página publicada."))
        return redirect(next_url)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            withdraw(page, request.user, form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error("reason", exc.message_dict.get("reason", exc.messages))
        else:
            messages.success(request, _("«%(title)s» fue retirada con motivo público.") % {"title": page.title})
            return redirect(next_url)
    return TemplateResponse(
        request, "publishing/withdraw.html", {"page": page, "form": form, "next": next_url}, status=200
    )


class RequeueView(InstanceSpecificView):
    """Confirm (GET) and re-queue (POST) one delivery; it is sent again as a retry."""

    page_title = _("Reenviar")
    template_name = "publishing/requeue.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_requeue(user, self.instance)

    def dispatch(self, request, *args, **kwargs):
        if not self.check_action_permitted(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Reenviar")

    def post(self, request, *args, **kwargs):
        if requeue([self.instance.pk]):
            messages.success(request, _("La entrega se reenviará en el próximo ciclo del trabajador."))
        else:
            messages.error(request, _("La entrega se está enviando ahora; inténtelo en un momento."))
        return redirect(self.index_url)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sending"] = self.instance.status == Delivery.Status.SENDING
        return context
