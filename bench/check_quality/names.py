"""Plausible wrong names, the way a model misremembers them.

Pure functions over strings: no I/O. Callers verify that a variant really
does not exist (word scan of the repository, builtin lists, `plumb defs`).
"""
import re

VERB_SWAPS = [
    ("get", ["fetch", "find", "load", "retrieve", "read"]),
    ("fetch", ["get", "load", "retrieve"]),
    ("find", ["get", "search", "lookup", "locate"]),
    ("load", ["read", "get", "fetch", "parse"]),
    ("read", ["load", "get", "parse"]),
    ("make", ["create", "build", "new"]),
    ("create", ["make", "build", "new"]),
    ("build", ["make", "create"]),
    ("remove", ["delete", "drop"]),
    ("delete", ["remove", "drop"]),
    ("set", ["update", "put"]),
    ("update", ["set", "refresh"]),
    ("is", ["has", "check"]),
    ("has", ["is", "contains"]),
    ("parse", ["decode", "read", "load"]),
    ("write", ["save", "dump", "emit"]),
    ("add", ["append", "insert", "register"]),
    ("init", ["setup", "initialize"]),
    ("check", ["validate", "verify"]),
    ("to", ["as", "into"]),
]
PREFIXES = ["get", "do", "handle", "process", "compute", "make", "_"]


def split_words(name, prefer="snake"):
    """('get_user_names' | 'getUserNames' | 'GetUserNames') -> (['get','user','names'], style).

    A one-word lower-case name takes the style `prefer` (the language's habit)."""
    lead = len(name) - len(name.lstrip("_"))
    core = name[lead:]
    if "_" in core:
        words = [w for w in core.split("_") if w]
        style = "snake" if core.lower() == core else ("SCREAMING" if core.upper() == core else "mixed_snake")
    else:
        words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|\d+|[A-Z]+", core) or [core]
        style = "Pascal" if core[:1].isupper() else "camel"
        if style == "camel" and len(words) == 1:
            style = prefer
    return [w.lower() for w in words], style, "_" * lead


def join_words(words, style, lead=""):
    if not words:
        return ""
    if style in ("snake", "mixed_snake"):
        out = "_".join(words)
    elif style == "SCREAMING":
        out = "_".join(w.upper() for w in words)
    elif style == "Pascal":
        out = "".join(w[:1].upper() + w[1:] for w in words)
    else:
        out = words[0] + "".join(w[:1].upper() + w[1:] for w in words[1:])
    return lead + out


def plural(w):
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ses") or w.endswith("xes"):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "ch", "sh")):
        return w + "es"
    return w + "s"


def variants(name, prefer="snake"):
    """Candidate wrong names for `name`, tagged with how they were made.

    Returns a list of (variant, how), most model-like first, no duplicates,
    never `name` itself.
    """
    hash_lead = "#" if name.startswith("#") else ""
    if hash_lead:
        return [("#" + v, how) for v, how in variants(name[1:], prefer) if not v.startswith("_")]
    words, style, lead = split_words(name, prefer)
    out = []
    if not words:
        return out
    for verb, swaps in VERB_SWAPS:
        if words[0] == verb:
            for s in swaps:
                out.append((join_words([s] + words[1:], style, lead), "verb-swap"))
    if len(words) >= 1 and words[-1].isalpha() and len(words[-1]) > 2:
        out.append((join_words(words[:-1] + [plural(words[-1])], style, lead), "singular-plural"))
    if len(words) >= 2:
        other = {"snake": "camel", "mixed_snake": "camel", "SCREAMING": "Pascal", "camel": "snake", "Pascal": "snake"}[style]
        out.append((join_words(words, other, lead), "snake-camel"))
    if lead:
        out.append((join_words(words, style, ""), "prefix-dropped"))
    if len(words) >= 2 and words[0] in {p for p in PREFIXES} | {v for v, _ in VERB_SWAPS}:
        out.append((join_words(words[1:], style, lead), "prefix-dropped"))
    for p in PREFIXES:
        if p == "_":
            if style in ("snake", "camel") and not lead:
                out.append(("_" + name, "prefix-added"))
        elif words[0] != p:
            out.append((join_words([p] + words, style, lead), "prefix-added"))
    seen, uniq = {name}, []
    for v, how in out:
        if v and v not in seen and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", v):
            seen.add(v)
            uniq.append((v, how))
    return uniq
