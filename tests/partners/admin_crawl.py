"""A bounded crawler of the Wagtail admin, for the isolation tests.

Two sources of URLs, so nothing escapes because no menu links to it:
- every named admin URL pattern of the resolver, its arguments filled with the ids of seeded objects of both
  partners (pages, media, revisions, workflow states, ...); a `pk` takes ids of the model its view declares,
  so viewsets added later are crawled without touching this file;
- the links found in every HTML page opened, breadth first, up to a bound per role.
"""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import polib
from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

from partners.isolation import view_model

ADMIN = "/admin/"
# Not opened: logging out ends the crawl; the error test view raises on purpose (Wagtail's own smoke test).
SKIPPED_NAMES = {"wagtailadmin_logout", "wagtailadmin_error_test", "wagtail_bulk_action"}
SKIPPED_PATHS = ("/admin/logout/", "/admin/failwhale/", "/admin/bulk/", "/admin/password_reset/")
HREF = re.compile(r"""(?:href|src|data-[\w-]*url)=["'](/admin/[^"'#\s]*)""")
# Links multiply endlessly (sort x filter x page x object): the start list already holds every view with the
# seeded objects, so found links add a few more per view (other objects, filters, pages).
FOUND_PER_VIEW = 3


@dataclass
class Seed:
    """Ids to fill URL arguments with: parameter name -> values, and model -> values for `pk`."""

    by_name: dict[str, list] = field(default_factory=dict)
    by_model: dict[type, list] = field(default_factory=dict)
    fallback: list = field(default_factory=list)  # for a `pk` whose view does not say its model

    def values_for_pk(self, model) -> list:
        if model is None:
            return self.fallback
        for known, values in self.by_model.items():
            if issubclass(model, known) or issubclass(known, model):
                return values
        # A model nobody seeded (a viewset added later): its newest rows.
        return list(model._default_manager.order_by("-pk").values_list("pk", flat=True)[:2])


def _model_labels() -> dict[str, list[tuple[str, str]]]:
    """(app label, model name) pairs a URL may take: page types for page URLs, registered models for the rest."""
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.models import get_page_models
    from wagtail.snippets.models import get_snippet_models
    from wagtail.workflows import get_task_types

    def pairs(models):
        return [(model._meta.app_label, model._meta.model_name) for model in models]

    return {"content_type_app_name": pairs(get_page_models()),
            "app_label": pairs([*settings_registry, *get_snippet_models(), *get_task_types()]),
            "app_name": pairs(settings_registry)}


FIXED = {
    "media_type": ["video"],
    "revision_id_a": ["earliest"],
    "revision_id_b": ["latest"],
    "filter_spec": ["original", "max-165x165"],
    "mode": [""],
    "part": ["original", "poster"],
    "action_name": ["approve", "reject"],
}


def _params(pattern) -> list[str]:
    if isinstance(pattern, RoutePattern):
        return list(pattern.converters) or re.findall(r"<(?:\w+:)?(\w+)>", str(pattern))
    if isinstance(pattern, RegexPattern):
        return list(pattern.regex.groupindex)
    return []


def _walk(resolver, namespaces=(), params=()):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            spaces = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry, spaces, (*params, *_params(entry.pattern)))
        elif entry.name:
            yield ":".join((*namespaces, entry.name)), [*params, *_params(entry.pattern)], entry.callback


def resolver_urls(seed: Seed) -> list[str]:
    """Every admin URL the resolver knows, once per combination of seeded argument values."""
    labels = _model_labels()
    urls = set()
    for name, params, callback in _walk(get_resolver()):
        if name.split(":")[-1] in SKIPPED_NAMES:
            continue
        choices = []
        for param in params:
            if param == "pk":
                choices.append(seed.values_for_pk(view_model(callback)))
            elif param in FIXED:
                choices.append(FIXED[param])
            elif param in seed.by_name:
                choices.append(seed.by_name[param])
            else:
                choices.append(None)  # app label / model name pairs, filled below, or unknown
        for url in _reverse_all(name, params, choices, labels):
            if url.startswith(ADMIN) and not url.startswith(SKIPPED_PATHS):
                urls.add(url)
    return sorted(urls)


def _reverse_all(name, params, choices, labels):
    """One URL per seeded object (values of several parameters go together, not every combination)."""
    label_params = [p for p, c in zip(params, choices, strict=True) if c is None]
    pairs = [()]
    if label_params:
        if len(label_params) != 2 or label_params[0] not in labels:
            return  # a token, a session id: nothing a GET could open
        pairs = labels[label_params[0]]
    known = [(p, c) for p, c in zip(params, choices, strict=True) if c is not None]
    if any(not c for _p, c in known):
        return
    for row in range(max(len(pairs), *(len(c) for _p, c in known), 1)):
        kwargs = {p: c[row % len(c)] for p, c in known}
        kwargs.update(zip(label_params, pairs[row % len(pairs)], strict=False))
        try:
            yield reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def _normalise(url: str) -> str:
    return unescape(url).split("#")[0]


