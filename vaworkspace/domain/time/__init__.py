"""Time: the focus timer, time entries, working hours, reports and timesheets."""
