"""A real OpenSSH server for the end-to-end tests that reach `va` over SSH: its own
host and client keys, a config that accepts only them, on a free local port.

Nothing here skips: without sshd the test fails and names the `.ci/run` step
that installs openssh-server.
"""

from __future__ import annotations

import os
import pwd
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from terminal import base_environment, require_program, wait_until


def free_port() -> int:
    """A port nobody listens on right now (sshd start is retried if it gets taken)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


@dataclass
class SshServer:
    """A real OpenSSH server on 127.0.0.1 accepting one throwaway key."""

    directory: Path
    port: int
    user: str
    client_key: Path
    process: subprocess.Popen[bytes]
    log_path: Path
    ssh_path: str

    def ssh_command(self, remote_cmd: str) -> list[str]:
        """`ssh -tt …` running `remote_cmd` (one shell string) on this server.

        `-F /dev/null` and the agent off: the developer's own ssh setup must not
        change which key is offered or which host is reached.
        """
        return [
            self.ssh_path,
            "-tt",
            "-F",
            "/dev/null",
            "-i",
            str(self.client_key),
            "-p",
            str(self.port),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "GlobalKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "IdentityAgent=none",
            "-o",
            "ConnectTimeout=10",
            "-o",
            "LogLevel=ERROR",
            f"{self.user}@127.0.0.1",
            remote_cmd,
        ]

    def run(self, remote_cmd: str) -> subprocess.CompletedProcess[str]:
        """Run `remote_cmd` without a tty and wait: for readiness checks."""
        argv = self.ssh_command(remote_cmd)
        argv.remove("-tt")
        return subprocess.run(
            argv,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            env=base_environment(),
            timeout=20,
        )

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return "(no sshd log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


SSHD_CONFIG = """\
Port {port}
ListenAddress 127.0.0.1
HostKey {directory}/hostkey
PidFile {directory}/sshd.pid
AuthorizedKeysFile {directory}/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin yes
PermitUserEnvironment no
AcceptEnv LANG LC_* TERM VAWORKSPACE_*
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
LogLevel VERBOSE
"""
# No `Subsystem` line at all: sftp is not needed, and sshd has none unless configured.


def start_sshd(directory: Path, attempts: int = 3) -> SshServer:
    """Generate keys, write a config and start `sshd -D -e` on a free port; ready to log in.

    sshd wants its absolute path (it re-executes itself) and, as root, the
    privilege-separation directory `/run/sshd`.
    """
    sshd = require_program("sshd", "openssh-server", "/usr/sbin/sshd")
    ssh = require_program("ssh", "openssh-client")
    keygen = require_program("ssh-keygen", "openssh-client")
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("hostkey", "clientkey"):
        subprocess.run(
            [
                keygen,
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-C",
                f"va-e2e-{name}",
                "-f",
                str(directory / name),
            ],
            check=True,
            timeout=30,
        )
    authorized = directory / "authorized_keys"
    authorized.write_text((directory / "clientkey.pub").read_text())
    authorized.chmod(0o600)
    if os.geteuid() == 0 and not os.path.isdir("/run/sshd"):
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
    user = pwd.getpwuid(os.getuid()).pw_name
    failures = []
    for attempt in range(attempts):
        port = free_port()
        config = directory / "sshd_config"
        config.write_text(SSHD_CONFIG.format(port=port, directory=directory))
        log_path = directory / f"sshd-{attempt}.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [sshd, "-D", "-e", "-f", str(config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=base_environment(),
            )
        server = SshServer(directory, port, user, directory / "clientkey", process, log_path, ssh)
        try:
            wait_until(
                lambda: process.poll() is not None or port_open(port),  # noqa: B023
                10.0,
                lambda: "sshd never listened",
            )
        except AssertionError:
            server.stop()
            raise
        if process.poll() is not None:
            failures.append(f"port {port}: sshd exited {process.returncode}\n{server.log()}")
            continue
        probe = server.run("true")
        if probe.returncode != 0:
            server.stop()
            raise AssertionError(
                f"ssh login to the test sshd failed ({probe.returncode}): {probe.stderr}\n"
                f"sshd log:\n{server.log()}"
            )
        return server
    raise AssertionError("sshd did not start:\n" + "\n".join(failures))
