"""Two sides' numbers paired up: the same value, a stated conversion, or
left over on one side.

A figure meets its counterpart when some reading of each agrees (94.000 in
Spanish and 94,000 in English; 20.30 Uhr and 8:30 p.m.). Units convert
(10 miles, 16 km) within the rounding a writer applies; a figure in another
unit or currency beside one that is matched (5 miles (8 km), 400 euros
($430)) is that figure restated, not a figure of its own."""

from __future__ import annotations

from fractions import Fraction
from typing import Callable, Sequence

from .value import MONEY, NUM, UNIT, Number

# unit -> (dimension, factor to the dimension's base unit)
_UNIT = {
    "km": ("length", Fraction(1000)), "mi": ("length", Fraction(1609344, 1000)), "m": ("length", Fraction(1)),
    "ft": ("length", Fraction(3048, 10000)), "kg": ("mass", Fraction(1)), "lb": ("mass", Fraction(45359237, 10**8)),
    "ha": ("area", Fraction(1)), "acre": ("area", Fraction(40468564224, 10**11)), "l": ("volume", Fraction(1)),
    "gal": ("volume", Fraction(3785411784, 10**9)), "mph": ("speed", Fraction(1609344, 1000)),
    "kmh": ("speed", Fraction(1000)),
}
# a converted figure is rounded by its writer: within this share it is the same
_ROUNDING = Fraction(6, 100)


def _temperature(v: Fraction, unit: str) -> Fraction:
    return (v - 32) * Fraction(5, 9) if unit == "f" else v


def converts(a: Number, b: Number) -> bool:
    """Is one the other in another unit (of the same dimension)?"""
    if not (a.unit and b.unit) or a.unit == b.unit:
        return False
    if {a.unit, b.unit} == {"c", "f"}:
        x, y = _temperature(a.value, a.unit), _temperature(b.value, b.unit)
        return abs(x - y) <= 1
    ua, ub = _UNIT.get(a.unit), _UNIT.get(b.unit)
    if not ua or not ub or ua[0] != ub[0]:
        return False
    x, y = a.value * ua[1], b.value * ub[1]
    return y != 0 and abs(x - y) <= _ROUNDING * abs(y)


def restated(n: Number, side: Sequence[Number], matched: set[int], text: str) -> bool:
    """Is ``n`` a figure restated in another unit or currency, beside a
    matched one of its side (5 miles (8 km), 400 euros ($430))?"""
    if n.kind not in (MONEY, UNIT) or not n.unit:
        return False
    for k, o in enumerate(side):
        if k not in matched or o is n or o.kind != n.kind or o.unit == n.unit:
            continue
        if n.kind == UNIT and not (_UNIT.get(n.unit, ("?",))[0] == _UNIT.get(o.unit, ("!",))[0]
                                   or {n.unit, o.unit} == {"c", "f"}):
            continue
        a, b = sorted((n.span, o.span))
        between = text[a[1]:b[0]]
        if len(between) <= 12 and all(c in " (),/≈~–-" or c.isalpha() for c in between):
            return True
    return False


def pair_up(a: Sequence[Number], b: Sequence[Number], pos_a: Callable[[Number], float] | None = None,
            pos_b: Callable[[Number], float] | None = None):
    """Match each number of ``a`` with one of ``b`` that has a reading in
    common (or converts), nearest in relative position first. Returns
    (pairs of indices, unmatched indices of a, unmatched indices of b)."""
    pa = pos_a or (lambda n: 0.0)
    pb = pos_b or (lambda n: 0.0)
    cands = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x.readings & y.readings:
                exact = x.value == y.value and x.kind == y.kind
                cands.append((0 if exact else 1, abs(pa(x) - pb(y)), i, j))
            elif converts(x, y):
                cands.append((2, abs(pa(x) - pb(y)), i, j))
    cands.sort()
    used_a, used_b, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j))
    return pairs, [i for i in range(len(a)) if i not in used_a], [j for j in range(len(b)) if j not in used_b]


def compatible(x: Number, y: Number) -> bool:
    """Could ``y`` stand where ``x`` stood: values of one domain (a time of
    day for a time, a month for a month), money for money, a unit for a unit."""
    dx = {d for d, _ in x.readings}
    dy = {d for d, _ in y.readings}
    if not dx & dy:
        return False
    if x.kind == MONEY and y.kind == MONEY and x.unit and y.unit and x.unit != y.unit:
        return False
    if NUM in dx and NUM in dy:
        return True
    return True
