"""The language layer's entry point: Article → Article with sentences (first version).

This issue's scope is sentence boundaries (the run-on split and the digest need them);
language id, tokens, dates, entities, numbers and quotes come with the language-layer issue.
"""

from __future__ import annotations

from kabar.lang.sentences import sentence_spans
from kabar.model import PARAGRAPH_SEPARATOR, Article, Sentence


def annotate(article: Article) -> Article:
    """Fill ``article.sentences`` (offsets into ``article.text``); returns the same object."""
    sentences = []
    offset = 0
    for number, paragraph in enumerate(article.body):
        for start, end in sentence_spans(paragraph, article.language or "id"):
            sentences.append(Sentence(paragraph[start:end], offset + start, offset + end, number))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    article.sentences = sentences
    return article
