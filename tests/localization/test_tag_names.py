"""Tags read in the visitor's language: staff name each shared tag per language, pages and filters follow."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from appeals.factories import AppealIndexPageFactory
from localization.services import tag_labels_set

from .conftest import translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def crafts(partner_a):
    """Partner A's appeal tagged "Handwerk" (named in English and Arabic) and "Schweißen" (named nowhere)."""
    partner_a.appeal.tags.add("Handwerk", "Schweißen")
    partner_a.appeal.save_revision().publish()
    tag = Tag.objects.get(name="Handwerk")
    tag_labels_set(tag=tag, names={"en": "Crafts", "ar": "الحِرف"})
    return tag


def _tag_list(html: str) -> str:
    return html.split('<ul class="tags"', 1)[1].split("</ul>", 1)[0]


def test_an_appeal_shows_its_tags_in_the_page_language_and_falls_back_to_the_typed_name(client, partner_a, crafts):
    english = translate_page(partner_a.appeal, "en", title="Appeal A in English")
    arabic = translate_page(partner_a.appeal, "ar", title="Appeal A بالعربية")

    german_tags = _tag_list(client.get(partner_a.appeal.url).content.decode())
    english_tags = _tag_list(client.get(english.url).content.decode())
    arabic_tags = _tag_list(client.get(arabic.url).content.decode())

    assert "Handwerk" in german_tags and "Crafts" not in german_tags
    assert "Crafts" in english_tags and "Handwerk" not in english_tags
    assert "الحِرف" in arabic_tags and "Handwerk" not in arabic_tags
    assert "Schweißen" in english_tags  # no English name given yet: the typed one rather than nothing


def test_a_tandem_shows_its_skills_in_the_page_language(client, partner_a):
    partner_a.tandem.skills.add("Handwerk")
    partner_a.tandem.save_revision().publish()
    tag_labels_set(tag=Tag.objects.get(name="Handwerk"), names={"ar": "الحِرف"})
    arabic = translate_page(partner_a.tandem, "ar")

    html = client.get(arabic.url).content.decode()

    assert "الحِرف" in html and "Handwerk" not in html


def test_a_tag_filter_finds_pages_by_the_name_the_visitor_reads_or_by_the_shared_slug(client, partner_a, crafts):
    index = translate_page(AppealIndexPageFactory(), "en")
    translate_page(partner_a.appeal, "en", title="Appeal A in English")

    for typed in ("Crafts", "crafts", "handwerk"):
        titles = {page.title for page in client.get(index.url, {"tag": typed}).context["results"]}
        assert titles == {"Appeal A in English"}, typed
    assert not client.get(index.url, {"tag": "الحِرف"}).context["results"]  # the Arabic name, on /en/


def test_staff_name_a_tag_in_the_admin_and_an_emptied_name_is_removed(client, staff, crafts):
    client.force_login(staff)
    url = reverse("tag_names:edit", args=[crafts.pk])

    form = client.get(url).content.decode()
    assert 'value="Crafts"' in form and 'value="الحِرف"' in form

    response = client.post(url, {"name": "Handwerk", "name_en": "Craft trades", "name_ar": ""})

    assert response.status_code == 302
    assert dict(crafts.labels.values_list("language_code", "name")) == {"en": "Craft trades"}


def test_the_tag_list_shows_each_language_and_finds_tags_still_missing_a_name(client, staff, crafts):
    client.force_login(staff)
    index = reverse("tag_names:index")

    listing = client.get(index).content.decode()
    assert "Crafts" in listing and "Schweißen" in listing

    missing_arabic = client.get(index, {"missing": "ar"}).content.decode()
    assert "Schweißen" in missing_arabic and "Handwerk" not in missing_arabic

    found = client.get(index, {"q": "Crafts"}).content.decode()
    assert "Handwerk" in found and "Schweißen" not in found


def test_a_too_long_name_is_refused_and_what_was_typed_stays(client, staff, crafts):
    client.force_login(staff)

    response = client.post(reverse("tag_names:edit", args=[crafts.pk]),
                           {"name": "Handwerk", "name_en": "x" * 101, "name_ar": "حرف يدوية"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "حرف يدوية" in html and "x" * 101 in html
    assert dict(crafts.labels.values_list("language_code", "name")) == {"en": "Crafts", "ar": "الحِرف"}


@pytest.mark.parametrize("url_name", ["tag_names:index", "tag_names:edit"])
def test_partners_editors_cannot_rename_the_networks_shared_tags(client, editor_a, crafts, url_name):
    client.force_login(editor_a)
    url = reverse(url_name, args=[crafts.pk] if url_name.endswith("edit") else [])

    response = client.post(url, {"name": "Hijacked", "name_en": "Hijacked", "name_ar": ""})

    assert response.status_code in (302, 403)
    assert not response.headers.get("Location", "").startswith(reverse("tag_names:index"))
    crafts.refresh_from_db()
    assert crafts.name == "Handwerk"
    assert dict(crafts.labels.values_list("language_code", "name")) == {"en": "Crafts", "ar": "الحِرف"}


def test_the_dashboard_tells_staff_how_many_tags_still_lack_a_name_and_links_to_them(client, staff, editor_a, crafts):
    client.force_login(staff)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'data-missing-language="ar"' in html and 'data-missing-language="en"' in html  # "Schweißen"
    assert f'{reverse("tag_names:index")}?missing=ar' in html
    tag_labels_set(tag=Tag.objects.get(name="Schweißen"), names={"en": "Welding", "ar": "اللحام"})
    assert "data-missing-language" not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(editor_a)
    assert 'id="tag-names"' not in client.get(reverse("wagtailadmin_home")).content.decode()
