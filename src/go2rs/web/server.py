"""Start the playground: check the address, bind it, run uvicorn. Imports only the standard
library at module level, so the CLI can say what is missing instead of failing on an import."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import webbrowser

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


class ServeError(Exception):
    """Why the server cannot start, in words for the command line."""


def is_loopback(host: str) -> bool:
    """True for loopback addresses and for names that resolve only to them."""
    bare = host.strip("[]")
    try:
        return ipaddress.ip_address(bare).is_loopback
    except ValueError:
        pass
    if bare == "localhost":
        return True
    try:
        infos = socket.getaddrinfo(bare, None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


def check_host(host: str, public: bool) -> None:
    if public or is_loopback(host):
        return
    raise ServeError(
        f"refusing to listen on {host}: that address is reachable from other machines, and the "
        "page and its API would translate code for anyone who can reach it (no login, no TLS). "
        "Pass --public if that is what you want, or keep the default --host 127.0.0.1."
    )


def bind(host: str, port: int) -> socket.socket:
    """Bind before starting uvicorn so a busy port is one clear line, not a log dump."""
    bare = host.strip("[]")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(bare, port, type=socket.SOCK_STREAM)[0]
    except OSError as exc:
        raise ServeError(f"cannot resolve {host}: {exc.strerror or exc}") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def url_for(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(host: str, port: int, *, open_browser: bool = False, public: bool = False) -> None:
    check_host(host, public)
    try:
        import uvicorn

        from go2rs.web.app import create_app
    except ImportError as exc:
        raise ServeError(
            f"`go2rs serve` needs the web extra ({exc.name} is not installed): "
            "pip install 'go2rs[web]'"
        ) from None
    sock = bind(host, port)
    url = url_for(sock)
    bare = host.strip("[]")
    trusted = None if public else [*LOOPBACK_NAMES, bare, f"[{bare}]"]
    config = uvicorn.Config(create_app(trusted_hosts=trusted), log_level="warning")
    server = uvicorn.Server(config)
    print(f"go2rs playground: {url}  (Ctrl+C stops it)", flush=True)
    if open_browser:
        threading.Thread(target=_open_when_up, args=(server, url), daemon=True).start()
    server.run(sockets=[sock])


def _open_when_up(server: object, url: str) -> None:
    for _ in range(200):  # up to 10 s
        if getattr(server, "started", False):
            webbrowser.open(url)
            return
        time.sleep(0.05)
