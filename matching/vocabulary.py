"""The small controlled vocabularies of company requests: the same codes in models, forms, engine and e-mails."""

import datetime

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    SEEKER = "seeker", _("looking for company")
    HOST = "host", _("offers company")


class Kind(models.TextChoices):
    VISIT = "visit", _("a visit at home")
    OUTSIDE = "outside", _("meeting outside")
    WALK = "walk", _("a walk")
    MEAL = "meal", _("a shared meal or holiday evening")
    CALL = "call", _("phone or video calls")


class AgeBand(models.TextChoices):
    UNDER_30 = "18-29", _("18 to 29")
    FROM_30 = "30-49", _("30 to 49")
    FROM_50 = "50-64", _("50 to 64")
    FROM_65 = "65-79", _("65 to 79")
    FROM_80 = "80+", _("80 or older")


class Feature(models.TextChoices):
    """Needed by one side, offered by the other: a need is met only by the same code on the other side."""

    STEP_FREE = "step_free", _("step-free / wheelchair access")
    WOMEN_ONLY = "women_only", _("women only")
    NO_PETS = "no_pets", _("no pets")
    NON_SMOKING = "non_smoking", _("non-smoking")
    PICK_UP = "pick_up", _("being picked up")


# How a host says they offer a feature: "women only" offered means "I am a woman".
OFFER_LABELS = {
    Feature.STEP_FREE: _("my place is step-free / wheelchair accessible"),
    Feature.WOMEN_ONLY: _("I am a woman (I can meet women-only requests)"),
    Feature.NO_PETS: _("no pets where we meet"),
    Feature.NON_SMOKING: _("non-smoking"),
    Feature.PICK_UP: _("I can pick someone up"),
}


class Language(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    RUSSIAN = "ru", _("Russian")
    UKRAINIAN = "uk", _("Ukrainian")
    PERSIAN = "fa", _("Persian")
    KURDISH = "ku", _("Kurdish")
    POLISH = "pl", _("Polish")
    FRENCH = "fr", _("French")
    ITALIAN = "it", _("Italian")
    SPANISH = "es", _("Spanish")


class PartOfDay(models.TextChoices):
    MORNING = "morning", pgettext_lazy("part of day", "morning")
    AFTERNOON = "afternoon", pgettext_lazy("part of day", "afternoon")
    EVENING = "evening", pgettext_lazy("part of day", "evening")


class Weekday(models.TextChoices):
    MON = "mon", _("Mondays")
    TUE = "tue", _("Tuesdays")
    WED = "wed", _("Wednesdays")
    THU = "thu", _("Thursdays")
    FRI = "fri", _("Fridays")
    SAT = "sat", _("Saturdays")
    SUN = "sun", _("Sundays")


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("unconfirmed")
    WAITING = "waiting", _("confirmed, waiting")
    PROPOSED = "proposed", _("proposed")
    MATCHED = "matched", _("matched")
    WITHDRAWN = "withdrawn", _("withdrawn")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("draft (dry run)")
    SENT = "sent", _("sent, waiting for answers")
    MATCHED = "matched", _("both accepted")
    DECLINED = "declined", _("declined")
    EXPIRED = "expired", _("no answer in time")
    FULL = "full", _("place already taken")


class Outcome(models.TextChoices):
    MET = "met", _("We met")
    NOT_HAPPENED = "not_happened", _("It did not happen")


class NotHappenedReason(models.TextChoices):
    """Numbered, so partners can count them and people can answer with one tap."""

    OTHER_CANCELLED = "1", _("1. The other person cancelled")
    I_CANCELLED = "2", _("2. I had to cancel")
    NO_CONTACT = "3", _("3. We could not reach each other")
    ILL = "4", _("4. Illness")
    NOT_A_FIT = "5", _("5. It did not feel right")
    OTHER = "6", _("6. Something else")


def slot_label(code: str) -> str:
    """ "2026-12-24-evening" reads "24. Dezember, abends"; "sat-evening" reads "Saturdays, evening"."""
    first, _sep, part = code.rpartition("-")
    part_label = PartOfDay(part).label if part in PartOfDay.values else part
    if first in Weekday.values:
        return f"{Weekday(first).label}, {part_label}"
    try:
        day = datetime.date.fromisoformat(first)
    except ValueError:
        return code
    return f"{formats.date_format(day, 'MONTH_DAY_FORMAT')}, {part_label}"
