#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the Swift SMTP client's tests.

It listens on a free port, writes that port to <dir>/port when ready, and for every accepted message writes
<dir>/<n>.eml (the raw data, dot-unstuffed, as received) and then <dir>/<n>.json (envelope, connection number, TLS,
authentication, headers and body parts decoded by Python's own email package). <dir>/connections counts TCP connections.
Flags make it require AUTH, offer STARTTLS or speak implicit TLS, reject a recipient, answer slowly, or fail with 451.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


class CountingSMTP(SMTP):
    """Numbers each TCP connection (a STARTTLS upgrade calls connection_made again on the same one)."""

    count = 0
    directory = "."
    refuse_ehlo = False

    def connection_made(self, transport):
        fresh = self.transport is None
        super().connection_made(transport)
        if fresh:
            CountingSMTP.count += 1
            self.connection_number = CountingSMTP.count
            self.auth_mechanism = None
            self.auth_login = None
            write_atomically(os.path.join(self.directory, "connections"), str(CountingSMTP.count).encode())

    async def smtp_EHLO(self, hostname):
        if CountingSMTP.refuse_ehlo:
            await self.push("502 5.5.2 Error: command not recognized")
            return
        await super().smtp_EHLO(hostname)


class Recorder:
    def __init__(self, options):
        self.options = options
        self.messages = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.options.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        if self.options.slow:
            await asyncio.sleep(self.options.slow)
        if self.options.temp_fail:
            return "451 4.3.0 Temporary local problem, try again later"
        self.messages += 1
        number = self.messages
        raw = envelope.original_content
        write_atomically(os.path.join(self.options.dir, "%d.eml" % number), raw)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append({
                "content_type": part.get_content_type(),
                "charset": part.get_content_charset() or "",
                "transfer_encoding": str(part.get("Content-Transfer-Encoding", "")),
                "content": part.get_content(),
            })
        sender = message["From"]
        record = {
            "mail_from": envelope.mail_from,
            "mail_options": envelope.mail_options,
            "rcpt_tos": envelope.rcpt_tos,
            "connection": server.connection_number,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "auth_mechanism": server.auth_mechanism or "",
            "auth_login": server.auth_login or "",
            "headers": {name: str(value) for name, value in message.items()},
            "from_display_name": sender.addresses[0].display_name if sender is not None and sender.addresses else "",
            "from_address": sender.addresses[0].addr_spec if sender is not None and sender.addresses else "",
            "content_type": message.get_content_type(),
            "parts": parts,
        }
        write_atomically(os.path.join(self.options.dir, "%d.json" % number), json.dumps(record).encode())
        return "250 2.0.0 Ok: queued as Q%05d" % number


def make_authenticator(options):
    def authenticate(server, session, envelope, mechanism, auth_data):
        accepted = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == options.user
            and auth_data.password.decode() == options.password
        )
        if accepted:
            server.auth_mechanism = mechanism
            server.auth_login = options.user
        return AuthResult(success=accepted, handled=False)

    return authenticate


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True, help="where to write port, connections and messages")
    parser.add_argument("--user", help="require AUTH with this user name")
    parser.add_argument("--password", default="")
    parser.add_argument("--auth-mechanisms", default="PLAIN,LOGIN", help="mechanisms offered, comma-separated")
    parser.add_argument("--cert", help="PEM certificate for TLS")
    parser.add_argument("--key", help="PEM private key for TLS")
    parser.add_argument("--starttls", action="store_true", help="offer and require STARTTLS")
    parser.add_argument("--implicit-tls", action="store_true", help="speak TLS from the first byte")
    parser.add_argument("--reject", action="append", default=[], help="answer 550 to RCPT TO this address")
    parser.add_argument("--slow", type=float, default=0, help="wait this many seconds before answering the data")
    parser.add_argument("--temp-fail", action="store_true", help="answer 451 to the data")
    parser.add_argument("--refuse-ehlo", action="store_true", help="answer 502 to EHLO (an old HELO-only server)")
    parser.add_argument("--smtputf8", action="store_true", help="offer SMTPUTF8")
    parser.add_argument("--lifetime", type=float, default=300, help="exit after this many seconds whatever happens")
    options = parser.parse_args()
    options.reject = [address.lower() for address in options.reject]
    return options


async def main():
    options = parse_options()
    CountingSMTP.directory = options.dir
    CountingSMTP.refuse_ehlo = options.refuse_ehlo
    context = None
    if options.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(options.cert, options.key)
    offered = {name.strip().upper() for name in options.auth_mechanisms.split(",") if name.strip()}
    handler = Recorder(options)

    def factory():
        return CountingSMTP(
            handler,
            hostname="peer.test",
            tls_context=context if options.starttls else None,
            require_starttls=options.starttls,
            auth_required=options.user is not None,
            auth_require_tls=options.starttls,
            auth_exclude_mechanism={"PLAIN", "LOGIN"} - offered,
            authenticator=make_authenticator(options) if options.user is not None else None,
            enable_SMTPUTF8=options.smtputf8,
        )

    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, "127.0.0.1", 0, ssl=context if options.implicit_tls else None)
    port = server.sockets[0].getsockname()[1]
    write_atomically(os.path.join(options.dir, "port"), str(port).encode())
    await asyncio.sleep(options.lifetime)
    server.close()


if __name__ == "__main__":
    # The test runner may start us with SIGTERM blocked or ignored: make it end the peer at once.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))
    asyncio.run(main())
