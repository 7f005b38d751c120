"""Rule packs: the model, the loader and the built-in YAML packs.

``figcheck.rules.to_pandera(pack)`` turns a pack's table rules into a pandera ``DataFrameSchema``
(imported only when called).
"""


def to_pandera(pack, *, name: str | None = None):
    """A pandera DataFrameSchema for the table rules of ``pack`` (see figcheck.rules.pandera_export)."""
    from figcheck.rules.pandera_export import to_pandera as _to_pandera

    return _to_pandera(pack, name=name)
