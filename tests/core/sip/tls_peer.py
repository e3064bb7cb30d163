#!/usr/bin/env python3
"""An independent TLS peer for the SIP tests (Python's ssl module), loopback only, bounded in time.

server PORTFILE CERT KEY OUTFILE: listen on 127.0.0.1 (free port written to PORTFILE), take one INVITE (connections
    that bring none, such as a sender's own certificate check, are skipped), write its bytes to OUTFILE, answer 486
    Busy Here, read the ACK, exit; exit 1 when no INVITE came.
client PORT INFILE: connect to 127.0.0.1:PORT (certificate not verified: the stand-in's is self-signed), send the
    INVITE in INFILE, print the status line of the final response, ACK a 2xx, exit.
"""
import os
import re
import socket
import ssl
import sys

TIMEOUT = 10
# How long the server waits for the next connection. A sender without --ca reads the system's CA store before it
# connects; under the sanitizers (LeakSanitizer's slow unwinding) that took over 10 s, the peer gave up, and the
# sender's connection was refused. The test kills the peer when it is done with it.
ACCEPT_TIMEOUT = 120


def read_message(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data, b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    m = re.search(rb"(?im)^(?:content-length|l)\s*:\s*(\d+)", head)
    length = int(m.group(1)) if m else 0
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body[:length], body[length:]


def header(head, name):
    m = re.search(rb"(?im)^" + re.escape(name) + rb"\s*:[^\r\n]*", head)
    return m.group(0) if m else b""


def server(portfile, cert, key, outfile):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", 0))
        s.listen(4)
        s.settimeout(ACCEPT_TIMEOUT)
        # Written whole and renamed into place: the test reads the port the moment the file exists.
        with open(portfile + ".part", "w") as f:
            f.write(str(s.getsockname()[1]))
        os.replace(portfile + ".part", portfile)
        # A sender that verifies the certificate first makes a handshake of its own and closes it, and the test
        # checks that the port takes connections: accept again until a connection brings an INVITE (at most a few,
        # each bounded in time).
        for _ in range(6):
            raw, _ = s.accept()
            raw.settimeout(TIMEOUT)
            try:
                conn = context.wrap_socket(raw, server_side=True)
            except (ssl.SSLError, OSError) as e:
                sys.stderr.write("a connection without a handshake: %r\n" % e)
                raw.close()
                continue
            with conn:
                try:
                    invite, _ = read_message(conn)
                except (socket.timeout, ssl.SSLError, OSError) as e:
                    sys.stderr.write("a connection without an INVITE: %r\n" % e)
                    continue
                if not invite:
                    sys.stderr.write("a connection closed without an INVITE\n")
                    continue
                with open(outfile, "wb") as f:
                    f.write(invite)
                head = invite.split(b"\r\n\r\n")[0]
                to = header(head, b"To")
                response = b"\r\n".join([b"SIP/2.0 486 Busy Here", header(head, b"Via"), header(head, b"From"),
                                         to + (b";tag=tlspeer" if b"tag=" not in to else b""),
                                         header(head, b"Call-ID"), header(head, b"CSeq"), b"Content-Length: 0", b"",
                                         b""])
                conn.sendall(response)
                try:
                    read_message(conn)  # the ACK
                except (socket.timeout, ValueError, ssl.SSLError):
                    pass
                return 0
    return 1


def client(port, infile):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with open(infile, "rb") as f:
        invite = f.read()
    with socket.create_connection(("127.0.0.1", int(port)), timeout=TIMEOUT) as raw:
        with context.wrap_socket(raw) as conn:
            local = conn.getsockname()
            invite = invite.replace(b"LOCALPORT", str(local[1]).encode())
            conn.sendall(invite)
            rest = b""
            while True:
                message, rest = read_message(conn) if not rest else (rest, b"")
                status = message.split(b"\r\n", 1)[0]
                code = int(status.split(b" ")[1])
                if code >= 200:
                    break
            print(status.decode("utf-8", "replace"))
            head = message.split(b"\r\n\r\n")[0]
            if 200 <= code < 300:
                conn.sendall(b"\r\n".join([b"ACK sip:agentforce@127.0.0.1:%d SIP/2.0" % int(port),
                                           b"Via: SIP/2.0/TLS 127.0.0.1:%d;branch=z9hG4bKtlsack1" % local[1],
                                           header(head, b"From"), header(head, b"To"), header(head, b"Call-ID"),
                                           b"CSeq: 1 ACK", b"Max-Forwards: 70", b"Content-Length: 0", b"", b""]))
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "server":
        sys.exit(server(*sys.argv[2:6]))
    sys.exit(client(*sys.argv[2:4]))
