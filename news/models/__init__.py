from .bulletins import BulletinIndexPage, BulletinPage
from .campaigns import CampaignIndexPage, CampaignPage
from .news import NewsIndexPage, NewsPage, NewsPageCategory
from .speeches import SpeechIndexPage, SpeechPage

__all__ = [
    "BulletinIndexPage",
    "BulletinPage",
    "CampaignIndexPage",
    "CampaignPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageCategory",
    "SpeechIndexPage",
    "SpeechPage",
]
