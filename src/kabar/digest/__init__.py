"""Digests: one event's articles → headline, cited summary, merged quotes, timeline, claims,
coverage. ``build_event`` (in ``event.py``) is the entry point; each part has its module."""

from kabar.digest.event import SUMMARY_SENTENCES, build_event

__all__ = ["SUMMARY_SENTENCES", "build_event"]
