"""Rule packs: the model, the loader, the expression language, the built-in YAML packs and exports.

Takes pack names and YAML files (``loader``: safe loading, ``extends``, errors with file:line:column),
parses every ``assert:`` into figcheck's own AST (``expr``, never ``eval``) and hands on a
:class:`~figcheck.rules.model.RuleSet` that the validators, datasets and engines run; ``gx_export``
translates a rule set into a Great Expectations suite, and ``figcheck.rules.to_pandera(pack)`` a pack's
table rules into a pandera ``DataFrameSchema`` (imported only when called).
"""


def to_pandera(pack, *, name: str | None = None):
    """A pandera DataFrameSchema for the table rules of ``pack`` (see figcheck.rules.pandera_export)."""
    from figcheck.rules.pandera_export import to_pandera as _to_pandera

    return _to_pandera(pack, name=name)
