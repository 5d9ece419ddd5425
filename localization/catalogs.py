"""The gettext catalogs in locale/: extracting, compiling and checking them (`make messages`, tests)."""

import os
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
IGNORE = ["var", "tests", "node_modules", "test-artifacts"]  # dot-folders (.venv) are ignored anyway
Key = tuple[str, str]  # (msgctxt, msgid)


def locale_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def catalog_path(code: str, domain: str = "django") -> Path:
    return locale_dir() / code / "LC_MESSAGES" / f"{domain}.po"


def domains() -> list[str]:
    """Always "django"; "djangojs" too once one of our scripts calls gettext()."""
    found = any("gettext(" in path.read_text(errors="ignore") for path in _own_files("*.js"))
    return ["django", "djangojs"] if found else ["django"]


def _own_files(pattern: str):
    base = Path(settings.BASE_DIR)
    for path in base.rglob(pattern):
        relative = path.relative_to(base).parts
        if not any(part.startswith(".") or part in IGNORE for part in relative[:-1]):
            yield path


def catalogs_make(*, codes: list[str] = LANGUAGE_CODES, into: Path | None = None) -> None:
    """Run makemessages over the project (into `into` instead of locale/ if given)."""
    if into is None:
        _makemessages(root=Path(settings.BASE_DIR), target=locale_dir(), codes=codes)
    else:
        _makemessages(root=_sources_linked(into.parent / "sources"), target=into, codes=codes)


def _sources_linked(folder: Path) -> Path:
    """The project's top-level entries linked into `folder`, without locale/.

    makemessages writes each file's strings to the locale/ folder nearest to it, which inside the
    project is always ours; scanning through links elsewhere keeps a trial run from touching locale/.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for entry in Path(settings.BASE_DIR).iterdir():
        if entry.name not in {*IGNORE, "locale"} and not entry.name.startswith("."):
            (folder / entry.name).symlink_to(entry)
    return folder


def _makemessages(*, root: Path, target: Path, codes: list[str]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with override_settings(LOCALE_PATHS=[target]):
            for domain in domains():
                call_command("makemessages", locale=codes, domain=domain, ignore_patterns=IGNORE,
                             symlinks=True, no_obsolete=True, add_location="file", verbosity=0)
                for code in codes:
                    _header_complete(target / code / "LC_MESSAGES" / f"{domain}.po", code)
    finally:
        os.chdir(cwd)


def _header_complete(path: Path, code: str) -> None:
    """Fill in the header xgettext leaves fuzzy: msgfmt drops a fuzzy header, and Arabic loses its plurals."""
    catalog = polib.pofile(str(path))
    catalog.metadata_is_fuzzy = False
    catalog.metadata.update({"Language": code, "Project-Id-Version": "Nahbar",
                             "Language-Team": f"Nahbar {code}", "Last-Translator": "Nahbar i18n"})
    catalog.save()


def catalogs_compile() -> None:
    # compilemessages walks the whole tree for locale/ folders: keep it out of .venv's packages.
    call_command("compilemessages", locale=LANGUAGE_CODES, ignore_patterns=[".*", *IGNORE], verbosity=0)


def entry_keys(catalog: polib._BaseFile) -> set[Key]:
    return {(entry.msgctxt or "", entry.msgid) for entry in catalog if not entry.obsolete}


def unfinished_entries(catalog: polib.POFile) -> list[str]:
    """msgids that are untranslated or fuzzy: the site would show them in English or guessed."""
    return [entry.msgid for entry in catalog
            if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)]


def _translations(catalog: polib._BaseFile) -> dict[Key, tuple]:
    result = {}
    for entry in catalog:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        strings = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)) \
            if entry.msgid_plural else (entry.msgstr,)
        if all(strings):  # msgfmt leaves untranslated entries out of the .mo
            result[(entry.msgctxt or "", entry.msgid)] = strings
    return result


def compiled_differences(po_path: Path) -> set[Key]:
    """Entries whose translation in the compiled .mo is missing or differs from the .po."""
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return {("", f"{mo_path.name} is missing")}
    expected = {key: value for key, value in _translations(polib.pofile(str(po_path))).items() if key[1]}
    actual = {key: value for key, value in _translations(polib.mofile(str(mo_path))).items() if key[1]}
    return {key for key in expected.keys() | actual.keys() if expected.get(key) != actual.get(key)}
