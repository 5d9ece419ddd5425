from django import template
from django.utils.translation import get_language

from pagecache.selectors import generation_memo
from tips.forms import channel_clean
from tips.models import TipKind
from tips.selectors import tip_figures as select_tip_figures
from tips.selectors import tips_quoted_on

register = template.Library()
PUBLISHED_ON_APPEAL = 20


@register.inclusion_tag("tips/includes/figures.html")
def tip_figures():
    """Live figures of the tips module, as items of the home page's list of figures.

    Every language's home page shows the same: counted once per change visitors see. A new tip waiting for
    moderation renews nothing, so "received" lags at most PAGE_CACHE_SECONDS, as the cached page does.
    """
    return {"figures": generation_memo(name="tip-figures", compute=select_tip_figures)}


@register.inclusion_tag("tips/includes/appeal_panel.html", takes_context=True)
def appeal_actions(context, appeal):
    """"Give a tip" and the published tips of one appeal; `?via=`/`utm_source` is carried to the form."""
    request = context.get("request")
    via = (request.GET.get("via") or request.GET.get("utm_source") or "") if request else ""
    tips = tips_quoted_on(appeal=appeal, language_code=get_language()).only("kind", "town", "public_text")
    tips = tips[:PUBLISHED_ON_APPEAL]
    return {"appeal": appeal, "is_open": appeal.is_open(), "via": channel_clean(via), "kinds": TipKind.choices,
            "tips": tips}
