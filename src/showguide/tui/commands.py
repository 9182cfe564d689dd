"""One definition per command: its key, footer label, palette entry and help line.

The bindings of the app and of the guide screen, and the command-palette
entries, are all generated from PANE_COMMANDS, GUIDE_COMMANDS and APP_COMMANDS; the help
screen reads the live bindings. So a key cannot be described differently in
two places.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

#: The panes in tab order; their ids are also what `show_pane` takes.
PANES: tuple[tuple[str, str], ...] = (
    ("overview", "Overview"),
    ("plot", "Plot"),
    ("cast", "Cast"),
    ("highlights", "Highlights"),
    ("faq", "FAQ"),
    ("sources", "Sources"),
    ("episodes", "Episodes"),
)


@dataclass(frozen=True)
class GuideCommand:
    keys: str
    action: str
    #: Short label for the footer and the help screen.
    label: str
    #: One sentence for the command palette and the help screen.
    help: str
    footer: bool = False
    palette: bool = True
    #: The palette's title; the label is used when it is empty.
    palette_title: str = ""

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.label, show=self.footer, tooltip=self.help)

    @property
    def title(self) -> str:
        return self.palette_title or self.label


#: Commands of the guide screen.
PANE_COMMANDS: tuple[GuideCommand, ...] = tuple(
    GuideCommand(
        str(number),
        f"show_pane('{pane}')",
        title,
        f"Show the {title} pane.",
        palette_title=f"Go to {title}",
    )
    for number, (pane, title) in enumerate(PANES, start=1)
)

#: Commands of the guide screen beyond the panes.
GUIDE_COMMANDS: tuple[GuideCommand, ...] = (
    GuideCommand(
        "slash",
        "search",
        "Search",
        "Search the whole guide.",
        footer=True,
        palette_title="Search the guide",
    ),
    GuideCommand(
        "escape",
        "back_to_catalog",
        "Shows",
        "Go back to the list of shows.",
        footer=True,
        palette_title="Back to the list of shows",
    ),
    GuideCommand(
        "y",
        "copy_item",
        "Copy",
        "Copy the item under the cursor to the clipboard.",
        palette_title="Copy the item under the cursor",
    ),
    GuideCommand(
        "e",
        "edit_item",
        "Edit",
        "Edit the show's file at this item ($VISUAL or $EDITOR).",
        palette_title="Edit the show file at this item",
    ),
    GuideCommand(
        "S",
        "toggle_shield",
        "Spoilers",
        "Show or hide every spoiler at once (the spoiler shield).",
        palette_title="Toggle the spoiler shield",
    ),
)

#: Commands that work everywhere in the app.
APP_COMMANDS: tuple[GuideCommand, ...] = (
    GuideCommand(
        "question_mark,f1", "help", "Help", "Show every key that works here.", footer=True
    ),
    GuideCommand(
        "r,ctrl+r",
        "reload",
        "Reload",
        "Read the show files again from disk, keeping your place.",
        palette_title="Reload the show files",
    ),
    GuideCommand("q", "quit", "Quit", "Leave showguide.", footer=True, palette=False),
)


def guide_bindings() -> list[BindingType]:
    return [command.binding() for command in (*PANE_COMMANDS, *GUIDE_COMMANDS)]


def app_bindings() -> list[BindingType]:
    return [command.binding() for command in APP_COMMANDS]
