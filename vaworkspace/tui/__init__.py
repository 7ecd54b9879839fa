"""The Textual interface: screens and widgets; every rule lives in service.py."""
