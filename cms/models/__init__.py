from .contacts import Institution, MediaOutlet
from .images import CustomImage, CustomRendition
from .snippets import Category, Person
from .terms import PageTermOverride, Term

__all__ = [
    "Category",
    "CustomImage",
    "CustomRendition",
    "Institution",
    "MediaOutlet",
    "PageTermOverride",
    "Person",
    "Term",
]
