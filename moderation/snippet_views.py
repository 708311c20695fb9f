"""The moderated snippets' edit view: approving from the editor, changing nothing, approves the
submitted revision.

Wagtail's snippet edit view saves a new revision before every action, even when the form has no
change; with WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT that revision (the reviewer's own)
restarts the review instead of publishing what was submitted. Pages do not have this problem:
their edit view saves a revision for a workflow action only when the form changed.
"""

from wagtail.snippets.views.snippets import EditView

from moderation.messages import warn_if_changed_while_reviewing


class ModeratedSnippetEditView(EditView):
    def save_instance(self):
        if self.action == "workflow-action" and not self.form.has_changed():
            self.new_revision = self.live_object.latest_revision
            return self.object
        if self.action == "workflow-action":
            warn_if_changed_while_reviewing(self.request, changed=True)
        return super().save_instance()
