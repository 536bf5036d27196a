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


@lru_cache(maxsize=8)
def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern[str]:
    parts = sorted((re.escape(a) for a in aliases), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")


@dataclass(frozen=True, slots=True)
class Identification:
    entity: Entity | None
    others: tuple[Entity, ...]  # other registered entities also named in the text


def identify(text: str, registry: dict[str, Entity]) -> Identification:
    """The registered entity named most often in the text (aliases are case-sensitive)."""
    scores = []
    for entity in registry.values():
        if not entity.aliases:
            continue
        hits = len(_alias_pattern(entity.aliases).findall(text))
        if hits:
            scores.append((hits, entity.key, entity))
    if not scores:
        return Identification(None, ())
    scores.sort(key=lambda s: (-s[0], s[1]))
    return Identification(scores[0][2], tuple(s[2] for s in scores[1:]))
