"""The Jinja2 environment (autoescaping on; no `|safe` anywhere)."""

from __future__ import annotations

from fastapi.templating import Jinja2Templates

from app.core.config import Settings
from app.core.csrf import form_token
from web import TEMPLATES_DIR


def make_templates(settings: Settings) -> Jinja2Templates:
    """Templates with the site-wide globals pages need."""
    templates = Jinja2Templates(directory=TEMPLATES_DIR)
    templates.env.globals["site_name"] = settings.site_name
    templates.env.globals["csrf_token"] = form_token
    return templates