PLACEHOLDER = re.compile(r"%\(?\w*\)?[sd]|\{\w*\}")
# Block definitions and other client-side labels reach the page as JSON, not as text.
JSON_LABEL = re.compile(r'"label":\s*"((?:[^"\\]|\\.)*)"')


def _shown_by_others(language: str) -> set[str]:
    """Texts Django, Wagtail or another library show in `language`, and the pieces between their tags: "Status"
    in German; in Arabic, "paused" (Wagtail's own translation leaves "Autosave is <span>paused</span>" so)."""
    import django
    from django.apps import apps

    folders = [Path(django.__file__).parent / "conf", *(Path(app.path) for app in apps.get_app_configs())]
    texts = set()
    for folder in folders:
        path = folder / "locale" / language / "LC_MESSAGES" / "django.po"
        if not path.exists() or Path(settings.LOCALE_PATHS[0]) in path.parents:
            continue
        for entry in polib.pofile(str(path)):
            shown = entry.msgid if not entry.msgstr or "fuzzy" in entry.flags else entry.msgstr
            texts |= {" ".join(piece.split()) for piece in re.split(r"<[^>]+>", shown)}
    return texts


def catalog_msgids(language: str) -> set[str]:
    """Texts of OUR catalog for `language` (not Wagtail's or Django's) that its translation changes.

    Left out: texts with placeholders (never shown as they stand), texts another library shows in that
    language (they may be its own), and the languages' own names, which a language picker shows each
    in its language on purpose.
    """
    catalog = polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"))
    texts = set()
    for entry in catalog.translated_entries():
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        translated = entry.msgstr or entry.msgstr_plural.get(0, "")
        for text in (entry.msgid, entry.msgid_plural):
            if text and text != translated and len(text) > 2 and not PLACEHOLDER.search(text):
                texts.add(" ".join(text.split()))
    return texts - _shown_by_others(language) - {str(name) for _code, name in settings.LANGUAGES}


class VisibleText(HTMLParser):
    """The texts a person sees or hears: text nodes (not scripts or typed text) and labelling attributes."""

    HIDDEN = {"script", "style", "textarea"}
    SPOKEN = ("title", "aria-label", "placeholder", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        self.texts += [value for name, value in attrs if name in self.SPOKEN and value]

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(data)


def language_findings(body: str, msgids: set[str]) -> list[str]:
    """Double-escaped entities and texts of our catalog left in the source language."""
    findings = ["&amp;amp; in the HTML"] if "&amp;amp;" in body else []
    parser = VisibleText()
    parser.feed(body)
    texts = [" ".join(text.split()) for text in parser.texts]
    findings += [f"shows {text!r}" for text in texts if "&amp;" in text or "&#" in text]
    labels = [json.loads(f'"{label}"') for label in JSON_LABEL.findall(body)]
    findings += [f"untranslated {text!r}" for text in dict.fromkeys([*texts, *labels]) if text in msgids]
    return findings


@dataclass
class CrawlResult:
    opened: int = 0
    server_errors: list = field(default_factory=list)
    leaks: list = field(default_factory=list)
    bodies_with: dict = field(default_factory=dict)  # marker -> how many bodies showed it
    language: list = field(default_factory=list)  # (url, finding): untranslated text or a double escape


def crawl(client, *, start: list[str], forbidden: dict[str, str], expected: list[str], limit: int,
          msgids: set[str] = frozenset()) -> CrawlResult:
    """GET every start URL and every admin link found, breadth first, up to `limit` responses.

    `forbidden` maps a text that must never appear to what it is (for the failure message); `expected` are
    texts the role should meet somewhere, counted so a test can tell the crawl reached real content; an HTML
    page showing one of `msgids` (see `catalog_msgids`) or a double-escaped entity is a language finding.
    """
    result = CrawlResult()
    queue, seen, found = deque(start), set(start), {}
    while queue and result.opened < limit:
        url = queue.popleft()
        response = client.get(url)
        result.opened += 1
        if response.status_code >= 500:
            result.server_errors.append((url, response.status_code))
            continue
        body = response.content.decode(errors="replace") if not getattr(response, "streaming", False) else ""
        for text, what in forbidden.items():
            if text in body:
                at = body.index(text)
                result.leaks.append((url, f"{what}: …{body[max(0, at - 80):at + 40]}…"))
        for text in expected:
            if text in body:
                result.bodies_with[text] = result.bodies_with.get(text, 0) + 1
        if "html" in response.get("Content-Type", ""):
            result.language += [(url, finding) for finding in language_findings(body, msgids)]
        if response.status_code in (301, 302) and response.get("Location", "").startswith(ADMIN):
            links = [response["Location"]]
        else:
            links = HREF.findall(body) if "html" in response.get("Content-Type", "") else []
        for link in map(_normalise, links):
            path = urlsplit(link).path
            if link in seen or path.startswith(SKIPPED_PATHS):
                continue
            seen.add(link)
            view = _view_name(path)
            found[view] = found.get(view, 0) + 1
            if view and found[view] <= FOUND_PER_VIEW:
                queue.append(link)
    return result
