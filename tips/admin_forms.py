"""The small forms of a tip's reading view: each does one thing and names it."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tandems.models import TandemStatus

from .desk_selectors import tip_assignees
from .models import TipStatus

TEXT = {"rows": 4, "dir": "auto"}


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False, empty_label=_("nobody"))

    def __init__(self, *args, tip, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        field.queryset = tip_assignees(tip=tip)
        field.label_from_instance = lambda user: user.get_full_name() or user.get_username()
        field.initial = tip.assigned_to_id


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Internal note (only your colleagues see it)"), max_length=5000,
                           widget=forms.Textarea(attrs=TEXT))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TipStatus.choices)

    def __init__(self, *args, tip, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].initial = tip.status


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Your reply"), max_length=5000, widget=forms.Textarea(attrs=TEXT))


class ForwardForm(forms.Form):
    text = forms.CharField(label=_("A word for the mentor (optional)"), max_length=5000, required=False,
                           widget=forms.Textarea(attrs=TEXT))


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(label=_("What did this tip lead to?"))
    on = forms.DateField(label=_("Date"), initial=timezone.localdate,
                         widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(label=_("Note for the tandem's page (optional, public once published)"),
                           max_length=250, required=False, widget=forms.TextInput(attrs={"dir": "auto"}))

    def __init__(self, *args, tandem, **kwargs):
        super().__init__(*args, **kwargs)
        if tandem is not None:
            steps = [TandemStatus.INTERVIEW, TandemStatus.INTERNSHIP, TandemStatus.APPRENTICESHIP,
                     TandemStatus.JOB_FOUND]
            self.fields["status"].choices = [(step.value, step.label) for step in steps]
            self.fields["status"].initial = TandemStatus.JOB_FOUND
        else:
            self.fields["status"].choices = [("met", _("the appeal is met"))]
