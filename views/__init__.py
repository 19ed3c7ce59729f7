"""The screens: one file each, run by ``app.py``'s router through ``st.navigation``.

A screen reads its widgets, calls ``services/`` (every write) and ``ui/`` (cached reads, state,
text), and draws. No SQL and no business rules live here (``pyproject.toml``'s import contracts).
"""
