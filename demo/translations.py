"""English and Arabic versions of part of the demo campaign, made the way editors make them: with wagtail-localize.

Each page below gets a wagtail-localize translation whose strings come from TEXTS (keyed by the German
source text), so the admin shows them as synced translations that go out of date when the German page
changes. Names, organisations and slugs are not in TEXTS: they stay as they are in every language.
Idempotent: a page that already has a (non-alias) translation into a language is left alone.
"""

from collections.abc import Callable

from django.db import transaction
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from localization.services import tag_labels_set

LANGUAGES = ("en", "ar")
# The home page, the first partner, two of its tandems with all their appeals, and the index pages.
PAGE_SLUGS = ["home", "gesuche", "tandems", "brueckenbau-koeln", "amal-und-jonas", "ausbildung-elektro",
              "praktikum-elektro", "yonas-und-petra", "kochstelle-bonn"]

# German source text -> (English, Arabic).
TEXTS = {
    "Hinter jedem Gesuch steht ein Mensch mit einer Geschichte. Kennen Sie einen Betrieb, eine Wohnung oder haben "
    "Sie einfach Zeit? <b>Ein Tipp von Ihnen</b> kann den Unterschied machen.": (
        "Behind every appeal there is a person with a story. Do you know a business or a flat, or do you simply "
        "have time? <b>A tip from you</b> can make the difference.",
        "وراء كل طلب إنسان له قصة. هل تعرف شركة أو شقة، أو لديك بعض الوقت فحسب؟ <b>نصيحة منك</b> قد تُحدث الفرق."),
    "Gesuche": ("Appeals", "الطلبات"),
    "Tandems": ("Tandems", "الثنائيات"),
    "Köln": ("Cologne", "كولونيا"),
    "Bonn": ("Bonn", "بون"),
    "Köln und Bonn": ("Cologne and Bonn", "كولونيا وبون"),
    "Ehrenamtliche Mentorinnen und Mentoren begleiten Geflüchtete in Köln und Bonn bei der Suche nach "
    "Ausbildung und Arbeit.": (
        "Volunteer mentors support refugees in Cologne and Bonn in their search for training and work.",
        "يرافق مرشدون ومرشدات متطوعون اللاجئين في كولونيا وبون في بحثهم عن تدريب مهني وعمل."),
    "Amal war in Aleppo Elektrikerin. Jonas, Ingenieur im Ruhestand, hilft ihr beim Anerkennungsverfahren.": (
        "Amal was an electrician in Aleppo. Jonas, a retired engineer, helps her get her qualification "
        "recognised.",
        "كانت أمل كهربائية في حلب. ويساعدها يوناس، وهو مهندس متقاعد، في إجراءات الاعتراف بمؤهلها."),
    "Yonas kocht seit zehn Jahren. Petra kennt die Gastronomie in Bonn.": (
        "Yonas has been cooking for ten years. Petra knows the restaurant trade in Bonn.",
        "يعمل يوناس طاهيًا منذ عشر سنوات. وتعرف بيترا قطاع المطاعم في بون جيدًا."),
    "Ausbildungsplatz als Elektronikerin gesucht": (
        "Apprenticeship as an electronics technician wanted",
        "مطلوب مكان تدريب مهني في مجال الإلكترونيات"),
    "Ein Elektrobetrieb in Köln, der Amal ab August ausbildet.": (
        "An electrical firm in Cologne that will train Amal from August.",
        "شركة كهرباء في كولونيا تدرّب أمل ابتداءً من أغسطس."),
    "Zwei Wochen Praktikum im Elektrobetrieb": (
        "Two-week internship at an electrical firm",
        "تدريب عملي لمدة أسبوعين في شركة كهرباء"),
    "Ein Schnupperpraktikum, damit Amal deutsche Normen kennenlernt.": (
        "A taster internship so that Amal gets to know German standards.",
        "تدريب تجريبي قصير لتتعرّف أمل على المعايير الألمانية."),
    "Stelle als Koch in Bonn": ("Job as a cook in Bonn", "وظيفة طاهٍ في بون"),
    "Eine Küche, die einen erfahrenen Koch sucht, gern auch Teilzeit.": (
        "A kitchen looking for an experienced cook, part-time is fine too.",
        "مطبخ يبحث عن طاهٍ ذي خبرة، ولا مانع من العمل بدوام جزئي."),
}

