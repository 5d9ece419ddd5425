"""Arabic formats for readers living in Germany (Django's own "ar" leaves date-times in US order).

Digits stay Western (0-9), as Django renders them, on purpose: our Arabic readers live in Germany,
where the phone numbers, postcodes and dates they copy into forms and letters use these digits, and
our forms parse only them. Month names come from Django's Arabic catalog. 24-hour time, Saturday is
not the week's start here: Monday is, as on every German calendar the reader deals with.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
# With Western digits, the Latin-script separators Arabic websites use alongside them.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
