"""A tandem's intro video and its captions come from the editor's own collection, never another partner's."""

from django.urls import reverse

from tandems.models import TandemPage


def _form(user, tandem):
    form_class = TandemPage.get_edit_handler().get_form_class()
    return form_class(instance=tandem, for_user=user)


def test_the_editor_is_offered_only_the_own_partners_videos_and_documents(partner_a, partner_b, editor_a):
    form = _form(editor_a, partner_a.tandem)

    assert list(form.fields["intro_video"].queryset) == [partner_a.media]
    assert list(form.fields["intro_video_captions"].queryset) == [partner_a.document]


def test_the_edit_page_names_no_other_partners_video(client, partner_a, partner_b, editor_a):
    client.force_login(editor_a)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[partner_a.tandem.pk])).content.decode()

    assert "Clip B" not in html and "clip-b" not in html


def test_a_video_set_by_staff_from_elsewhere_is_kept_when_the_editor_saves(partner_a, partner_b, editor_a):
    partner_a.tandem.intro_video = partner_b.media
    form = _form(editor_a, partner_a.tandem)

    assert set(form.fields["intro_video"].queryset) == {partner_a.media, partner_b.media}
