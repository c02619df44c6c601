"""Game of 24 steps in Python: the same text format, arithmetic and reachability as the app's
TypeScript (src/core/tasks/game24), so training and evaluation judge steps as the app does.
tests/test_data.py checks that both agree on every multiset the exporter writes."""
from fractions import Fraction
from functools import lru_cache
import re

NUM = r"-?\d+(?:/\d+)?"
STEP = re.compile(rf"^({NUM}) ([-+*/]) ({NUM}) = ({NUM}) \(left: ({NUM}(?: {NUM})*)\)$")


def to_text(r: Fraction) -> str:
    """`toText` of rational.ts: "3", "-3", "3/4", "-3/4"."""
    return str(r.numerator) if r.denominator == 1 else f"{r.numerator}/{r.denominator}"


def parse_number(text: str) -> Fraction | None:
    try:
        n, _, d = text.partition("/")
        if d == "":
            return Fraction(int(n))
        if int(d) == 0:
            return None
        return Fraction(int(n), int(d))
    except ValueError:
        return None


def apply_op(a: Fraction, op: str, b: Fraction) -> Fraction | None:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return None if b == 0 else a / b
    return None


def check_step(numbers: tuple, text: str):
    """The numbers left after a valid step in the strict format the model writes, else None.
    Like `checkStep`: two available numbers, right arithmetic, the right numbers left (any
    order); the new state is the unused numbers in order, then the result."""
    m = STEP.match(text)
    if m is None:
        return None
    parts = [parse_number(m.group(i)) for i in (1, 3, 4)]
    left = [parse_number(t) for t in m.group(5).split(" ")]
    if any(p is None for p in parts) or any(x is None for x in left):
        return None
    a, b, result = parts
    rest = list(numbers)
    for x in (a, b):
        if x not in rest:
            return None
        rest.remove(x)
    if apply_op(a, m.group(2), b) != result:
        return None
    after = tuple(rest + [result])
    if sorted(after) != sorted(left):
        return None
    return after


@lru_cache(maxsize=None)
def _reach(key: tuple) -> bool:
    if len(key) == 1:
        return key[0] == 24
    for i in range(len(key)):
        for j in range(i + 1, len(key)):
            x, y = key[i], key[j]
            rest = [key[k] for k in range(len(key)) if k not in (i, j)]
            values = [x + y, x - y, y - x, x * y]
            if y != 0:
                values.append(x / y)
            if x != 0:
                values.append(y / x)
            for v in values:
                if _reach(tuple(sorted(rest + [v]))):
                    return True
    return False


def can_reach_24(numbers) -> bool:
    """Whether the numbers can still make 24, each used once (`canReach24`)."""
    return len(numbers) > 0 and _reach(tuple(sorted(Fraction(x) for x in numbers)))


def step_truths(start, steps):
    """For each step of a line: 1 if it is valid and 24 is still reachable after it, else 0
    (every later step of a line that went wrong is 0 too): the exact truth a PRM is checked
    against."""
    state = tuple(Fraction(x) for x in start)
    out = []
    ok = True
    for text in steps:
        after = check_step(state, text) if ok else None
        ok = after is not None and can_reach_24(after)
        out.append(1 if ok else 0)
        if after is None:
            ok = False
        else:
            state = after
    return out


def line_correct(start, steps) -> bool:
    """Whether the steps are all valid and end with 24 alone."""
    state = tuple(Fraction(x) for x in start)
    for text in steps:
        state = check_step(state, text)
        if state is None:
            return False
    return len(state) == 1 and state[0] == 24
