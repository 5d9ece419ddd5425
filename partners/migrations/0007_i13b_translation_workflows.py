"""Translated partner pages get their section's approval workflow (they fell back to Wagtail's default one)."""

from django.db import migrations


def assign_translations(apps, schema_editor):
    partner_model = apps.get_model("partners", "PartnerPage")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    assigned = {row.page_id: row.workflow_id for row in workflow_page_model.objects.all()}
    workflow_of_key = {partner.translation_key: assigned[partner.pk]
                       for partner in partner_model.objects.filter(pk__in=assigned)}
    for partner in partner_model.objects.filter(translation_key__in=workflow_of_key).exclude(pk__in=assigned):
        workflow_page_model.objects.create(page_id=partner.pk, workflow_id=workflow_of_key[partner.translation_key])


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0006_i13b_admin_labels"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(assign_translations, migrations.RunPython.noop)]
