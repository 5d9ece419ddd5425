"""Partner isolation for the parts of Wagtail's admin that do not scope reads by permission themselves.

Wagtail checks permissions before writes, but several reads only check that the user may edit *some* page or
image: a view named with another partner's page or media id, the admin API's image and document listings, the
page chooser's "chosen" step, and the site-wide reports. One rule closes them all: an admin URL that names an
object (in its path, or the page chooser's `?id=`) answers 404 unless the user may explore that page or use
that media item; listings that Wagtail does not filter are filtered to the same set.
"""

from __future__ import annotations

from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.views.defaults import page_not_found
from wagtail.models import Page
from wagtail.permission_policies.collections import CollectionPermissionLookupMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

# URL parameters that name a page, and the media models named by theirs.
PAGE_PARAMETERS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
MEDIA_PARAMETERS = {"image_id": "wagtailimages.Image", "document_id": "wagtaildocs.Document",
                    "doc_id": "wagtaildocs.Document", "media_id": "wagtailmedia.Media"}
# The only admin view that takes page ids from the query string.
PAGE_IDS_IN_QUERY = {"wagtailadmin_choose_page_chosen_multiple"}
MEDIA_ACTIONS = ["choose", "change", "delete"]


def pages_visible_to(*, user) -> QuerySet:
    """Pages the user may explore, plus the way down to them (root, home), which Wagtail's chooser browses."""
    policy = PagePermissionPolicy(Page)
    granted = [permission.page for permission in policy.get_cached_permissions_for_user(user)]
    way_down = {page.path[:end] for page in granted for end in range(Page.steplen, len(page.path), Page.steplen)}
    return policy.explorable_instances(user) | Page.objects.filter(path__in=way_down)


def page_visible(*, user, page_id) -> bool:
    return pages_visible_to(user=user).filter(pk=page_id).exists()


def collection_policy(model: type[Model]) -> CollectionPermissionLookupMixin | None:
    policy = policy_registry.get_by_type(model)
    return policy if isinstance(policy, CollectionPermissionLookupMixin) else None


def media_visible_to(*, user, model: type[Model]) -> QuerySet:
    return collection_policy(model).instances_user_has_any_permission_for(user, MEDIA_ACTIONS)


def view_model(func) -> type[Model] | None:
    """The model an admin view (or admin API endpoint) declares, if it does."""
    initkwargs = getattr(func, "view_initkwargs", None) or getattr(func, "initkwargs", None) or {}
    view_class = getattr(func, "view_class", None) or getattr(func, "cls", None)
    model = initkwargs.get("model") or getattr(view_class, "model", None)
    if isinstance(model, str):
        from django.apps import apps

        model = apps.get_model(model)
    return model if isinstance(model, type) and issubclass(model, Model) else None


def _named_objects(match, query) -> list[tuple[type[Model], object]]:
    """(model, id) of every object the matched admin URL names."""
    from django.apps import apps

    named = [(Page, value) for key, value in match.kwargs.items() if key in PAGE_PARAMETERS]
    named += [(apps.get_model(MEDIA_PARAMETERS[key]), value) for key, value in match.kwargs.items()
              if key in MEDIA_PARAMETERS]
    model = view_model(match.func)
    if "pk" in match.kwargs and model is not None:
        named.append((model, match.kwargs["pk"]))
    if match.view_name in PAGE_IDS_IN_QUERY:
        named += [(Page, value) for value in query.getlist("id")]
    return named


def admin_url_permitted(*, user, match, query) -> bool:
    """False when the URL names a page or media item of a section the user has no access to."""
    for model, object_id in _named_objects(match, query):
        if not str(object_id).isdigit():
            continue  # Wagtail answers malformed ids itself
        if issubclass(model, Page) and not page_visible(user=user, page_id=object_id):
            return False
        if collection_policy(model) and not media_visible_to(user=user, model=model).filter(pk=object_id).exists():
            return False
    return True


class PartnerIsolationMiddleware:
    """Answers 404 to an admin URL naming another partner's page or media (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if not match.route.startswith("admin/") or not user or not user.is_authenticated or user.is_superuser:
            return None
        if not admin_url_permitted(user=user, match=match, query=request.GET):
            return page_not_found(request, Http404(), template_name="wagtailadmin/404.html")
        if match.url_name == "wagtailadmin_explore_root":
            return _to_own_section(request)
        return None


def _to_own_section(request):
    """A partner's people land in their section: the root lists every language's home page, none of them theirs."""
    from .selectors import partner_home_for_user

    home = partner_home_for_user(user=request.user)
    return redirect("wagtailadmin_explore", home.pk) if home else None


def scoped_api_endpoint(endpoint):
    """The admin API's endpoint for `endpoint.model`, listing only what the user may choose or change."""

    class ScopedEndpoint(endpoint):
        def get_queryset(self):
            queryset = super().get_queryset()
            user = self.request.user
            if user.is_superuser:
                return queryset
            return queryset.filter(pk__in=media_visible_to(user=user, model=self.model).values("pk"))

    ScopedEndpoint.__name__ = f"Scoped{endpoint.__name__}"
    return ScopedEndpoint
