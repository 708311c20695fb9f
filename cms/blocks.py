"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("cita"))
    attribution = blocks.CharBlock(label=_("atribución"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Cita")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Subtítulo"), form_classname="title", icon="title")
    paragraph = blocks.RichTextBlock(label=_("Párrafo"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(label=_("Imagen"))
    quote = QuoteBlock()
    document = DocumentChooserBlock(label=_("Documento"))
    video = blocks.URLBlock(label=_("Video (enlace)"), icon="media")

    class Meta:
        label = _("Contenido")
