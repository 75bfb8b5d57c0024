"""The repository's mkdocs.yml, adapted to build a synthetic archive in a temp folder.

Tags such as ``!!python/name:...`` and ``!ENV`` are kept as written: the file is read
with a loader that wraps every tagged scalar and dumped back with the same tag, so the
adapted file configures MkDocs exactly as the original does, but for the paths.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

PLUGIN = "briefings"


@dataclass(frozen=True)
class Tagged:
    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    raise yaml.constructor.ConstructorError(None, None, f"unexpected node {node.tag}")


def _represent(dumper: yaml.SafeDumper, tagged: Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value, flow_style=True)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, str(tagged.value))


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(Tagged, _represent)


def load(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a mapping")
    return data


def _plugin_name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def _without_plugin(plugins: Any) -> Any:
    if isinstance(plugins, dict):
        return {k: v for k, v in plugins.items() if k != PLUGIN}
    return [p for p in plugins if _plugin_name(p) != PLUGIN]


def _with_options(plugins: Any, options: dict[str, Any]) -> Any:
    """`plugins` with `options` added to the briefings plugin's settings."""
    if isinstance(plugins, dict):
        return {k: {**(v or {}), **options} if k == PLUGIN else v for k, v in plugins.items()}
    return [
        {PLUGIN: {**(p.get(PLUGIN) or {} if isinstance(p, dict) else {}), **options}}
        if _plugin_name(p) == PLUGIN
        else p
        for p in plugins
    ]


def has_plugin(config: dict[str, Any]) -> bool:
    plugins = config.get("plugins") or []
    names = list(plugins) if isinstance(plugins, dict) else [_plugin_name(p) for p in plugins]
    return PLUGIN in names


def adapt(
    source: Path,
    content: Path,
    site: Path,
    *,
    plugin: bool,
    short_nav: list[str] | None = None,
    options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The config at `source` with docs_dir, site_dir and relative paths made absolute.

    ``plugin=False`` is the baseline: the same config without our plugin and without
    ``theme.custom_dir`` (our templates may rely on the plugin), with `short_nav` as
    the navigation, so every page renders a nav of a few entries. `options` are added
    to the plugin's settings.
    """
    config = load(source)
    repo = source.parent
    config["docs_dir"] = str(content)
    config["site_dir"] = str(site)
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str((repo / theme["custom_dir"]).resolve())
    for key in ("hooks", "watch"):
        if isinstance(config.get(key), list):
            config[key] = [
                str((repo / p).resolve()) if isinstance(p, str) else p for p in config[key]
            ]
    if plugin and options:
        config["plugins"] = _with_options(config.get("plugins") or [], options)
    if not plugin:
        config["plugins"] = _without_plugin(config.get("plugins") or ["search"])
        if isinstance(theme, dict):
            theme.pop("custom_dir", None)
        config["nav"] = list(short_nav or [])
    return config


def write(config: dict[str, Any], path: Path) -> Path:
    path.write_text(
        yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return path


def serve_path(config: dict[str, Any]) -> str:
    """The URL path `mkdocs serve` mounts the site at (the path of site_url)."""
    url = config.get("site_url") or ""
    if isinstance(url, Tagged) and url.tag == "!ENV":
        names = url.value if isinstance(url.value, list) else [url.value, ""]
        url = next((os.environ[n] for n in names[:-1] if n in os.environ), names[-1])
    path = urlparse(str(url)).path or "/"
    return path if path.endswith("/") else path + "/"
