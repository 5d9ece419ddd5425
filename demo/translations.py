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

from appeals.models import AppealPage
from localization.services import tag_labels_set
from tips.demo import tips_demo_load

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
    "Kennen Sie eine Stelle, eine Wohnung oder haben Sie Zeit? Ein Tipp von Ihnen hilft.": (
        "Do you know of a job or a flat, or do you have time? A tip from you helps.",
        "هل تعرف وظيفة أو شقة، أو لديك بعض الوقت؟ نصيحة منك تساعد."),
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
    "Alle Gesuche": ("All appeals", "جميع الطلبات"),
    "Was gerade gebraucht wird, nach Ort, Art und Stichwort.": (
        "What is needed right now, by place, kind and keyword.",
        "ما نحتاجه الآن، حسب المكان والنوع والكلمة المفتاحية."),
    "Alle Tandems": ("All tandems", "جميع الثنائيات"),
    "Die Menschen hinter den Gesuchen und ihre Wege.": (
        "The people behind the appeals and the paths they take.",
        "الناس الذين يقفون وراء الطلبات ومساراتهم."),
    # The two translated tandems' stories, pictures and outcomes (showcase.py writes them in German).
    "Amal hat in Aleppo zwölf Jahre als Elektrikerin gearbeitet, meist auf Baustellen für Schulen.": (
        "Amal worked as an electrician in Aleppo for twelve years, mostly on building sites for schools.",
        "عملت أمل كهربائية في حلب اثني عشر عامًا، وكان معظم عملها في مواقع بناء المدارس."),
    "Seit 2023 lebt sie in Köln-Kalk. Jonas hat sie im Sprachcafé kennengelernt; seitdem sortieren die beiden "
    "jeden Dienstag Zeugnisse, Normen und Formulare.": (
        "Since 2023 she has lived in Cologne-Kalk. She met Jonas at the language café; since then the two of them "
        "sort through certificates, standards and forms every Tuesday.",
        "تعيش منذ عام 2023 في حي كالك في كولونيا. تعرّفت على يوناس في مقهى اللغة، ومنذ ذلك الحين يرتّبان معًا كل "
        "يوم ثلاثاء الشهادات والمعايير والاستمارات."),
    "Strom ist überall gleich. Nur die Farben der Kabel sind hier anders.": (
        "Electricity is the same everywhere. Only the colours of the cables are different here.",
        "الكهرباء هي نفسها في كل مكان. ألوان الأسلاك وحدها مختلفة هنا."),
    "Amal &amp; Jonas in Köln": ("Amal &amp; Jonas in Cologne", "أمل ويوناس في كولونيا"),
    "Alltag von Amal &amp; Jonas": ("Everyday life of Amal &amp; Jonas", "من الحياة اليومية لأمل ويوناس"),
    "Anerkennungsantrag gestellt": ("Applied for recognition", "قُدّم طلب الاعتراف بالمؤهل"),
    "Gespräch bei einem Elektrobetrieb in Porz": (
        "Interview at an electrical firm in Porz", "مقابلة لدى شركة كهرباء في بورتس"),
    "Yonas hat in Asmara und später in Khartum in Hotelküchen gekocht.": (
        "Yonas cooked in hotel kitchens in Asmara and later in Khartoum.",
        "طهى يوناس في مطابخ الفنادق في أسمرة ثم في الخرطوم."),
    "Petra führte zwanzig Jahre ein Café in der Bonner Altstadt und kennt fast jede Küche der Stadt.": (
        "Petra ran a café in Bonn's old town for twenty years and knows almost every kitchen in the city.",
        "أدارت بيترا مقهى في البلدة القديمة في بون عشرين عامًا، وتعرف تقريبًا كل مطبخ في المدينة."),
    "Wenn Yonas kocht, wird es in der ganzen WG still.": (
        "When Yonas cooks, the whole flat share goes quiet.",
        "حين يطبخ يوناس يسود الصمت في السكن المشترك كله."),
    "Yonas &amp; Petra in Bonn": ("Yonas &amp; Petra in Bonn", "يوناس وبيترا في بون"),
    "Alltag von Yonas &amp; Petra": ("Everyday life of Yonas &amp; Petra", "من الحياة اليومية ليوناس وبيترا"),
    "Hygieneschulung bestanden": ("Passed the food hygiene training", "اجتاز التدريب على النظافة الصحية"),
    "Probekochen in einem Restaurant in Beuel": (
        "Trial cooking at a restaurant in Beuel", "طبخ تجريبي في مطعم في بويل"),
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


def demo_tips_translate() -> int:
    """Tips written in English and Arabic beside the translated appeals, quoted on their pages; return how many."""
    appeals = list(AppealPage.objects.filter(slug__in=PAGE_SLUGS, locale__language_code="de"))
    return sum(tips_demo_load(appeals=appeals, language=code,
                              towns={german: texts[index] for german, texts in TEXTS.items()})
               for index, code in enumerate(LANGUAGES))


def demo_tags_name() -> None:
    """Name every demo tag in English and Arabic, as staff do under Settings; names already given stay."""
    for tag in Tag.objects.filter(name__in=TAG_NAMES):
        given = set(tag.labels.values_list("language_code", flat=True))
        names = dict(zip(LANGUAGES, TAG_NAMES[tag.name], strict=True))
        tag_labels_set(tag=tag, names={code: name for code, name in names.items() if code not in given})
