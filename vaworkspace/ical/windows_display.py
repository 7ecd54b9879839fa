"""Outlook's display-name TZIDs, `(UTC-05:00) Eastern Time (US & Canada)`, as Windows keys.

Outlook and Exchange usually name a zone by its Windows key (`Eastern Standard
Time`), which icalendar maps to IANA. Some versions, and the tools that copy
them, write the zone's display name instead: the offset in brackets, then the
cities. Older Windows wrote `GMT` where newer ones write `UTC`, and renamed a few
city lists, so a name is matched on its city part alone, case and spacing aside;
the offset kept beside it is the one Windows shows today, which the IANA zone
has in January or July (tests/ical/test_display_zones.py checks each).

Pure data and one lookup: no icalendar import here.
"""

from __future__ import annotations

import re

DISPLAY_NAMES: tuple[tuple[str, str, str], ...] = (
    # (offset in the display name, its city part, Windows key)
    ("-12:00", "International Date Line West", "Dateline Standard Time"),
    ("-11:00", "Coordinated Universal Time-11", "UTC-11"),
    ("-11:00", "Midway Island, Samoa", "UTC-11"),
    ("-10:00", "Aleutian Islands", "Aleutian Standard Time"),
    ("-10:00", "Hawaii", "Hawaiian Standard Time"),
    ("-09:30", "Marquesas Islands", "Marquesas Standard Time"),
    ("-09:00", "Alaska", "Alaskan Standard Time"),
    ("-09:00", "Coordinated Universal Time-09", "UTC-09"),
    ("-08:00", "Baja California", "Pacific Standard Time (Mexico)"),
    ("-08:00", "Tijuana, Baja California", "Pacific Standard Time (Mexico)"),
    ("-08:00", "Coordinated Universal Time-08", "UTC-08"),
    ("-08:00", "Pacific Time (US & Canada)", "Pacific Standard Time"),
    ("-07:00", "Arizona", "US Mountain Standard Time"),
    ("-07:00", "Mountain Time (US & Canada)", "Mountain Standard Time"),
    ("-07:00", "Yukon", "Yukon Standard Time"),
    ("-06:00", "Central America", "Central America Standard Time"),
    ("-06:00", "Central Time (US & Canada)", "Central Standard Time"),
    ("-06:00", "Easter Island", "Easter Island Standard Time"),
    ("-06:00", "Guadalajara, Mexico City, Monterrey", "Central Standard Time (Mexico)"),
    ("-06:00", "Saskatchewan", "Canada Central Standard Time"),
    ("-05:00", "Bogota, Lima, Quito, Rio Branco", "SA Pacific Standard Time"),
    ("-05:00", "Bogota, Lima, Quito", "SA Pacific Standard Time"),
    ("-05:00", "Chetumal", "Eastern Standard Time (Mexico)"),
    ("-05:00", "Eastern Time (US & Canada)", "Eastern Standard Time"),
    ("-05:00", "Haiti", "Haiti Standard Time"),
    ("-05:00", "Havana", "Cuba Standard Time"),
    ("-05:00", "Indiana (East)", "US Eastern Standard Time"),
    ("-05:00", "Turks and Caicos", "Turks And Caicos Standard Time"),
    ("-03:00", "Asuncion", "Paraguay Standard Time"),
    ("-04:00", "Atlantic Time (Canada)", "Atlantic Standard Time"),
    ("-04:00", "Caracas", "Venezuela Standard Time"),
    ("-04:00", "Cuiaba", "Central Brazilian Standard Time"),
    ("-04:00", "Georgetown, La Paz, Manaus, San Juan", "SA Western Standard Time"),
    ("-04:00", "Santiago", "Pacific SA Standard Time"),
    ("-03:30", "Newfoundland", "Newfoundland Standard Time"),
    ("-03:00", "Araguaina", "Tocantins Standard Time"),
    ("-03:00", "Brasilia", "E. South America Standard Time"),
    ("-03:00", "Cayenne, Fortaleza", "SA Eastern Standard Time"),
    ("-03:00", "City of Buenos Aires", "Argentina Standard Time"),
    ("-03:00", "Buenos Aires", "Argentina Standard Time"),
    ("-03:00", "Montevideo", "Montevideo Standard Time"),
    ("-03:00", "Punta Arenas", "Magallanes Standard Time"),
    ("-03:00", "Saint Pierre and Miquelon", "Saint Pierre Standard Time"),
    ("-03:00", "Salvador", "Bahia Standard Time"),
    ("-02:00", "Coordinated Universal Time-02", "UTC-02"),
    ("-01:00", "Azores", "Azores Standard Time"),
    ("-01:00", "Cabo Verde Is.", "Cape Verde Standard Time"),
    ("-01:00", "Cape Verde Is.", "Cape Verde Standard Time"),
    ("+00:00", "Coordinated Universal Time", "UTC"),
    ("+00:00", "Dublin, Edinburgh, Lisbon, London", "GMT Standard Time"),
    ("+00:00", "Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London", "GMT Standard Time"),
    ("+00:00", "Monrovia, Reykjavik", "Greenwich Standard Time"),
    ("+00:00", "Sao Tome", "Sao Tome Standard Time"),
    ("+01:00", "Casablanca", "Morocco Standard Time"),
    ("+01:00", "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "W. Europe Standard Time"),
    (
        "+01:00",
        "Belgrade, Bratislava, Budapest, Ljubljana, Prague",
        "Central Europe Standard Time",
    ),
    ("+01:00", "Brussels, Copenhagen, Madrid, Paris", "Romance Standard Time"),
    ("+01:00", "Sarajevo, Skopje, Warsaw, Zagreb", "Central European Standard Time"),
    ("+01:00", "West Central Africa", "W. Central Africa Standard Time"),
    ("+03:00", "Amman", "Jordan Standard Time"),
    ("+02:00", "Athens, Bucharest", "GTB Standard Time"),
    ("+02:00", "Athens, Bucharest, Istanbul", "GTB Standard Time"),
    ("+02:00", "Beirut", "Middle East Standard Time"),
    ("+02:00", "Cairo", "Egypt Standard Time"),
    ("+02:00", "Chisinau", "E. Europe Standard Time"),
    ("+03:00", "Damascus", "Syria Standard Time"),
    ("+02:00", "Gaza, Hebron", "West Bank Standard Time"),
    ("+02:00", "Harare, Pretoria", "South Africa Standard Time"),
    ("+02:00", "Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius", "FLE Standard Time"),
    ("+02:00", "Helsinki, Kiev, Riga, Sofia, Tallinn, Vilnius", "FLE Standard Time"),
    ("+02:00", "Jerusalem", "Israel Standard Time"),
    ("+02:00", "Juba", "South Sudan Standard Time"),
    ("+02:00", "Kaliningrad", "Kaliningrad Standard Time"),
    ("+02:00", "Khartoum", "Sudan Standard Time"),
    ("+02:00", "Tripoli", "Libya Standard Time"),
    ("+02:00", "Windhoek", "Namibia Standard Time"),
    ("+03:00", "Baghdad", "Arabic Standard Time"),
    ("+03:00", "Istanbul", "Turkey Standard Time"),
    ("+03:00", "Kuwait, Riyadh", "Arab Standard Time"),
    ("+03:00", "Minsk", "Belarus Standard Time"),
    ("+03:00", "Moscow, St. Petersburg", "Russian Standard Time"),
    ("+03:00", "Moscow, St. Petersburg, Volgograd", "Russian Standard Time"),
    ("+03:00", "Nairobi", "E. Africa Standard Time"),
    ("+03:00", "Volgograd", "Volgograd Standard Time"),
    ("+03:30", "Tehran", "Iran Standard Time"),
    ("+04:00", "Abu Dhabi, Muscat", "Arabian Standard Time"),
    ("+04:00", "Astrakhan, Ulyanovsk", "Astrakhan Standard Time"),
    ("+04:00", "Baku", "Azerbaijan Standard Time"),
    ("+04:00", "Izhevsk, Samara", "Russia Time Zone 3"),
    ("+04:00", "Port Louis", "Mauritius Standard Time"),
    ("+04:00", "Saratov", "Saratov Standard Time"),
    ("+04:00", "Tbilisi", "Georgian Standard Time"),
    ("+04:00", "Yerevan", "Caucasus Standard Time"),
    ("+04:30", "Kabul", "Afghanistan Standard Time"),
    ("+05:00", "Ashgabat, Tashkent", "West Asia Standard Time"),
    ("+05:00", "Ekaterinburg", "Ekaterinburg Standard Time"),
    ("+05:00", "Islamabad, Karachi", "Pakistan Standard Time"),
    ("+05:00", "Qyzylorda", "Qyzylorda Standard Time"),
    ("+05:30", "Chennai, Kolkata, Mumbai, New Delhi", "India Standard Time"),
    ("+05:30", "Sri Jayawardenepura", "Sri Lanka Standard Time"),
    ("+05:45", "Kathmandu", "Nepal Standard Time"),
    ("+06:00", "Dhaka", "Bangladesh Standard Time"),
    ("+06:00", "Omsk", "Omsk Standard Time"),
    ("+06:30", "Yangon (Rangoon)", "Myanmar Standard Time"),
    ("+07:00", "Bangkok, Hanoi, Jakarta", "SE Asia Standard Time"),
    ("+07:00", "Barnaul, Gorno-Altaysk", "Altai Standard Time"),
    ("+07:00", "Hovd", "W. Mongolia Standard Time"),
    ("+07:00", "Krasnoyarsk", "North Asia Standard Time"),
    ("+07:00", "Novosibirsk", "N. Central Asia Standard Time"),
    ("+07:00", "Tomsk", "Tomsk Standard Time"),
    ("+08:00", "Beijing, Chongqing, Hong Kong, Urumqi", "China Standard Time"),
    ("+08:00", "Irkutsk", "North Asia East Standard Time"),
    ("+08:00", "Kuala Lumpur, Singapore", "Singapore Standard Time"),
    ("+08:00", "Perth", "W. Australia Standard Time"),
    ("+08:00", "Taipei", "Taipei Standard Time"),
    ("+08:00", "Ulaanbaatar", "Ulaanbaatar Standard Time"),
    ("+08:45", "Eucla", "Aus Central W. Standard Time"),
    ("+09:00", "Chita", "Transbaikal Standard Time"),
    ("+09:00", "Osaka, Sapporo, Tokyo", "Tokyo Standard Time"),
    ("+09:00", "Pyongyang", "North Korea Standard Time"),
    ("+09:00", "Seoul", "Korea Standard Time"),
    ("+09:00", "Yakutsk", "Yakutsk Standard Time"),
    ("+09:30", "Adelaide", "Cen. Australia Standard Time"),
    ("+09:30", "Darwin", "AUS Central Standard Time"),
    ("+10:00", "Brisbane", "E. Australia Standard Time"),
    ("+10:00", "Canberra, Melbourne, Sydney", "AUS Eastern Standard Time"),
    ("+10:00", "Guam, Port Moresby", "West Pacific Standard Time"),
    ("+10:00", "Hobart", "Tasmania Standard Time"),
    ("+10:00", "Vladivostok", "Vladivostok Standard Time"),
    ("+10:30", "Lord Howe Island", "Lord Howe Standard Time"),
    ("+11:00", "Bougainville Island", "Bougainville Standard Time"),
    ("+11:00", "Chokurdakh", "Russia Time Zone 10"),
    ("+11:00", "Magadan", "Magadan Standard Time"),
    ("+11:00", "Norfolk Island", "Norfolk Standard Time"),
    ("+11:00", "Sakhalin", "Sakhalin Standard Time"),
    ("+11:00", "Solomon Is., New Caledonia", "Central Pacific Standard Time"),
    ("+12:00", "Anadyr, Petropavlovsk-Kamchatsky", "Russia Time Zone 11"),
    ("+12:00", "Auckland, Wellington", "New Zealand Standard Time"),
    ("+12:00", "Coordinated Universal Time+12", "UTC+12"),
    ("+12:00", "Fiji", "Fiji Standard Time"),
    ("+12:45", "Chatham Islands", "Chatham Islands Standard Time"),
    ("+13:00", "Coordinated Universal Time+13", "UTC+13"),
    ("+13:00", "Nuku'alofa", "Tonga Standard Time"),
    ("+13:00", "Samoa", "Samoa Standard Time"),
    ("+14:00", "Kiritimati Island", "Line Islands Standard Time"),
)

_PREFIX = re.compile(r"^\(\s*(?:UTC|GMT)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)\s*", re.IGNORECASE)


def _folded(text: str) -> str:
    return " ".join(text.replace(" :", ":").split()).casefold()


_KEYS = {_folded(cities): key for _, cities, key in DISPLAY_NAMES}


def windows_key(tzid: str) -> str | None:
    """The Windows key a display-name TZID stands for; None if it is not one."""
    found = _PREFIX.match(tzid.strip())
    if found is None:
        return None
    return _KEYS.get(_folded(tzid.strip()[found.end() :]))
