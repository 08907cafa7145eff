"""Write the corpus's references back out as BibTeX."""

from __future__ import annotations

from ..model import Reference

__all__ = ["format_bibtex"]


def _escape(value: str) -> str:
    # Braces must balance inside a braced BibTeX value; drop unbalanced ones.
    depth = 0
    kept = []
    for char in value:
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                continue
            depth -= 1
        kept.append(char)
    return "".join(kept) + "}" * depth


def format_bibtex(references: tuple[Reference, ...] | list[Reference]) -> str:
    """The references as BibTeX text, entries and fields in a stable order.

    Examples
    --------
    >>> print(format_bibtex([Reference("a2020", "article", (("title", "T"), ("year", "2020")))]))
    @article{a2020,
      title = {T},
      year = {2020},
    }
    <BLANKLINE>
    """
    chunks = []
    for ref in sorted(references, key=lambda r: r.key):
        lines = [f"@{ref.entry_type}{{{ref.key},"]
        lines += [f"  {name} = {{{_escape(value)}}}," for name, value in ref.fields]
        lines.append("}")
        chunks.append("\n".join(lines) + "\n")
    return "\n".join(chunks)
