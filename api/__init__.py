"""The HTTP API for agencies' reporting systems (FastAPI routers and pydantic schemas).

Its room in the house: above ``services/``, beside ``views/`` and ``jobs/``. A route reads as what
it does and calls ``services/`` for every read it checks and every write; it never imports
``ui/``, ``views/`` or Streamlit (``pyproject.toml``'s import contracts). Empty until the API
arrives.
"""
