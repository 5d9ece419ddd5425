"""Approval tasks made by onboarding were named "<partner>: approval", English in every admin language."""

from django.db import migrations

SUFFIX = ": approval"


def drop_english_suffix(apps, schema_editor):
    task_model = apps.get_model("wagtailcore", "Task")
    for task in task_model.objects.filter(name__endswith=SUFFIX):
        task.name = task.name.removesuffix(SUFFIX)
        task.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_merge_20261130_0238"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(drop_english_suffix, migrations.RunPython.noop)]
