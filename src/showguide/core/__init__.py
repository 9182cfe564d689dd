"""The data model, loading, validation and everything else that is not UI.

Nothing in this package may import Textual: the non-interactive commands use it
and must start fast (tests/test_import_hygiene.py proves it).
"""
