"""kabar: news articles from many outlets → events → cited, trustworthy digests.

The Python API is the product; the ``kabar`` command is a thin layer over it:

>>> from kabar import read_paths, clean_documents
>>> articles = clean_documents(d for d in read_paths(["examples/"]) if not isinstance(d, Skipped))
"""

from kabar.model import Article, Digest, Document, Event, Skipped

__version__ = "0.1.0"

__all__ = ["Article", "Digest", "Document", "Event", "Skipped", "__version__"]
