"""spaCy's attribute ruler with the same result at a fraction of its cost (loaders/nlp/model.py).

The model's ruler (`attribute_ruler` of en_core_web_sm 3.8) holds 179 rules: the tag map first
(one single-token rule per fine tag, setting POS and MORPH: rules 0 to 55) and then exceptions
("but" as an adverb, "gon na", a space's tag). It finds every match of every rule with spaCy's
Matcher and then applies them in rule order, later rules winning. The Matcher tries every rule on
every token (about 12 microseconds a token, an eighth of the parse's CPU with the products on
numpy). Here the tag map is a lookup by tag, and the exceptions are looked up by the first
token's lower-case form, tag or dependency (the few with none of these are tried everywhere);
every match is found before any is applied and they are applied in the ruler's own order, so the
tokens come out the same (tests/test_parse_cost.py compares every token of real sentences with
the model as shipped). A ruler whose rules use anything else (other attributes, operators or
quantifiers) is not replaced: `TagMapFirst.build` returns None.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["TagMapFirst"]

# the token attributes the rules may test, in the order of `doc.to_array`'s columns
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_NONE: list = []


class _Unsupported(Exception):
    pass


class TagMapFirst:
    """The attribute ruler as a tag lookup and indexed exception rules."""

    def __init__(self, by_tag: dict, rules: list, index: dict, space: list, always: list, strings: Any):
        self.by_tag = by_tag  # tag hash -> attrs of its tag-map rule
        self.rules = rules  # (rule number, token checks, index of the token set, attrs)
        self.index = index  # (column, value hash) -> rules whose first token needs it
        self.space = space  # rules whose first token must be a space
        self.always = always  # rules tried at every token
        self.strings = strings

    @classmethod
    def build(cls, ruler: Any) -> TagMapFirst | None:
        """From a loaded spaCy AttributeRuler; None when its rules are not of the kinds read here."""
        from spacy.strings import get_string_id

        count = len(ruler.attrs)
        patterns = [ruler.matcher.get(str(i))[1] for i in range(count)]
        n = 0
        while n < count and _tag_map_rule(patterns[n], ruler.attrs[n], ruler.indices[n]):
            n += 1
        by_tag = {get_string_id(patterns[i][0][0]["TAG"]): ruler.attrs[i] for i in range(n)}
        if n == 0 or len(by_tag) != n:
            return None
        rules: list = []
        index: dict = {}
        space: list = []
        always: list = []
        try:
            for i in range(n, count):
                for pattern in patterns[i]:
                    checks = tuple(tuple(_check(k, v) for k, v in spec.items()) for spec in pattern)
                    if not checks:
                        raise _Unsupported
                    rule = (i, checks, ruler.indices[i], ruler.attrs[i])
                    rules.append(rule)
                    first = dict(pattern[0])
                    for key in ("LOWER", "TAG", "DEP"):
                        value = first.get(key)
                        if isinstance(value, str):
                            index.setdefault((key, get_string_id(value)), []).append(rule)
                            break
                        if isinstance(value, dict) and set(value) == {"IN"}:
                            for v in value["IN"]:
                                index.setdefault((key, get_string_id(v)), []).append(rule)
                            break
                    else:
                        (space if first.get("IS_SPACE") is True else always).append(rule)
        except _Unsupported:
            return None
        return cls(by_tag, rules, index, space, always, ruler.vocab.strings)

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        get_rules = self.index.get
        found = []
        for i, (lower, tag, dep, is_space) in enumerate(rows):
            candidates = (
                get_rules(("LOWER", lower), _NONE)
                + get_rules(("TAG", tag), _NONE)
                + get_rules(("DEP", dep), _NONE)
                + (self.space if is_space else _NONE)
            )
            for rule in [*candidates, *self.always] if self.always else candidates:
                checks = rule[1]
                if i + len(checks) <= len(rows) and all(
                    self._holds(c, rows[i + j]) for j, token in enumerate(checks) for c in token
                ):
                    found.append((rule[0], i, rule))
        # the matches, as spaCy's ruler takes them: all found first, then applied in rule order
        by_tag = self.by_tag
        for tok, (_, tag, _, _) in zip(doc, rows, strict=True):
            attrs = by_tag.get(tag)
            if attrs is not None:
                set_token_attrs(tok, attrs)
        for _, start, (_, checks, index, attrs) in sorted(found, key=lambda m: (m[0], m[1])):
            set_token_attrs(doc[start + (index if index >= 0 else len(checks) + index)], attrs)
        return doc

    def _holds(self, check: tuple, row: list) -> bool:
        column, op, value = check
        got = row[column]
        if op == "eq":
            return got == value
        if op == "in":
            return got in value
        if op == "not_in":
            return got not in value
        return value.search(self.strings[got]) is not None  # regex, on the string

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


def _check(key: str, value: Any) -> tuple:
    """One token test of a rule as (column, operator, value), values as string hashes."""
    from spacy.strings import get_string_id

    if key not in _COLUMNS:
        raise _Unsupported
    column = _COLUMNS.index(key)
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise _Unsupported
        return (column, "eq", int(value))
    if isinstance(value, str):
        return (column, "eq", get_string_id(value))
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN" and isinstance(arg, list):
            return (column, "in", frozenset(get_string_id(v) for v in arg))
        if op == "NOT_IN" and isinstance(arg, list):
            return (column, "not_in", frozenset(get_string_id(v) for v in arg))
        if op == "REGEX" and isinstance(arg, str):
            return (column, "regex", re.compile(arg))
    raise _Unsupported


def _tag_map_rule(patterns: list, attrs: dict, index: int) -> bool:
    """A rule of the tag map: one pattern of one token testing its tag alone, setting POS and
    MORPH (nothing that another rule tests)."""
    from spacy.attrs import MORPH, POS

    return (
        len(patterns) == 1
        and len(patterns[0]) == 1
        and set(patterns[0][0]) == {"TAG"}
        and isinstance(patterns[0][0]["TAG"], str)
        and set(attrs) <= {POS, MORPH}
        and index == 0
    )
