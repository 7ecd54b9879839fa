"""Calendar: merging events by identity, occurrences in a window, and the agenda of a day."""
