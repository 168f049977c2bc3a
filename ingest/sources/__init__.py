"""Source registry: a source is looked up by name; built-in sources use it exactly as a third would."""

from __future__ import annotations

import importlib

from ingest.sources.base import Source

# name -> "module:Class"; imported lazily so one broken source cannot stop the others.
SOURCES: dict[str, str] = {
    "coops-uk": "ingest.sources.coops_uk:CoopsUkSource",
    "fca": "ingest.sources.fca:FcaSource",
    "digitalcommons": "ingest.sources.digitalcommons:DigitalCommonsSource",
}


def load_source(name: str) -> type[Source]:
    """The source class registered under `name`; KeyError lists the known names."""
    try:
        target = SOURCES[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known sources: {', '.join(sorted(SOURCES))}") from None
    module_name, class_name = target.split(":")
    source: type[Source] = getattr(importlib.import_module(module_name), class_name)
    return source
