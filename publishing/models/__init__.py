from .webhooks import Delivery, DeliveryAttempt, OutboxEvent, WebhookEndpoint, WebhookEvent
from .withdrawals import Withdrawal

__all__ = [
    "Delivery",
    "DeliveryAttempt",
    "OutboxEvent",
    "WebhookEndpoint",
    "WebhookEvent",
    "Withdrawal",
]
