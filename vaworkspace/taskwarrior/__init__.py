"""The Taskwarrior adapter: a `task export` file read, checked and turned into workspace records."""
