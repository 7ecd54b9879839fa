"""The quick-add grammar as `va add --help` and `va edit --help` end with it: one
text to translate whole, since a translator reflows the columns (French adds its
own words: `éch:`, `!haute`, `chaque lundi`)."""

from __future__ import annotations

from vaworkspace.i18n import N_

GRAMMAR = N_("""quick-add grammar:
  @client        client id or unambiguous prefix of its id or name
  #tag  -#tag    add / remove a tag
  !h !m !l       priority high / medium / low (also !high, !1..!3; !none clears)
  due:EXPR       today, tomorrow, tonight, fri, next-monday, in-3-days, eow, eom,
                 2026-12-05, dec-5, with an optional time: due:fri 17:00, due:tomorrow-5pm
  wait:EXPR      hide the task until then (waiting on the client)
  sched:EXPR     when you plan to do it
  ~45m ~1h30m    estimate
  every week     recurrence: day, weekday, week, 2-weeks, monday, month, …;
                 every! … counts from the completion date
  \\word          a literal title word (\\#1, \\@home)
everything else is the title.""")
"""The epilog of `va add` and `va edit`; French documents its French words too."""
