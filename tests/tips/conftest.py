import re

import pytest


def form_data(client, url: str, **fields) -> dict:
    """What a visitor's browser would post: the hidden fields as the form page rendered them, plus `fields`."""
    html = client.get(url).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', html))
    hidden.pop("csrfmiddlewaretoken", None)
    data = {"kind": "job", "message": "Die Bäckerei Schmitz sucht Azubis.", "place_0": "", "place_1": "", "place_2": "",
            **hidden}
    data.update(fields)
    return data


@pytest.fixture
def no_wait(settings):
    """Tests submit at machine speed; the minimum time has its own test."""
    settings.TIPS_MIN_SECONDS = 0
