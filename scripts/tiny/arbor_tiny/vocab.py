"""The tiny model's tokenizer: digits and a few multi-character pieces of the step format,
read by longest match. `src/engines/tiny` reads the same vocabulary from the manifest."""

PAD = "<pad>"
BOS = "<bos>"
# ")\n" ends every step: the SPRM head scores the hidden state there.
STEP_END = ")\n"
PIECES = [" (left: ", STEP_END, " + ", " - ", " * ", " / ", " = "]
CHARS = list("0123456789") + [" ", "/", "-", "\n"]
VOCAB = [PAD, BOS] + PIECES + CHARS
INDEX = {t: i for i, t in enumerate(VOCAB)}
PAD_ID = INDEX[PAD]
BOS_ID = INDEX[BOS]
STEP_END_ID = INDEX[STEP_END]
_BY_LENGTH = sorted(PIECES + CHARS, key=len, reverse=True)


def encode(text: str) -> list[int]:
    """Token ids by longest match; raises ValueError on a character outside the vocabulary."""
    out = []
    i = 0
    while i < len(text):
        for piece in _BY_LENGTH:
            if text.startswith(piece, i):
                out.append(INDEX[piece])
                i += len(piece)
                break
        else:
            raise ValueError(f"not in the vocabulary: {text[i]!r} in {text!r}")
    return out


def decode(ids) -> str:
    return "".join(VOCAB[i] for i in ids if i not in (PAD_ID, BOS_ID))


def prompt_text(numbers) -> str:
    """The prompt: the puzzle's numbers, then a newline."""
    return " ".join(str(n) for n in numbers) + "\n"


def prompt_ids(numbers) -> list[int]:
    return [BOS_ID] + encode(prompt_text(numbers))


def line_text(steps) -> str:
    """Steps as the model writes them: each ends with ")\\n" (the step text keeps its ")")."""
    return "".join(s + "\n" for s in steps)
