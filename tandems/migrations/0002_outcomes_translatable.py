"""Outcomes become translatable: each row gets its tandem's locale, and rows at the same place in the
translations of one tandem share a translation key, as wagtail-localize expects of translated children."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def keys_and_locales_fill(apps, schema_editor):
    TandemStatusChange = apps.get_model("tandems", "TandemStatusChange")
    keys = {}
    for change in TandemStatusChange.objects.select_related("tandem").order_by("pk"):
        slot = (change.tandem.translation_key, change.sort_order, change.date)
        change.translation_key = keys.setdefault(slot, uuid.uuid4())
        change.locale_id = change.tandem.locale_id
        change.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):

    dependencies = [
        ("tandems", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="tandemstatuschange",
            name="locale",
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="wagtailcore.locale", verbose_name="locale"),
        ),
        migrations.AddField(
            model_name="tandemstatuschange",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(keys_and_locales_fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="tandemstatuschange",
            name="locale",
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="wagtailcore.locale", verbose_name="locale"),
        ),
        migrations.AlterField(
            model_name="tandemstatuschange",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="tandemstatuschange",
            unique_together={("translation_key", "locale")},
        ),
    ]
