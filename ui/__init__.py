"""Streamlit-aware helpers: charts, widgets, session state, caching and translations."""
