"""iCalendar in and out: every use of the icalendar library lives here."""
