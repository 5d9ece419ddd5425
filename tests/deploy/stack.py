"""The shipped production set-up on one machine, for the two-server test and benchmarks/pages.py: nginx with
deploy/'s configuration (rendered by deploy/render-nginx.sh, a self-signed certificate), gunicorn app
servers with deploy/gunicorn.conf.py and the production settings, sharing PostgreSQL, Redis and media."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.services import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent.parent
MAIN_CONF = """{user}worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    include {folder}/conf/nahbar.conf;
    server {{ listen 127.0.0.1:{static_port}; root {folder}/saved; }}
}}
"""


def app_environment(*, database_url: str, redis_url: str, folder: Path, extra: dict | None = None) -> dict:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "stack-only-not-secret-" * 3, "DATABASE_URL": database_url, "REDIS_URL": redis_url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost", "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"), "INTAKE_ROOT": str(folder / "intake"),
            "TRUSTED_PROXIES": "127.0.0.1", "LOG_LEVEL": "WARNING", "SECURE_HSTS_SECONDS": "0",
            **(extra or {})}


class Stack:
    """nginx in front of `servers` gunicorn app servers; start() and stop(), or use as a context manager."""

    def __init__(self, *, env: dict, servers: int = 2, workers: int = 2, worker_class: str = "sync",
                 threads: int = 1, max_in_app: int = 64) -> None:
        # worker_class "granian": granian's WSGI server instead of gunicorn (a comparison in benchmarks/pages.py)
        self.env, self.workers, self.worker_class, self.threads = env, workers, worker_class, threads
        self.max_in_app = max_in_app
        self.folder = Path(tempfile.mkdtemp(prefix="nahbar-stack-"))
        self.app_ports = [free_port() for _ in range(servers)]
        self.https_port, self.http_port, self.static_port = free_port(), free_port(), free_port()
        self.apps: list[subprocess.Popen | None] = []
        self.nginx_started = False

    @property
    def certificate(self) -> str:
        """For `requests.get(..., verify=stack.certificate)`: the self-signed certificate nginx uses."""
        return str(self.folder / "cert.pem")

    @property
    def base(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    def app_base(self, index: int) -> str:
        return f"http://127.0.0.1:{self.app_ports[index]}"

    def prepare(self) -> None:
        python = sys.executable
        subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=self.env,
                       check=True)
        subprocess.run([python, "manage.py", "busy_pages"], cwd=ROOT, env=self.env, check=True)

    def start_app(self, index: int) -> None:
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.app_ports[index]}",
               "GUNICORN_WORKERS": str(self.workers), "GUNICORN_WORKER_CLASS": self.worker_class,
               "GUNICORN_THREADS": str(self.threads), "GUNICORN_LOGLEVEL": "warning"}
        log = open(self.folder / f"app-{index}.log", "ab")  # noqa: SIM115 (closed with the process)
        command = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "portal.wsgi"]
        if self.worker_class == "granian":
            command = [str(Path(sys.executable).parent / "granian"), "--interface", "wsgi", "--host", "127.0.0.1",
                       "--port", str(self.app_ports[index]), "--workers", str(self.workers),
                       "--blocking-threads", str(self.threads), "portal.wsgi:application"]
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        while len(self.apps) <= index:
            self.apps.append(None)
        self.apps[index] = process
        wait_for_port(self.app_ports[index], 60)

    def stop_app(self, index: int) -> None:
        """SIGTERM, as systemd stops the unit: running requests finish, new connections are refused."""
        process = self.apps[index]
        process.send_signal(signal.SIGTERM)
        process.wait(60)

    def _render_nginx(self) -> None:
        folder = self.folder
        for name in ("conf", "saved", "cache", "body", "proxy"):
            (folder / name).mkdir(exist_ok=True)
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                       check=True, capture_output=True)
        servers = " ".join(f"server 127.0.0.1:{port} max_fails=0 max_conns={self.max_in_app};"
                           for port in self.app_ports)
        variables = {
            "NAHBAR_DOMAIN": "127.0.0.1", "NAHBAR_HTTP_LISTEN": f"127.0.0.1:{self.http_port}",
            "NAHBAR_HTTPS_LISTEN": f"127.0.0.1:{self.https_port}", "NAHBAR_TLS_CERT": str(folder / "cert.pem"),
            "NAHBAR_TLS_KEY": str(folder / "key.pem"), "NAHBAR_APP_SERVERS": servers,
"NAHBAR_CACHE_DIR": str(folder / "cache"),
            "NAHBAR_STATIC_ROOT": self.env["STATIC_ROOT"], "NAHBAR_PROXY_SNIPPET": str(folder / "conf/proxy.conf"),
            "NAHBAR_MEDIA_ROOT": self.env["MEDIA_ROOT"],
            "NAHBAR_MEDIA_SNIPPET": str(folder / "conf" / self.media_snippet),
            "NAHBAR_MEDIA_UPSTREAM": self.env.get("NAHBAR_MEDIA_UPSTREAM", "http://127.0.0.1:9/"),
            "NAHBAR_MEDIA_UPSTREAM_HOST": self.env.get("NAHBAR_MEDIA_UPSTREAM_HOST", "127.0.0.1"),
        }
        subprocess.run([str(ROOT / "deploy/render-nginx.sh"), str(folder / "conf")], env={**os.environ, **variables},
                       check=True)
        user = "user root;\n" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(MAIN_CONF.format(user=user, folder=folder, static_port=self.static_port))

    @property
    def media_snippet(self) -> str:
        return "media-s3.conf" if self.env.get("MEDIA_S3_BUCKET") else "media-local.conf"

    def start(self) -> Stack:
        self.prepare()
        for index in range(len(self.app_ports)):
            self.start_app(index)
        self._render_nginx()
        subprocess.run(["nginx", "-c", str(self.folder / "nginx.conf"), "-e", str(self.folder / "error.log")],
                       check=True)
        self.nginx_started = True
        wait_for_port(self.https_port)
        return self

    def stop(self) -> None:
        if self.nginx_started:
            subprocess.run(["nginx", "-c", str(self.folder / "nginx.conf"), "-e", str(self.folder / "error.log"),
                            "-s", "stop"], check=False)
        for process in self.apps:
            if process and process.poll() is None:
                process.terminate()
                process.wait(60)

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
