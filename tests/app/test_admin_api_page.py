"""The admin's page of API tokens: a token is issued to an agency, shown once, works against the
API at once, and is revoked from the same page; other roles cannot open it."""

from __future__ import annotations

import os

from fastapi.testclient import TestClient

from api.app import create_app
from data.engine import make_engine
from ui.i18n import translate


def test_an_admin_issues_a_token_shown_once_and_revokes_it(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/admin_api.py", role="admin")
    assert not at.exception
    at.selectbox(key="api.agency").set_value("SBV")
    at.text_input(key="api.name").set_value("Hệ thống báo cáo NHNN")
    at.button[0].click().run()
    assert not at.exception
    token = at.code[0].value
    assert token.startswith("ck_") and len(token) > 40
    client = TestClient(create_app(make_engine(os.environ["COCKPIT_DATABASE_URL"])))
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/regimes", headers=headers).status_code == 200
    at.run()
    assert not at.code, "the token is shown once"
    table = at.dataframe[0].value
    mine = table[table.iloc[:, 2] == "Hệ thống báo cáo NHNN"]
    assert list(mine.iloc[:, 3]) == [translate("api.admin.state.active", "vi")]
    token_id = int(mine.iloc[0, 0])
    at.selectbox(key="api.revoke_id").set_value(token_id)
    revoke = translate("api.admin.revoke_button", "vi")
    next(b for b in at.button if b.label == revoke).click().run()
    assert not at.exception
    assert client.get("/api/v1/regimes", headers=headers).status_code == 401


def test_only_an_admin_opens_the_token_page(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/admin_api.py", role="analyst")
    assert not at.exception
    assert at.error and not at.code
