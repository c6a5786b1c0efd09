#!/usr/bin/env python3
"""A real IMAP server (Dovecot, from the Debian package dovecot-imapd) on 127.0.0.1 for the mailbox tests.

`serve --dir D` writes a Dovecot configuration into D (a passwd-file user, Maildir storage in D, every path and process
under D, no system service touched), starts `dovecot -F` on a free loopback port, writes that port to D/port once the
server greets, and runs until SIGTERM or --lifetime seconds. Run as root, it hands D to the user `nobody` and runs Dovecot
as that user (Dovecot refuses to run its login processes as root). `--tls` serves IMAPS with a self-signed certificate
(D/cert.pem).

`append --port P --user U --password W --file F [--tls]` delivers the message in F into U's INBOX (IMAP APPEND), as a
mail server would; it prints the new message's UID.
"""
import argparse
import imaplib
import os
import pwd
import signal
import socket
import ssl
import subprocess
import sys
import time

DOVECOT = "/usr/sbin/dovecot"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(options):
    directory = os.path.abspath(options.dir)
    port = free_port()
    running_as_root = os.geteuid() == 0
    account = pwd.getpwnam("nobody") if running_as_root else pwd.getpwuid(os.geteuid())
    group = "nogroup" if running_as_root else None
    if group is None:
        import grp
        group = grp.getgrgid(os.getegid()).gr_name
    os.makedirs(os.path.join(directory, "run"), exist_ok=True)
    os.makedirs(os.path.join(directory, "mail"), exist_ok=True)
    with open(os.path.join(directory, "users"), "w") as users:
        users.write("%s:{PLAIN}%s::::::\n" % (options.user, options.password))
    ssl_lines = "ssl = no\n"
    listener = "  inet_listener imap {\n    address = 127.0.0.1\n    port = %d\n  }\n  inet_listener imaps {\n    port = 0\n  }\n" % port
    if options.tls:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-keyout", os.path.join(directory, "key.pem"), "-out", os.path.join(directory, "cert.pem")],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ssl_lines = "ssl = required\nssl_cert = <%s/cert.pem\nssl_key = <%s/key.pem\n" % (directory, directory)
        listener = "  inet_listener imap {\n    port = 0\n  }\n  inet_listener imaps {\n    address = 127.0.0.1\n    port = %d\n  }\n" % port
    config = """base_dir = {d}/run
state_dir = {d}/run/state
instance_name = autopilot-test-{port}
protocols = imap
listen = 127.0.0.1
{ssl}disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
mail_location = maildir:{d}/mail/%u
log_path = {d}/dovecot.log
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {d}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/mail/%u
}}
service imap-login {{
{listener}  chroot =
}}
service anvil {{
  chroot =
}}
""".format(d=directory, port=port, ssl=ssl_lines, user=account.pw_name, group=group, uid=account.pw_uid, gid=account.pw_gid,
           listener=listener)
    path = os.path.join(directory, "dovecot.conf")
    with open(path, "w") as handle:
        handle.write(config)
    if running_as_root:
        for root, folders, files in os.walk(directory):
            os.chown(root, account.pw_uid, account.pw_gid)
            for name in files:
                os.chown(os.path.join(root, name), account.pw_uid, account.pw_gid)
        os.chmod(directory, 0o755)

    def drop():
        if running_as_root:
            os.setgroups([])
            os.setgid(account.pw_gid)
            os.setuid(account.pw_uid)

    process = subprocess.Popen([DOVECOT, "-F", "-c", path], preexec_fn=drop)

    def stop(*_):
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    deadline = time.time() + 20
    while time.time() < deadline:
        if process.poll() is not None:
            sys.stderr.write("dovecot exited with %s\n" % process.returncode)
            sys.exit(1)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                if options.tls:
                    context = ssl.create_default_context()
                    context.check_hostname = False
                    context.verify_mode = ssl.CERT_NONE
                    with context.wrap_socket(probe) as secured:
                        greeting = secured.recv(200)
                else:
                    greeting = probe.recv(200)
                if greeting.startswith(b"* OK"):
                    break
        except OSError:
            time.sleep(0.1)
    else:
        stop()
    with open(os.path.join(directory, "port.tmp"), "w") as handle:
        handle.write(str(port))
    os.replace(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))
    end = time.time() + options.lifetime
    while time.time() < end and process.poll() is None:
        time.sleep(0.2)
    stop()


def append(options):
    if options.tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        client = imaplib.IMAP4_SSL("127.0.0.1", options.port, ssl_context=context)
    else:
        client = imaplib.IMAP4("127.0.0.1", options.port)
    client.login(options.user, options.password)
    with open(options.file, "rb") as handle:
        data = handle.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    status, answer = client.append(options.folder, None, imaplib.Time2Internaldate(time.time()), data)
    if status != "OK":
        sys.stderr.write("APPEND failed: %r\n" % answer)
        sys.exit(1)
    text = answer[0].decode() if answer and answer[0] else ""
    uid = text.split("APPENDUID")[1].split()[1].rstrip("]") if "APPENDUID" in text else ""
    print(uid)
    client.logout()


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    serve_parser = sub.add_parser("serve")
    serve_parser.add_argument("--dir", required=True)
    serve_parser.add_argument("--user", default="shop")
    serve_parser.add_argument("--password", default="secret")
    serve_parser.add_argument("--lifetime", type=float, default=300)
    serve_parser.add_argument("--tls", action="store_true")
    append_parser = sub.add_parser("append")
    append_parser.add_argument("--port", type=int, required=True)
    append_parser.add_argument("--user", default="shop")
    append_parser.add_argument("--password", default="secret")
    append_parser.add_argument("--folder", default="INBOX")
    append_parser.add_argument("--file", required=True)
    append_parser.add_argument("--tls", action="store_true")
    options = parser.parse_args()
    serve(options) if options.command == "serve" else append(options)


if __name__ == "__main__":
    main()
