"""Writing tandems: recording an outcome as a new revision of the tandem page; "become a tandem" applications."""

import logging
import uuid
from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.slugs import slug_ascii
from intake.errors import IntakeRefused
from intake.services import link_create, upload_receive_file
from outbox.services import email_queue_rendered

from .models import TandemApplication, TandemPage, TandemStatusChange
from .selectors import tandem_application_home

logger = logging.getLogger(__name__)


def tandem_outcome_record(*, tandem: TandemPage, status: str, on: date, note: str, user) -> uuid.UUID:
    """Add an outcome and set the tandem's status, as a revision of the page (so a later edit keeps it).

    Published at once by people who may publish the tandem; otherwise it waits as a draft for approval.
    Returns the outcome's translation key, which stays the same across revisions and translations.
    """
    page = tandem.get_latest_revision_as_object()
    outcome = TandemStatusChange(status=status, date=on, note=note, locale_id=page.locale_id)
    page.status_changes.add(outcome)
    page.status = status
    revision = page.save_revision(user=user, log_action=True)
    if tandem.permissions_for_user(user).can_publish():
        revision.publish(user=user)  # the translations follow (tandems.translation_sync)
    return outcome.translation_key


def _story(text: str) -> list[dict]:
    paragraphs = [escape(part.strip()) for part in text.split("\n\n") if part.strip()]
    html = "".join(f"<p>{part.replace(chr(10), '<br/>')}</p>" for part in paragraphs)
    return [{"type": "text", "value": html}]


def _unique_slug(parent, names: str) -> str:
    base = slug_ascii(names, fallback="tandem")
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _draft_create(*, data: dict) -> TandemPage:
    """An unpublished tandem page in the chosen partner's section, submitted to that section's workflow."""
    parent = data.get("partner") or tandem_application_home()
    names = f"{data['newcomer_name']} & {data['mentor_name']}"
    place = data["place"]
    page = TandemPage(title=names, slug=_unique_slug(parent, names), names=names, summary=data["looking_for"],
                      town=place.town, latitude=place.latitude, longitude=place.longitude,
                      mentor_email=data["email"], story=_story(data["story"]), live=False)
    parent.add_child(instance=page)
    if data.get("languages"):
        page.languages.add(*data["languages"])
    page.save_revision(log_action=True)
    if workflow := page.get_workflow():
        workflow.start(page, None)  # the partner's moderators (or staff) review it like any other change
    return page


def _photos_receive(*, link, photos: list, caption: str) -> None:
    """Photos take the phone-upload path: cleaned of metadata and waiting for the partner's approval."""
    for photo in photos:
        try:
            upload_receive_file(link=link, name=photo.name, size=photo.size, source=photo, caption=caption)
        except IntakeRefused:  # damaged inside: the partner sees it as "could not be used"
            logger.info("A photo sent with a tandem application could not be used")


@transaction.atomic
def tandem_application_submit(*, data: dict, language: str) -> TandemApplication:
    """Store an application as a draft tandem page and tell the mentor it arrived, in their language.

    The e-mail brings the mentor a personal upload link, so more photos can follow from the phone.
    """
    page = _draft_create(data=data)
    application = TandemApplication.objects.create(tandem=page, language=language)
    link, token = link_create(tandem=page, user=None, language=language)
    _photos_receive(link=link, photos=data.get("photos") or [], caption=page.names)
    upload_url = settings.BASE_URL + reverse("intake:page", kwargs={"token": token})
    email_queue_rendered(to=data["email"], template="tandems/email/application_received", language=language,
                         context={"upload_url": upload_url}, key=f"tandem-application-{application.pk}-received")
    return application


def tandem_application_published(*, tandem: TandemPage) -> None:
    """The first publish of an applied-for tandem page tells its mentor, once, in the language they wrote in."""
    application = TandemApplication.objects.filter(tandem_id=tandem.pk, published_notified_at=None).first()
    if application is None or not tandem.mentor_email:
        return
    with transaction.atomic():
        email_queue_rendered(to=tandem.mentor_email, template="tandems/email/application_published",
                             language=application.language, context={"url": settings.BASE_URL + tandem.url},
                             key=f"tandem-application-{application.pk}-published")
        TandemApplication.objects.filter(pk=application.pk).update(published_notified_at=timezone.now())
