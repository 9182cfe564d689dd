"""``showguide serve``: the guide in a web browser, one app process per tab.

Everything that can be refused is refused here, before the server starts,
with one line and exit 2: textual-serve not installed, a NAME that matches no
show, a host that does not resolve, a port that is taken. The server itself
is :mod:`showguide.web.server`.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import ipaddress
import socket
from typing import Any

from showguide.commands.choose import named_start
from showguide.commands.output import print_error
from showguide.core.text import visible
from showguide.exitcodes import EXIT_BAD_INPUT, EXIT_OK


def run(args: argparse.Namespace) -> int:
    try:
        from showguide.web.server import GuideServer, app_argv
    except ImportError as error:
        print_error(
            f"serve needs textual-serve ({error.name or error} is not installed);"
            ' install it with: pip install "showguide[serve]"'
        )
        return EXIT_BAD_INPUT
    if args.max_sessions < 1:
        print_error("--max-sessions must be at least 1")
        return EXIT_BAD_INPUT
    if not 0 <= args.port <= 65535:
        print_error(f"--port {args.port} is not a port number (0 to 65535)")
        return EXIT_BAD_INPUT
    if named_start(args.data, args.name) is None:
        return EXIT_BAD_INPUT
    sockets = listen(args.host, args.port)
    if isinstance(sockets, str):
        print_error(sockets)
        return EXIT_BAD_INPUT
    loopback = all(_is_loopback(sock) for sock in sockets)
    if not loopback:
        print_error(
            f"warning: serving on {args.host}, which is not this machine's loopback address:"
            " anyone who can reach it can read the guides"
        )
    server = GuideServer(
        app_argv(args.data, args.name), max_sessions=args.max_sessions, loopback=loopback
    )

    def ready(port: int) -> None:
        # The host and name come from the command line: shown literally, like every argument.
        what = "the catalog" if args.name is None else repr(args.name)
        line = f"showguide: serving {what} at {url(args.host, port)} (Ctrl+C to stop)"
        print(visible(line), flush=True)

    asyncio.run(server.serve_on(sockets, ready))
    return EXIT_OK


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def listen(host: str, port: int) -> list[socket.socket] | str:
    """Listening sockets for every address ``host`` has, all on one port (``port``,
    or one the OS picks when it is 0), or the one line that says why not."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return f"cannot serve on host {host!r}: {reason}"
    if not addresses:
        return f"cannot serve on host {host!r}: it has no address"
    bound = _bind_all(addresses, port)
    tries = 1
    # Port 0: the port the OS picked for one address may be taken on another.
    while isinstance(bound, OSError) and bound.errno == errno.EADDRINUSE and not port and tries < 5:
        bound = _bind_all(addresses, port)
        tries += 1
    if isinstance(bound, OSError):
        return f"cannot serve on {url(host, port)}: {bound.strerror or bound}"
    return bound


def _bind_all(addresses: list[Any], port: int) -> list[socket.socket] | OSError:
    sockets: list[socket.socket] = []
    seen: set[tuple[int, object]] = set()
    for family, kind, proto, _, address in addresses:
        if (family, address[0]) in seen:
            continue
        seen.add((family, address[0]))
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            chosen = sockets[0].getsockname()[1] if sockets else port
            sock.bind((address[0], chosen, *address[2:]))
            sock.listen(128)
            sock.setblocking(False)
        except OSError as error:
            sock.close()
            if sockets and error.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT):
                continue  # another address of the same host (say IPv6) this machine lacks
            for other in sockets:
                other.close()
            return error
        sockets.append(sock)
    return sockets


def _is_loopback(sock: socket.socket) -> bool:
    address = sock.getsockname()[0]
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False
