"""Parsers and checks of incoming data: GSO's workbooks, agency templates, API bodies.

Pure: a file or a payload in, a validated frame and a list of row-level problems out. It may
import ``analytics/``, ``forecasting/``, ``charts/`` and ``domain/``, never ``data/``,
``services/`` or Streamlit (``pyproject.toml``'s import contracts); ``services/`` stages and stores
what it returns. Empty until the intake arrives.
"""
