"""The import's entry in Wagtail's audit log (page history and the site history report)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from importers.wordpress.writer import LOG_ACTION


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    @actions.register_action(LOG_ACTION)
    class WordPressImportFormatter(LogFormatter):
        label = _("Importar desde WordPress")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Importada desde WordPress (archivo «%(file)s», entrada %(post_id)s, estado «%(status)s»)") % {
                "file": data.get("file", ""),
                "post_id": data.get("post_id", ""),
                "status": data.get("status", ""),
            }

        def format_comment(self, log_entry):
            author = (log_entry.data or {}).get("original_author")
            return _("Autor original: %(author)s") % {"author": author} if author else ""
