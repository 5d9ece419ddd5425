"""Tips left Wagtail's reference index (Tip.wagtail_reference_index_ignore): drop the rows indexed before."""

from django.db import migrations


def _drop_tip_references(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    tip_type = ContentType.objects.filter(app_label="tips", model="tip").first()
    if tip_type is not None:
        ReferenceIndex.objects.filter(base_content_type=tip_type).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("tips", "0004_i14_tip_map_position"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(_drop_tip_references, migrations.RunPython.noop)]
