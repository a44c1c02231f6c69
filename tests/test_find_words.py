"""find_words finds what the regex it stands for finds."""

import random
import re

from kabar.lang.patterns import alternation, find_words


def _regex(text: str, words: list[str]) -> list[tuple[int, int, str]]:
    pattern = re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])")
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_examples():
    text = "Putin, Vladimir Putin-nya, Putinisme, Jean-Pierre Jean dan _Jean Kim Jong Un Kim."
    for words in (["Putin", "Vladimir"], ["Jean", "Jean-Pierre"], ["Kim", "Kim Jong", "Jong Un"], ["BKN"]):
        assert find_words(text, words) == _regex(text, words)


def test_random():
    rng = random.Random(7)
    alphabet = "ab-_ .é1"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        n = rng.randint(1, 4)
        words = ["".join(rng.choice("ab-é") for _ in range(rng.randint(1, 3))) for _ in range(n)]
        assert find_words(text, words) == _regex(text, words), (text, words)
