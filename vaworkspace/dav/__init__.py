"""CalDAV (RFC 4791) transport: an adapter beside `ical/` and `store/`.

This package moves calendar resources between the workspace and a server and
knows nothing of tasks: it discovers the collections an account holds, lists what
changed since a sync token (RFC 6578) or by ETag, fetches resources in batches,
and writes or deletes one resource under a precondition (`If-Match`,
`If-None-Match: *`) so a change made on the server since the last sync is never
overwritten. The bytes are iCalendar; `ical/` reads and writes them, the service
(`service/dav_sync.py`) decides what goes where.

The `caldav` library (2.0.x: it runs on `requests`; 2.1 and later pull
`niquests` and `urllib3-future`, whose `.pth` file costs every Python start) does
the HTTP, authentication and discovery; it is imported only by `va sync` and
`va account`.
"""
