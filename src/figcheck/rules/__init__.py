"""Rule packs: the model, the loader and the built-in YAML packs."""
