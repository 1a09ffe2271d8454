"""Finding and linking mentions of people, bodies, posts, programmes and inquiries in a text.

Linking is done on a *folded* copy of the text (curly quotes, dashes and no-break spaces made
plain, one character for one) so that every offset is an offset into the document's own text.
`linker_for(registry).link(text, ref_date)` gives a document's mentions (a `DocMentions`).

What it recognises, in order of precedence (a longer mention wins over a shorter one), and where:

1. Registry names (registry_names): long names and aliases case-insensitively ("the Met",
   "Mayor's Office for Policing and Crime"), abbreviations and one-word aliases case-sensitively
   ("MPS", "Met").
2. People by pattern (people): a title and capitalised names ("Commander Clair Kelland",
   "Baroness Anne Longfield CBE", "Lord Duvall of Woolwich OBE AM"), or capitalised names in a
   context that makes them a person (followed by "said", ", leader of", post-nominals ...).
3. Back-references once a person is known in the document (or unique in the registry) (coref):
   surname alone ("Hall"), honorific and first name ("Sir Mark"), title and surname ("Mr Khan").
4. Bodies and programmes by name pattern (discovery, money_programmes): capitalised phrases
   ending in a body or programme word ("... Council", "... Trust", "... Partnership Executive",
   "... Support Service"), lower-case inquiries ("the national inquiry", "a national
   re-investigation"), named audits ("the Casey audit") and money-named programmes ("a new £2.4m
   package of support").
5. Posts ("the Mayor", "the Commissioner", "the Chair") resolved to who holds them (posts): a
   holder named beside the post in this document first, then the registry's holder at the
   document's date, otherwise the Post itself.
6. Definite references back to something already mentioned (coref): "the money", "the funds" ->
   the last money-named programme; "the force" -> the last police force; "the board" -> the last
   body named "... Board".

The rest of the package: folding (fold), bounded (look-behinds checked in Python), heads and
stopwords (the vocabularies), linescan (running patterns only on lines that can match), mentions
(Mention, DocMentions) and linker (the passes in order).
"""

from loaders.names.linker import Linker, linker_for

__all__ = ["Linker", "linker_for"]
