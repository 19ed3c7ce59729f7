"""Builders of what goes out to the monthly Government meeting: the deck, the PDF, slide content.

Pure: frames and charts in, files out. It may import ``charts/``, ``analytics/``,
``forecasting/`` and ``domain/``, never ``data/``, ``services/`` or Streamlit (``pyproject.toml``'s
import contracts); ``services/`` and ``jobs/`` gather the data and call it. Empty until the
briefing arrives.
"""
