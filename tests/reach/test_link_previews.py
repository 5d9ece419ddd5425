"""Link previews: what WhatsApp, Facebook and friends read from a shared page, in the page's language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _meta(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, value in re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', html):
        found.setdefault(key, []).append(value)
    return found


def test_a_german_appeal_page_describes_itself_in_german(client, partner_a):
    appeal = partner_a.appeal
    appeal.summary = "Amal sucht eine Ausbildung als Tischlerin."
    appeal.save_revision().publish()

    meta = _meta(client.get(appeal.url).content.decode())

    assert meta["og:title"] == [appeal.title] and meta["twitter:title"] == [appeal.title]
    assert meta["og:description"] == ["Amal sucht eine Ausbildung als Tischlerin."]
    assert meta["og:url"] == [f"http://testserver{appeal.url}"]
    assert meta["og:locale"] == ["de_DE"] and sorted(meta["og:locale:alternate"]) == ["ar_AR", "en_GB"]
    assert meta["og:site_name"] == ["Nahbar"]
    assert meta["twitter:card"] == ["summary"]  # no card drawn yet: no picture promised


def test_an_arabic_appeal_page_describes_itself_in_arabic(client, appeal_in_arabic):
    meta = _meta(client.get(appeal_in_arabic.url).content.decode())

    assert meta["og:title"] == ["نبحث عن تدريب مهني في النجارة لأمل"]
    assert meta["og:description"] == ["أمل تبحث عن تدريب مهني في كولونيا."]
    assert meta["og:locale"] == ["ar_AR"] and sorted(meta["og:locale:alternate"]) == ["de_DE", "en_GB"]
    assert meta["og:url"][0].endswith("/ar/partner-a/tandem-a/appeal-a/")


def test_the_search_description_wins_over_the_summary_and_text_is_escaped(client, partner_a):
    appeal = partner_a.appeal
    appeal.search_description = 'Tischlerin <gesucht> & "schnell"'
    appeal.save_revision().publish()

    html = client.get(appeal.url).content.decode()

    assert '<meta property="og:description" content="Tischlerin &lt;gesucht&gt; &amp; &quot;schnell&quot;">' in html


@pytest.mark.parametrize("path", ["/de/", "/ar/", "/de/search/"])
def test_every_public_page_has_preview_tags(client, path):
    meta = _meta(client.get(path).content.decode())

    assert meta["og:title"] and meta["og:url"] and meta["og:locale"] and meta["twitter:card"]
