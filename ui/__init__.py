"""Streamlit-aware helpers: the cache (every ``st.cache_*``), session-state keys, the sign-in
screen, translations, and the glue that turns results into what a screen draws."""
