"""What people read on a surface, and the internal ids that must never be in it.

Ids (``onshore_inhouse``, ``offshore_outsource@VN``) belong in JSON, files and
``--format json``. A page's human text is its text and its alt/title/aria labels; the
scenario file it quotes (``<pre>``, ``<textarea>``, Markdown code) and its embedded data
(``<script>``) are files, not text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

OPTION_ID = re.compile(r"\b(?:on|off)shore_(?:inhouse|outsource)\b|\w@[A-Z]{2}\b|\bmixed\b")
_FILE_TAGS = {"script", "style", "pre", "textarea", "code", "template"}
_LABEL_ATTRS = {"alt", "title", "aria-label", "placeholder"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        hide = tag in _FILE_TAGS or "code" in classes
        if tag in {"br", "img", "input", "meta", "link", "hr", "col", "source"}:
            hide_void = True
        else:
            hide_void = False
            self.stack.append((tag, hide))
            self.hidden += hide
        if not self.hidden and not (hide and hide_void):
            self.parts += [v for k, v in attrs if k in _LABEL_ATTRS and v]

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, hide = self.stack.pop()
            self.hidden -= hide
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The human text of an HTML page (see module doc)."""
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def markdown_text(md: str) -> str:
    """Markdown without its fenced blocks and `code` spans (the scenario file's names)."""
    md = re.sub(r"```.*?```", " ", md, flags=re.S)
    return re.sub(r"`[^`\n]*`", " ", md)


def ids_in(text: str) -> list[str]:
    """Each internal id in ``text`` with a little context, for the assertion message."""
    return [text[max(0, m.start() - 60) : m.end() + 20] for m in OPTION_ID.finditer(text)]
