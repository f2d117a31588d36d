"""Join Chinese lines wrapped in the Markdown source, outside code blocks.

Browsers render a source line break as a space, and Chinese puts no space
between two characters: `tensornotes.cjk.join_cjk_lines` joins such lines
(the notebooks use the same function).
"""

from mkdocs.plugins import event_priority

from tensornotes.cjk import join_cjk_lines


@event_priority(-100)  # last: after every hook that adds text to the page
def on_page_markdown(markdown, **kwargs):
    return join_cjk_lines(markdown)
