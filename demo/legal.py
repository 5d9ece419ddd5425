"""Demo imprint and privacy notices, for the network and for the first partner, in German, English and Arabic.

The English and Arabic pages are translations of the German ones (same translation key), so the language
switcher leads from one to the other. Idempotent: a page that exists (by slug and language) stays as it is.
All names and addresses are fictitious.
"""

from wagtail.models import Locale, Page

from core.models import LegalKind, LegalPage
from home.models import HomePage
from partners.models import PartnerPage

NETWORK_ADDRESS = "Nahbar-Netzwerk e.V. · Musterstraße 12 · 50667 Köln · kontakt@nahbar.example.org"
PARTNER_ADDRESS = "Brückenbau Köln e.V. · Kalker Hauptstraße 5 · 51103 Köln · kontakt@brueckenbau.example.org"

# (slug, kind) -> {language: (title, body)}; {address} is filled in per owner.
TEXTS = {
    ("impressum", LegalKind.IMPRINT): {
        "de": ("Impressum", "<p>{address}</p><p>Vertreten durch den Vorstand. Eingetragen im Vereinsregister "
                            "des Amtsgerichts Köln (fiktive Demo-Angaben).</p><h2>Verantwortlich für den Inhalt</h2>"
                            "<p>Der Vorstand, Anschrift wie oben.</p>"),
        "en": ("Imprint", "<p>{address}</p><p>Represented by the board. Registered in the register of "
                          "associations at Cologne local court (fictitious demo details).</p>"
                          "<h2>Responsible for the content</h2><p>The board, address as above.</p>"),
        "ar": ("بيانات الناشر", "<p>{address}</p><p>يمثّلها مجلس الإدارة. مسجّلة في سجل الجمعيات لدى محكمة "
                                "كولونيا المحلية (بيانات تجريبية خيالية).</p><h2>المسؤول عن المحتوى</h2>"
                                "<p>مجلس الإدارة، على العنوان المذكور أعلاه.</p>"),
    },
    ("datenschutz", LegalKind.PRIVACY): {
        "de": ("Datenschutzerklärung", (
            "<h2>Wer verantwortlich ist</h2><p>{address}</p>"
            "<h2>Was wir speichern und warum</h2><p>Wenn Sie einen Tipp oder ein Angebot senden, speichern wir "
            "Ihren Text, den Ort und – falls angegeben – Ihren Namen, Ihre E-Mail-Adresse und Telefonnummer. Wir "
            "nutzen sie nur, um Ihnen zu antworten und Hilfe zu vermitteln (Art. 6 Abs. 1 lit. a und f DSGVO). "
            "Ihre Kontaktdaten sehen nur die zuständige Partnerorganisation und das Team des Netzwerks.</p>"
            "<h2>Was wir nicht tun</h2><p>Keine Werbe-Cookies, keine Analyse-Dienste, keine Schriften oder "
            "Skripte von fremden Servern. Die Karte lädt Kartenkacheln eines fremden Servers nur, wenn Sie das "
            "ausdrücklich einschalten.</p>"
            "<h2>Wie lange</h2><p>Tipps löschen wir, sobald sie erledigt sind, spätestens nach zwölf Monaten.</p>"
            "<h2>Ihre Rechte</h2><p>Sie können Auskunft, Berichtigung, Löschung und Einschränkung verlangen, "
            "einer Verarbeitung widersprechen und sich bei einer Datenschutz-Aufsichtsbehörde beschweren.</p>")),
        "en": ("Privacy notice", (
            "<h2>Who is responsible</h2><p>{address}</p>"
            "<h2>What we keep and why</h2><p>When you send a tip or an offer we keep your text, the place and, if "
            "you give them, your name, e-mail address and phone number. We use them only to answer you and to "
            "find help (Art. 6(1)(a) and (f) GDPR). Only the partner organisation responsible and the network's "
            "team see your contact details.</p>"
            "<h2>What we do not do</h2><p>No advertising cookies, no analytics, no fonts or scripts from other "
            "servers. The map loads tiles from another server only when you switch that on yourself.</p>"
            "<h2>How long</h2><p>We delete tips once they are dealt with, after twelve months at the latest.</p>"
            "<h2>Your rights</h2><p>You can ask for access, correction, deletion and restriction, object to "
            "processing and complain to a data protection authority.</p>")),
        "ar": ("إشعار الخصوصية", (
            "<h2>من المسؤول</h2><p>{address}</p>"
            "<h2>ما الذي نحفظه ولماذا</h2><p>عندما ترسل نصيحة أو عرضًا نحفظ نصّك والمكان، وكذلك اسمك وبريدك "
            "الإلكتروني ورقم هاتفك إن ذكرتها. نستخدمها فقط للرد عليك وللعثور على المساعدة (المادة 6 (1) (أ) "
            "و(و) من اللائحة العامة لحماية البيانات). لا يرى بيانات الاتصال الخاصة بك إلا المنظمة الشريكة "
            "المسؤولة وفريق الشبكة.</p>"
            "<h2>ما لا نفعله</h2><p>لا ملفات تعريف ارتباط إعلانية، ولا خدمات تحليل، ولا خطوط أو نصوص برمجية "
            "من خوادم أخرى. لا تحمّل الخريطة صورًا من خادم آخر إلا إذا شغّلت ذلك بنفسك.</p>"
            "<h2>إلى متى</h2><p>نحذف النصائح بعد معالجتها، وبعد اثني عشر شهرًا على الأكثر.</p>"
            "<h2>حقوقك</h2><p>يمكنك طلب الاطلاع على بياناتك وتصحيحها وحذفها وتقييد معالجتها، والاعتراض على "
            "المعالجة، وتقديم شكوى إلى هيئة رقابية لحماية البيانات.</p>")),
    },
}


def _legal_pages(parent: Page, address: str) -> int:
    made = 0
    for (slug, kind), languages in TEXTS.items():
        original = LegalPage.objects.child_of(parent).filter(slug=slug).first()
        if original is None:
            title, body = languages["de"]
            original = LegalPage(title=title, slug=slug, kind=kind, body=body.format(address=address))
            parent.add_child(instance=original)
            original.save_revision().publish()
            made += 1
        made += _translations(original, languages, address)
    return made


def _translations(original: LegalPage, languages: dict, address: str) -> int:
    made = 0
    for code in ("en", "ar"):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or original.get_translations().filter(locale=locale, alias_of__isnull=True).exists():
            continue
        if not original.get_parent().get_translations().filter(locale=locale).exists():
            continue  # the parent (a partner page) is not translated into this language
        title, body = languages[code]
        translated = original.copy_for_translation(locale)
        translated.title, translated.body = title, body.format(address=address)
        translated.save_revision().publish()
        made += 1
    return made


def demo_legal_load(*, home: HomePage) -> int:
    """The network's imprint and privacy notice, and the first partner's own; returns how many pages were made."""
    made = _legal_pages(home, NETWORK_ADDRESS)
    partner = PartnerPage.objects.filter(slug="brueckenbau-koeln", locale__language_code="de").first()
    if partner is not None:
        made += _legal_pages(partner, PARTNER_ADDRESS)
    return made
