"""One module per pane of the guide, each with its .tcss beside it."""
