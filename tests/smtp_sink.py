"""A real SMTP server on loopback (aiosmtpd), for tests of what a mail server does to the portal's e-mails.

It can refuse chosen addresses (550 at RCPT, as a server without that mailbox does), answer slowly, or be
stopped and started again on the same port.
"""

from __future__ import annotations

import asyncio
import threading
from email import message_from_bytes

from aiosmtpd.controller import Controller

from tests.services import free_port


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if address in self.sink.refused:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.sink.delay:
            await asyncio.sleep(self.sink.delay)
        with self.sink.lock:
            self.sink.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted"


class SmtpSink:
    def __init__(self) -> None:
        self.port = free_port()
        self.refused: set[str] = set()
        self.delay = 0.0
        self.messages: list = []
        self.lock = threading.Lock()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def recipients(self) -> list[str]:
        with self.lock:
            return [message["To"] for message in self.messages]
