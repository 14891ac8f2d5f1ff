"""Names from a pull request, printed where they could be read as commands or markup.

Threat: file and folder names come from the pull request. In a GitHub workflow command
(`::error file=...::message`) a newline in a name starts a command of its own (`::add-mask::`,
`::notice::`), and a `,` or `:` in a property ends it; in a Markdown job summary a backtick
or bracket adds links and images. A name that is not UTF-8 arrives as surrogate escapes
(os.fsdecode) and breaks a strict UTF-8 stdout. So every name is made `printable` (escapes
shown as `\\xff`, `\\n`, `\\u202e`), and then escaped for where it goes, as GitHub documents
for workflow commands, or as Markdown text for summaries.
"""

from __future__ import annotations

import html

# embeddings, overrides (U+202A-U+202E), isolates (U+2066-U+2069), line separators, BOM; the marks
# U+200E, U+200F and U+061C stay: right-to-left text uses them and they reorder nothing around them
INVISIBLE = {0x2028, 0x2029, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
MARKDOWN_PUNCTUATION = set("\\`*_{}[]()#!|~")  # a name never starts a line: '-', '+', '.' stay


def printable(text: str) -> str:
    """`text` with undecodable bytes, control characters and bidi controls as visible escapes."""
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in INVISIBLE:
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def first_invisible(text: str, allowed: str = "") -> int:
    """The index of the first character `printable` would escape (not in `allowed`), or -1."""
    for index, char in enumerate(text):
        code = ord(char)
        if char not in allowed and (code < 0x20 or 0x7F <= code <= 0x9F or code in INVISIBLE or 0xD800 <= code <= 0xDFFF):
            return index
    return -1


def describe(char: str) -> str:
    kind = "bidirectional control" if ord(char) in INVISIBLE else "control character"
    return f"invisible {kind} U+{ord(char):04X}"


def has_invisible(text: str) -> bool:
    """True when `text` holds a character `printable` would escape."""
    return any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or ord(c) in INVISIBLE or 0xD800 <= ord(c) <= 0xDFFF for c in text)


def workflow_data(text: str) -> str:
    """The message of a workflow command (after `::`)."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)  # other control characters, bidi controls and undecodable bytes shown as escapes


def workflow_property(text: str) -> str:
    """A property value of a workflow command (`file=`, `title=`)."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def markdown_text(text: str) -> str:
    """`text` as literal Markdown text (also inside a table cell and inside <code>)."""
    out = []
    for char in printable(text):
        if char in "<>&\"'":
            out.append(html.escape(char))
        elif char in MARKDOWN_PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def markdown_code(text: str) -> str:
    """A name shown as code in a Markdown summary, with nothing in it interpreted."""
    return f"<code>{markdown_text(text)}</code>"
