"""The engine's reasons for a pair, in words of the reader's language: "8 km, both 24 December evening, ..."."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .vocabulary import AgeBand, Feature, Kind, Language, slot_label


def _names(choices, codes) -> str:
    labels = dict(choices)
    return ", ".join(str(labels.get(code, code)) for code in codes)


def reason_text(code: str, value) -> str:
    if code == "km":
        return _("%(km)d km apart") % {"km": value}
    if code == "slots":
        return _("both %(dates)s") % {"dates": "; ".join(slot_label(slot) for slot in value)}
    if code == "kinds":
        return _("both want %(kinds)s") % {"kinds": _names(Kind.choices, value)}
    if code == "need":
        return _("%(need)s: yes") % {"need": Feature(value).label if value in Feature.values else value}
    if code == "languages":
        return _("both speak %(languages)s") % {"languages": _names(Language.choices, value)}
    if code == "age":
        return _("the preferred age (%(band)s)") % {"band": _names(AgeBand.choices, [value])}
    if code == "waiting":
        return ngettext("waiting for %(days)d day", "waiting for %(days)d days", value) % {"days": value}
    return str(value)


def reasons_text(reasons) -> str:
    return " · ".join(reason_text(code, value) for code, value in reasons)
