"""The Textual app. Only ``showguide.commands.launch`` imports this package."""
