"""Every ``st.session_state`` key the app uses, in one place, with its meaning.

Widget values are dropped when a page stops drawing a widget, so the canonical value of anything
that must survive a page change lives under one of these keys and is passed back as the default.
"""

from __future__ import annotations

LANG = "lang"  # "vi" or "en"; mirrored in the URL as ?lang=en
EXPLORE_APPLIED_URL = "explore.applied_url"  # the query string the Explore widgets were set from
EXPLORE_CODES = "explore.codes"
EXPLORE_SEARCH = "explore.search"
EXPLORE_FIELD = "explore.field"
EXPLORE_TRANSFORM = "explore.transform"
EXPLORE_FREQ = "explore.freq"
EXPLORE_HOW = "explore.how"
EXPLORE_START = "explore.start"
EXPLORE_END = "explore.end"
EXPLORE_COMPARE = "explore.compare"
EXPLORE_WINDOW = "explore.window"
EXPLORE_BASE = "explore.base"
EXPLORE_ASOF = "explore.asof"  # a datetime.date: draw what was known that day; None for the latest
EXPLORE_REVISIONS_CODE = "explore.revisions_code"  # the indicator whose revision history is shown
EXPLORE_REVISED_ONLY = "explore.revised_only"  # the revision table shows revised periods only
EXPLORE_EXPORT_FORECASTS = "explore.export_forecasts"  # downloads include published forecasts
OVERVIEW_PLAN_YEAR = "overview.plan_year"
USER = "auth.user"  # the signed-in services.accounts.User, or absent
LAST_ACTIVE = "auth.last_active"  # UTC time of the last script run of this session
NOTICE = "auth.notice"  # a translation key to show once on the sign-in screen
SESSION = "auth.session"  # the services.sessions.Session whose token the browser's cookie holds
SESSION_RESUME_TRIED = "auth.resume_tried"  # True once this tab has tried its cookie
COOKIE_CLEAR = "auth.cookie_clear"  # True while the browser's session cookie is to be removed
ADMIN_NOTICE = "admin.notice"  # (translation key, params) to show once after an admin's change
ADMIN_ROUND = "admin.round"  # changes saved on the admin pages; their forms' keys end in it,
# so a saved form comes back empty
LAB_SEARCH = "lab.search"  # the Forecast lab's search text
LAB_CODE = "lab.code"  # the indicator the lab forecasts
LAB_TRANSFORM = "lab.transform"  # what to forecast: a key of analytics.forecast_request's list
LAB_HORIZON = "lab.horizon"  # periods ahead
LAB_METHOD = "lab.method"  # "auto" or a name in forecasting.MODELS
LAB_PARAMETER = "lab.param."  # + a parameter name: the lab's widget for that model parameter
LAB_BOXCOX = "lab.boxcox"
LAB_WINDOW = "lab.window"  # periods to fit on, 0 for all
LAB_OUTLIERS = "lab.outliers"  # outlier periods as typed, e.g. "2020-02..2021-12"
LAB_NOTICE = "lab.notice"  # (translation key, params) to show once after publishing or saving
