"""Tasks: quick add, fields, recurrence, merging by uuid, urgency, a task's life."""
