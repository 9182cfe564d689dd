"""The non-interactive commands. None of them imports Textual."""
