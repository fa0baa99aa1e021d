"""YAML read strictly (CPython only: needs PyYAML): no anchors or aliases (an alias bomb expands
a few hundred bytes into gigabytes), no duplicate keys (last-one-wins hides a mistake), and,
for case files, JSON's types only: `017`, `yes` and `1:30` stay strings, as a reader means them.
The C parser is used where PyYAML has it."""

from __future__ import annotations

import re

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlRefused(ValueError):
    """The YAML is refused; the message says where and why, on one line."""


def _where(mark) -> str:
    return f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""


class _NoDuplicates(_Base):
    """SafeLoader (C parser when built) that refuses a key given twice in one mapping."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
            except TypeError:
                raise YamlRefused(f"a mapping key must be a plain value{_where(key_node.start_mark)}") from None
            if duplicate:
                raise YamlRefused(f"key {str(key)[:40]!r} is given twice{_where(key_node.start_mark)}")
            seen.add(key)
        return super().construct_mapping(node, deep)


class _JsonTypes(_NoDuplicates):
    """Plain scalars resolve to JSON's types only: null, true/false, integers, decimals."""

    yaml_implicit_resolvers: dict = {}


_JsonTypes.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:null|~|)$"), ["n", "~", ""])
_JsonTypes.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), ["t", "f"])
_JsonTypes.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789"))
_JsonTypes.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"),
    list("-0123456789"),
)


def _refuse_anchors(text: str, loader) -> None:
    """One pass over the parser's events (cheap: nothing is expanded): no anchor, no alias."""
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlRefused(f"anchors and aliases (&, *) are not accepted{_where(event.start_mark)}")


def load(text: str, json_types: bool = False):
    """The one document in text; raises YamlRefused (refused) or yaml.YAMLError (not YAML)."""
    loader = _JsonTypes if json_types else _NoDuplicates
    _refuse_anchors(text, loader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
