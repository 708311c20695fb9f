from .bulletins import BulletinIndexPage, BulletinPage
from .news import NewsIndexPage, NewsPage, NewsPageCategory
from .speeches import SpeechIndexPage, SpeechPage

__all__ = [
    "BulletinIndexPage",
    "BulletinPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageCategory",
    "SpeechIndexPage",
    "SpeechPage",
]
