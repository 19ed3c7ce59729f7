"""Pure Altair builders: tidy frames in, charts out, shared by the screens and the briefing deck.

They never call ``st.*`` and import neither ``data/`` nor ``services/`` (``pyproject.toml``'s
import contracts); numbers and dates follow the chosen language through Vega's locale.
"""
