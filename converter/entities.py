"""The entity registry and recognising the issuer of a filing."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import Entity
from .resources import package_file


class RegistryError(ValueError):
    pass


def _parse_entity(raw: dict, source: str) -> Entity:
    try:
        fye = raw["fiscal_year_end"]
        m = re.fullmatch(r"--(\d{2})-(\d{2})", fye)
        if not m:
            raise RegistryError(f"{source}: entity {raw.get('key')!r}: fiscal_year_end {fye!r} is not --MM-DD")
        return Entity(
            key=raw["key"],
            name=raw["name"],
            scheme=raw["scheme"],
            identifier=str(raw["identifier"]),
            fiscal_year_end=(int(m[1]), int(m[2])),
            aliases=tuple(raw.get("aliases", ())),
            fiscal_year_named_by=raw.get("fiscal_year_named_by", "start"),
        )
    except KeyError as missing:
        raise RegistryError(f"{source}: entity {raw.get('key', '?')!r} lacks {missing}") from None


def load_registry(*extra: Path) -> dict[str, Entity]:
    """The packaged registry plus any user files (later files override by key)."""
    entities: dict[str, Entity] = {}
    for path in (package_file("entities.toml"), *extra):
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RegistryError(f"{path}: cannot read entity registry: {exc}") from None
        for raw in data.get("entity", []):
            entity = _parse_entity(raw, str(path))
            entities[entity.key] = entity
    return entities


@lru_cache(maxsize=16)
def _registry_pattern(names: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """One pattern for every alias of every entity (one pass over the text), and who each alias names."""
    owners: dict[str, list[str]] = {}
    for key, aliases in names:
        for alias in aliases:
            owners.setdefault(alias, []).append(key)
    parts = sorted((re.escape(a) for a in owners), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])"), owners


@dataclass(frozen=True, slots=True)
class Identification:
    entity: Entity | None
    others: tuple[Entity, ...]  # other registered entities also named in the text


def identify(text: str, registry: dict[str, Entity]) -> Identification:
    """The registered entity named most often in the text (aliases are case-sensitive)."""
    names = tuple((e.key, e.aliases) for e in registry.values() if e.aliases)
    if not names:
        return Identification(None, ())
    pattern, owners = _registry_pattern(names)
    hits: dict[str, int] = {}
    for alias in pattern.findall(text):
        for key in owners[alias]:
            hits[key] = hits.get(key, 0) + 1
    if not hits:
        return Identification(None, ())
    ranked = sorted(hits, key=lambda k: (-hits[k], k))
    return Identification(registry[ranked[0]], tuple(registry[k] for k in ranked[1:]))
