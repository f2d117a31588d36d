"""Fail the build on a ``[[name]]`` marker that no hook expanded (tensornotes.markers)."""

from mkdocs.plugins import event_priority

from tensornotes.markers import check_expanded


@event_priority(-90)  # after every expander (priority 0), before Chinese line joining
def on_page_markdown(markdown, page, **kwargs):
    return check_expanded(markdown, page.file.src_uri)
