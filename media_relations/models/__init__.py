from .distribution import DeliveryAttempt, PressDelivery, PressRelease
from .embargo import EmbargoLink, EmbargoOpening
from .interviews import InterviewRequest

__all__ = [
    "DeliveryAttempt",
    "EmbargoLink",
    "EmbargoOpening",
    "InterviewRequest",
    "PressDelivery",
    "PressRelease",
]