# Every tag the demo uses -> (English, Arabic). Language levels such as "B1" are the same everywhere.
TAG_NAMES = {
    "Arabisch": ("Arabic", "العربية"),
    "Französisch": ("French", "الفرنسية"),
    "Persisch": ("Persian", "الفارسية"),
    "Dari": ("Dari", "الدارية"),
    "Englisch": ("English", "الإنجليزية"),
    "Kurdisch": ("Kurdish", "الكردية"),
    "Türkisch": ("Turkish", "التركية"),
    "Tigrinya": ("Tigrinya", "التغرينية"),
    "Ukrainisch": ("Ukrainian", "الأوكرانية"),
    "Russisch": ("Russian", "الروسية"),
    "Deutsch A2": ("German A2", "الألمانية A2"),
    "Deutsch B1": ("German B1", "الألمانية B1"),
    "Deutsch B2": ("German B2", "الألمانية B2"),
    "Berufskraftfahrer": ("Professional driver", "سائق مهني"),
    "Ehrenamt": ("Volunteering", "العمل التطوعي"),
    "Elektrikerin": ("Electrician", "كهربائية"),
    "Elektroinstallation": ("Electrical installation", "التمديدات الكهربائية"),
    "Schaltpläne": ("Circuit diagrams", "المخططات الكهربائية"),
    "Fachinformatiker": ("IT specialist", "أخصائي تقنية معلومات"),
    "Friseurhandwerk": ("Hairdressing", "تصفيف الشعر"),
    "Friseurin": ("Hairdresser", "مصففة شعر"),
    "Gabelstapler": ("Forklift", "الرافعة الشوكية"),
    "Lagerlogistik": ("Warehouse logistics", "لوجستيات المستودعات"),
    "Gastronomie": ("Restaurant trade", "المطاعم والضيافة"),
    "Geburtshilfe": ("Midwifery", "القبالة"),
    "Pflege": ("Care", "الرعاية التمريضية"),
    "Gesellschaft": ("Company", "الرفقة"),
    "Barrierefrei": ("Step-free access", "خالٍ من العوائق"),
    "Handwerk": ("Crafts", "الحِرف"),
    "Elektro": ("Electrical", "الكهرباء"),
    "IT": ("IT", "تقنية المعلومات"),
    "Koch": ("Cook", "طاهٍ"),
    "Kochen": ("Cooking", "الطبخ"),
    "Hygieneschulung": ("Food hygiene training", "تدريب على النظافة الصحية"),
    "Lagerist": ("Warehouse worker", "عامل مستودع"),
    "Lkw-Führerschein": ("Lorry licence", "رخصة قيادة شاحنات"),
    "Disposition": ("Dispatching", "تنظيم النقل"),
    "Logistik": ("Logistics", "اللوجستيات"),
    "Pflegehelferin": ("Care assistant", "مساعدة تمريض"),
    "Python": ("Python", "بايثون"),
    "Netzwerke": ("Networks", "الشبكات"),
    "Sprache": ("Language", "اللغة"),
    "Wohnen": ("Housing", "السكن"),
    "Zahnmedizin": ("Dentistry", "طب الأسنان"),
    "Verwaltung": ("Administration", "الإدارة"),
    "Zahnmedizinische Fachangestellte": ("Dental assistant", "مساعدة طبيب أسنان"),
}


def _pages() -> list[Page]:
    pages = Page.objects.filter(slug__in=PAGE_SLUGS, locale__language_code="de", depth__gte=2)
    return [page.specific for page in pages.order_by("path")]  # parents before their children


def _strings_fill(source: TranslationSource, locale: Locale, index: int) -> None:
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        texts = TEXTS.get(segment.string.data)
        if texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context,
                defaults={"data": texts[index], "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )


def _translated(page: Page, locale: Locale) -> bool:
    return page.get_translations().filter(locale=locale, alias_of__isnull=True).exists()


@transaction.atomic
def demo_translate(*, progress: Callable[[str], None] = lambda message: None) -> int:
    """Translate the demo pages above into English and Arabic and publish them; return how many were made."""
    made = 0
    for page in _pages():
        source, _created = TranslationSource.get_or_create_from_instance(page)
        for index, code in enumerate(LANGUAGES):
            locale = Locale.objects.get(language_code=code)
            if _translated(page, locale):
                continue
            _strings_fill(source, locale, index)
            translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
            translation.save_target(publish=False)  # a draft, published here rather than after the commit
            translation.get_target_instance().get_latest_revision().publish()
            made += 1
    progress(f"{made} translations into English and Arabic")
    return made


def demo_tags_name() -> None:
    """Name every demo tag in English and Arabic, as staff do under Settings; names already given stay."""
    for tag in Tag.objects.filter(name__in=TAG_NAMES):
        given = set(tag.labels.values_list("language_code", flat=True))
        names = dict(zip(LANGUAGES, TAG_NAMES[tag.name], strict=True))
        tag_labels_set(tag=tag, names={code: name for code, name in names.items() if code not in given})
