"""Admin: the "Prensa" menu (interview requests, deliveries, embargo links, office calendar)."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from media_relations import admin_views
from media_relations.admin_forms import InterviewRequestFilterSet, InterviewRequestForm
from media_relations.models import InterviewRequest


class InterviewRequestViewSet(SnippetViewSet):
    model = InterviewRequest
    icon = "user"
    menu_label = _("Solicitudes de entrevista")
    add_to_admin_menu = False
    list_display = ["reference", "journalist", "outlet", "person", "channel", "status", "agreed_at", "created_at"]
    filterset_class = InterviewRequestFilterSet
    search_fields = ["reference", "journalist", "outlet", "topic"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("outlet"), FieldPanel("journalist")]),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                ],
                heading=_("Solicitante"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("person", widget=forms.Select),
                    FieldPanel("topic"),
                    FieldPanel("proposed_dates"),
                    FieldPanel("channel"),
                ],
                heading=_("Entrevista solicitada"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldRowPanel([FieldPanel("agreed_at"), FieldPanel("agreed_place")]),
                    FieldPanel("office_notes"),
                ],
                heading=_("Coordinación de la oficina"),
            ),
        ],
        base_form_class=InterviewRequestForm,
    )

    def get_queryset(self, request):
        return InterviewRequest.objects.select_related("person")


interview_viewset = InterviewRequestViewSet()
register_snippet(interview_viewset)


@hooks.register("register_admin_urls")
def register_press_urls():
    return [
        path("prensa/envios/", admin_views.release_index, name="media_relations_releases"),
        path("prensa/envios/<int:release_id>/", admin_views.release_detail, name="media_relations_release"),
        path("prensa/embargo/", admin_views.embargo_index, name="media_relations_embargo_index"),
        path("prensa/embargo/nota/<int:page_id>/", admin_views.embargo_share, name="media_relations_embargo_share"),
        path("prensa/embargo/<int:link_id>/", admin_views.embargo_link_detail, name="media_relations_embargo_link"),
        path("prensa/calendario/", admin_views.office_calendar_link, name="media_relations_calendar"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_press_menu():
    from wagtail.admin.menu import Menu

    items = [
        PermissionMenuItem(
            _("Solicitudes de entrevista"),
            reverse(interview_viewset.get_url_name("list")),
            name="interview-requests",
            icon_name="user",
            order=100,
            permission="media_relations.view_interviewrequest",
        ),
        PermissionMenuItem(
            _("Calendario de entrevistas"),
            reverse("media_relations_calendar"),
            name="interview-calendar",
            icon_name="date",
            order=200,
            permission="media_relations.view_interviewrequest",
        ),
        PermissionMenuItem(
            _("Envíos a la prensa"),
            reverse("media_relations_releases"),
            name="press-releases",
            icon_name="mail",
            order=300,
            permission=admin_views.VIEW_RELEASES,
        ),
        PermissionMenuItem(
            _("Enlaces con embargo"),
            reverse("media_relations_embargo_index"),
            name="embargo-links",
            icon_name="lock",
            order=400,
            permission="media_relations.view_embargolink",
        ),
    ]
    return SubmenuMenuItem(_("Prensa"), Menu(items=items), name="prensa", icon_name="mail", order=230)
