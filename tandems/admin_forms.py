"""The tandem's admin form: the place field, and an intro video and captions chosen only from the editor's own
collections."""

from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry
from wagtailmedia.models import get_media_model

from places.admin_forms import PlacedPageForm

CHOSEN_FROM_COLLECTIONS = {"intro_video": get_media_model, "intro_video_captions": get_document_model}


class TandemPageForm(PlacedPageForm):
    """A plain select listed every partner's videos by title, and a forged post could name any file. The choosers
    and these querysets hold only what the editor may choose (plus what is already set, so saving never loses it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        for name, model in CHOSEN_FROM_COLLECTIONS.items():
            field = self.fields.get(name)
            if field is None:
                continue
            policy = policy_registry.get_by_type(model())
            choosable = policy.instances_user_has_any_permission_for(self.for_user, ["choose", "change"])
            current = model().objects.filter(pk=getattr(self.instance, f"{name}_id"))
            field.queryset = (choosable | current).distinct()
