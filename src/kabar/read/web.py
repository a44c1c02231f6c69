"""URLs, fetched only when asked (``--fetch``): timeouts, a size cap, a redirect limit,
and private, loopback and link-local addresses refused unless ``--allow-private``.

Every hop of a redirect chain is checked again, so a public URL cannot bounce the fetch
onto 127.0.0.1 or the cloud metadata address.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import httpx

from kabar.errors import InputError
from kabar.model import Document, Skipped
from kabar.read.decode import decode_bytes
from kabar.read.html import declared_charset
from kabar.read.options import ReadOptions

USER_AGENT = "kabar/0.1 (+https://github.com/kabar-news/kabar)"


def check_address(url: str, allow_private: bool) -> None:
    """Raise InputError unless ``url`` is http(s) and resolves only to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http:// and https:// URLs can be fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(url, f"cannot resolve host {parts.hostname!r} ({exc.strerror})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise InputError(
                url,
                f"host {parts.hostname!r} resolves to the non-public address {address}; "
                "pass --allow-private to fetch it anyway",
            )


def fetch_bytes(url: str, options: ReadOptions) -> tuple[bytes, str, str | None]:
    """GET ``url`` → ``(body, final_url, declared charset)``; raise InputError on any failure."""
    current = url
    with httpx.Client(
        timeout=options.timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}
    ) as client:
        for _ in range(options.max_redirects + 1):
            check_address(current, options.allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise InputError(url, f"redirect without a Location from {current}")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise InputError(url, f"server answered HTTP {response.status_code}")
                    declared = response.charset_encoding
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > options.max_bytes:
                            raise InputError(
                                url, f"page is over the {options.max_bytes:,}-byte cap (--max-bytes)"
                            )
                        chunks.append(chunk)
                    return b"".join(chunks), str(response.url), declared
            except httpx.TimeoutException:
                raise InputError(url, f"no answer within {options.timeout:g} s (--timeout)") from None
            except httpx.HTTPError as exc:
                raise InputError(url, f"fetch failed ({type(exc).__name__}: {exc})") from None
    raise InputError(url, f"more than {options.max_redirects} redirects")


def fetch_document(url: str, options: ReadOptions, hints: dict | None = None) -> Iterator[Document | Skipped]:
    """Fetch one URL as a Document (HTML or text), or a Skipped naming the reason."""
    if not options.fetch:
        yield Skipped(url, "URLs are read only with --fetch")
        return
    try:
        data, final_url, declared = fetch_bytes(url, options)
        text, encoding = decode_bytes(data, url, declared or declared_charset(data))
    except InputError as exc:
        yield Skipped(exc.source, exc.reason)
        return
    hints = dict(hints or {})
    hints.setdefault("url", final_url)
    hints["url"] = hints["url"] or final_url
    looks_html = "<html" in text[:4096].lower() or "<body" in text[:8192].lower()
    if looks_html:
        yield Document(source=url, kind="html", html=text, encoding=encoding, **hints)
    else:
        yield Document(source=url, kind="text", text=text, encoding=encoding, **hints)
