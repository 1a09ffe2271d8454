"""The language layer: spaCy's sentence parse, and relations found on lemmas and dependencies.

- model.py: the pipeline (en_core_web_sm) with the registry's names set as entities in front of
  the statistical recogniser, and the chain component that parses the sentences worth parsing.
- reference.py: what a token stands for (a registry actor, a named entity, "I" in an answer, a
  noun phrase).
- frames.py: a trigger word's clause: subject, object, agent, prepositions, clause, negation.
- lexicon.py: the trigger words and argument roles of each relation family, read from
  loaders/data/lexicon.toml (data, not code).
- relations.py: the chain component that turns frames into facts (layer "parser").
"""
