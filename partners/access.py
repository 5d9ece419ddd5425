"""Who may work in a partner's section: staff invite editors and moderators by e-mail and revoke access.

The invitee sets their own password through Wagtail's signed password-reset link (Django's token: valid for
PASSWORD_RESET_TIMEOUT, void once the password is set), so no password ever travels by e-mail.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from outbox.services import email_queue_rendered

from .models import PartnerPage

ROLES = ("editors", "moderators")


def partner_members(*, partner: PartnerPage) -> QuerySet:
    groups = Q(groups=partner.editors_group_id) | Q(groups=partner.moderators_group_id)
    return get_user_model().objects.filter(groups).distinct().prefetch_related("groups").order_by("email")


def _password_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.BASE_URL + reverse("wagtailadmin_password_reset_confirm", args=[uid, token])


@transaction.atomic
def partner_invite(*, partner: PartnerPage, email: str, role: str, language: str, inviter):
    """Give the person with this address the role in the partner's section, creating their account if new."""
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = users.create(username=email.lower(), email=email, is_active=True)
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(getattr(partner, f"{role}_group"))
    email_queue_rendered(
        to=user.email, template="partners/email/invite", language=language,
        key=f"partner-invite-{partner.pk}-{user.pk}-{role}-{timezone.localdate().isoformat()}",
        context={"partner": partner, "role": role, "inviter": inviter, "new_account": created,
                 "link": _password_link(user) if created else settings.BASE_URL + reverse("wagtailadmin_home")},
    )
    return user


def partner_access_revoke(*, partner: PartnerPage, user) -> None:
    user.groups.remove(*[group for group in (partner.editors_group, partner.moderators_group) if group])
