"""A tandem's translations follow its status and outcomes when the German page is published.

The status is a choice, the same in every language; the outcomes (date, status, note) are rows translated by
wagtail-localize. Without this, a translation kept the old status and outcomes until someone ran "Sync
translated pages" — and a translation's newer draft brought the old status back when it was published.
A note someone translated stays; an untranslated one (empty, or still the old German text) follows.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import PageLogEntry, Revision

from .models import TandemPage, TandemStatusChange

OUTCOME_FIELDS = ("date", "status", "sort_order")


def _previous_notes(*, tandem: TandemPage, revision: Revision | None) -> dict:
    """The outcome notes as last published before `revision`: the German text a translation may still hold."""
    entry = (PageLogEntry.objects.filter(page=tandem, action="wagtail.publish", revision__isnull=False)
             .exclude(revision=revision).order_by("-timestamp", "-pk").first())
    if entry is None:
        return {}
    return {str(change.translation_key): change.note for change in entry.revision.as_object().status_changes.all()}


def _follow(page: TandemPage, *, source: TandemPage, old_notes: dict) -> None:
    """Give `page` (a translation, live or a draft in memory) the source's status and outcomes."""
    page.status = source.status
    # str(): a page read from a revision holds its keys as text, a live one as UUIDs.
    own = {str(change.translation_key): change for change in page.status_changes.all()}
    wanted = []
    for outcome in source.status_changes.all():
        key = str(outcome.translation_key)
        change = own.get(key) or TandemStatusChange(
            translation_key=outcome.translation_key, locale_id=page.locale_id)
        for name in OUTCOME_FIELDS:
            setattr(change, name, getattr(outcome, name))
        if not change.note or change.note == old_notes.get(key):
            change.note = outcome.note
        wanted.append(change)
    page.status_changes.set(wanted)


@transaction.atomic
def tandem_translations_follow(*, tandem: TandemPage, revision: Revision | None = None) -> list[TandemPage]:
    """After `tandem` (the source) is published: its translations' live rows and newer drafts follow."""
    old_notes = _previous_notes(tandem=tandem, revision=revision)
    # Aliases (a language not translated yet) are kept in step by Wagtail itself.
    translations = TandemPage.objects.filter(translation_key=tandem.translation_key, alias_of__isnull=True
                                             ).exclude(pk=tandem.pk)
    for translation in translations:
        _follow(translation, source=tandem, old_notes=old_notes)
        translation.save(update_fields=["status", "status_changes"], clean=False)
        draft = translation.latest_revision
        if translation.has_unpublished_changes and draft and draft != translation.live_revision:
            page = draft.as_object()
            _follow(page, source=tandem, old_notes=old_notes)
            draft.content = page.serializable_data()
            draft.save(update_fields=["content"])
    return list(translations)
