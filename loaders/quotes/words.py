"""Closed word classes of the speaker and clause grammar (all lower case).

A speaker phrase is found by stripping what cannot be part of one (auxiliaries, connectors,
openers, subordinate clauses) from the words before a speech verb, and a reported clause must
open and go on like a clause (a pronoun or determiner, a finite verb soon): these sets are what
both tests look words up in.
"""

from __future__ import annotations

__all__ = [
    "AUX",
    "PASSIVE_AUX",
    "BLOCKING",
    "PRONOUNS",
    "DETERMINERS",
    "OPENERS",
    "LEAD_CONNECTORS",
    "SUBORDINATORS",
    "PREPOSITION_LIKE",
    "FINITE_AUX",
    "BAD_LAST",
    "word_count",
]

AUX = {
    "has", "had", "have", "also", "previously", "now", "then", "later", "again", "repeatedly",
    "directly", "apparently", "reportedly", "today", "yesterday", "recently", "publicly", "privately",
    "already", "once", "first", "further", "subsequently", "however", "just", "always", "often",
    "still", "earlier", "too", "since", "is", "are", "was", "were", "be", "been", "being",
    "similarly", "separately", "openly", "explicitly", "specifically", "clearly", "firmly", "simply",
    "originally", "initially", "last", "night", "week", "month", "year", "this", "personally",
}  # fmt: skip
PASSIVE_AUX = {"is", "are", "was", "were", "be", "been", "being"}
BLOCKING = {
    "to", "would", "will", "could", "should", "may", "might", "must", "can", "did", "does", "do",
    "not", "never", "n't", "who", "which", "that", "whom", "whose", "what", "if", "whether", "when",
    "where", "why", "how", "cannot", "shall", "won't", "wouldn't", "didn't", "doesn't", "don't",
    "can't", "couldn't", "hasn't", "haven't", "hadn't", "isn't", "wasn't", "weren't",
}  # fmt: skip
PRONOUNS = {"i", "we", "he", "she", "they", "it", "you"}
DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "some", "many", "several", "both", "all", "each", "every", "one", "two", "three",
    "another", "other", "most", "senior", "former",
}  # fmt: skip
OPENERS = {
    "in", "on", "at", "when", "while", "whilst", "as", "after", "before", "since", "if", "although",
    "though", "because", "during", "despite", "following", "given", "under", "over", "within", "with",
    "without", "for", "from", "by", "having", "unlike", "like", "amid", "amongst", "among", "between",
    "through", "until", "once", "last", "this", "next", "earlier", "later", "yesterday", "today",
    "tonight", "meanwhile", "however", "but", "and", "also", "elsewhere", "according", "separately",
    "overall", "previously", "here", "there", "now", "instead", "notably", "similarly", "likewise",
    "additionally", "further", "furthermore", "moreover", "thus", "then", "indeed", "of", "to",
    "recently", "currently", "initially", "originally", "ultimately", "finally", "first", "second",
    "third", "lastly", "again", "still", "yet", "so", "or", "nor", "plus", "hence", "nonetheless",
    "nevertheless", "subsequently", "crucially", "importantly", "speaking", "asked", "writing",
    "responding", "appearing", "addressing", "commenting", "reacting", "explaining", "against",
    "across", "around", "beyond", "behind", "above", "below", "towards", "toward", "upon",
    "throughout", "alongside", "inside", "outside", "considering", "regarding", "ahead", "due",
    "thanks", "whatever", "whether", "where", "why", "how", "what", "who", "which", "whose",
}  # fmt: skip
LEAD_CONNECTORS = {
    "but", "and", "so", "yet", "however", "meanwhile", "now", "also", "then", "instead", "indeed",
    "still", "separately", "elsewhere", "overall", "previously", "later", "earlier", "today",
    "yesterday", "tonight", "finally", "additionally", "moreover", "furthermore", "plus", "or", "nor",
    "thus", "hence", "nonetheless", "nevertheless", "subsequently", "ultimately", "notably",
    "crucially", "importantly", "similarly", "likewise", "here", "there", "again",
}  # fmt: skip
SUBORDINATORS = {
    "after", "before", "when", "while", "whilst", "because", "although", "though", "since", "if",
    "as", "until", "once", "whether", "where", "whereas", "unless",
}  # fmt: skip
PREPOSITION_LIKE = {
    "following", "including", "regarding", "concerning", "excluding", "considering", "involving",
    "amid", "despite", "about", "over", "against", "among", "amongst", "during", "into", "onto",
}  # fmt: skip
FINITE_AUX = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "did", "does", "do", "must", "may", "might", "shall",
}  # fmt: skip
BAD_LAST = {
    "the", "a", "an", "of", "to", "for", "and", "or", "but", "in", "on", "at", "by", "with", "from",
    "as", "than", "that", "which", "who", "whose", "whom", "his", "her", "its", "their", "our", "my",
    "your", "this", "these", "those", "not",
}  # fmt: skip


def word_count(text: str) -> int:
    """Words in a quote or gap: short quotes must sit close to their verb."""
    return len(text.split())
