import pytest
pytestmark = pytest.mark.browser

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
@pytest.mark.parametrize("page", ["news", "open-data", "events"])
def test_tmp(audit, lang, page, scheme):
    r = audit(lang, page, scheme)
    assert r.status == 200
    from tests.browser import gates
    assert not r.violations, gates.format_violations(r.violations)
    print(lang, page, scheme, getattr(r, "console", None), getattr(r, "errors", None))
