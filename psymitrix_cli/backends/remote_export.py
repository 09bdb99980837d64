"""An export over the API: the server's streamed answer, written as it arrives.

GET /v1/export?format=... streams the format's bytes (a zip for csv). The response
stays open while the CLI writes, so neither side holds the history; a zip is spooled
to an anonymous temp file (its index is at its end) and its files read one by one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from psymitrix_cli.domain import formats

if TYPE_CHECKING:
    import httpx

    from psymitrix_cli.backends.http import Http

ENTRIES_HEADER = "x-export-entries"


def _file_name(disposition: str) -> str:
    _, _, rest = disposition.partition('filename="')
    name = rest.partition('"')[0]
    return name.rsplit(".", 1)[0] if "." in name else name


class RemoteExport:
    def __init__(self, http: Http, format_name: str) -> None:
        self.http = http
        self.format_name = format_name
        self.output = formats.EXPORTER[format_name].output
        self.entries = 0
        self.name = ""
        self._stack = ExitStack()
        self._response: httpx.Response | None = None

    def __enter__(self) -> RemoteExport:
        response = self._stack.enter_context(
            self.http.download("/v1/export", {"format": self.format_name})
        )
        self._response = response
        self.entries = int(response.headers.get(ENTRIES_HEADER) or 0)
        self.name = _file_name(response.headers.get("content-disposition") or "")
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stack.close()

    def chunks(self) -> Iterator[bytes]:
        assert self._response is not None, "used outside its with block"
        return self.http.blocks(self._response)

    def files(self) -> Iterator[tuple[str, Iterator[bytes]]]:
        import tempfile
        import zipfile

        spool = self._stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
        for block in self.chunks():
            spool.write(block)
        spool.seek(0)
        archive = self._stack.enter_context(zipfile.ZipFile(spool))
        for info in archive.infolist():
            yield info.filename, _member(archive, info.filename, 1 << 16)


def _member(archive: Any, name: str, size: int) -> Iterator[bytes]:
    with archive.open(name) as member:
        while block := member.read(size):
            yield block
