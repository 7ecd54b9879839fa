"""The pure core: dataclasses and rules. No I/O, no clock, no Textual/TinyDB/icalendar."""
