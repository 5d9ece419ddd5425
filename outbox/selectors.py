"""Reads about the outbox, for health checks and the staff dashboard."""

from datetime import timedelta

from django.utils import timezone

from .models import UNDELIVERABLE, EmailStatus, OutgoingEmail


def outbox_oldest_waiting_age() -> timedelta | None:
    """How long the oldest e-mail not yet sent (and not given up on) has waited; None when none waits."""
    oldest = OutgoingEmail.objects.filter(status__in=(EmailStatus.PENDING, EmailStatus.SENDING)) \
        .order_by("created_at").values_list("created_at", flat=True).first()
    return timezone.now() - oldest if oldest else None


def outbox_undeliverable_count() -> int:
    return OutgoingEmail.objects.filter(status__in=UNDELIVERABLE).count()
