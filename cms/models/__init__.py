from .contacts import Institution, MediaOutlet
from .images import CustomImage, CustomRendition
from .snippets import Category, Person

__all__ = ["Category", "CustomImage", "CustomRendition", "Institution", "MediaOutlet", "Person"]
