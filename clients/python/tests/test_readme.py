"""The example in clients/python/README.md runs as written (against the live test server)."""

from __future__ import annotations

import contextlib
import io
import re

from backchain_client import AuthenticatedClient, Client
from backchain_client.api.auth import register
from backchain_client.api.users import get_me
from backchain_client.models import UserRead, UserRegister
from support import HERE

README = HERE.parent / "README.md"


def test_readme_example_signs_in_reads_and_refreshes(base_url: str) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks, "no ```python block in clients/python/README.md"
    code = blocks[0].replace('"http://127.0.0.1:8000"', repr(base_url))
    created = register.sync_detailed(
        client=Client(base_url),
        body=UserRegister(email="ada@example.com", password="correct horse battery"),
    )
    assert created.status_code == 201, created.content
    namespace: dict[str, object] = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(README), "exec"), namespace)
    assert out.getvalue().strip() == "pcb-2"
    # After the refresh step, `api` holds the new access token and works.
    api = namespace["api"]
    assert isinstance(api, AuthenticatedClient)
    me = get_me.sync(client=api)
    assert isinstance(me, UserRead), me
    assert me.email == "ada@example.com"
