"""Gunicorn for Nahbar: `gunicorn -c deploy/gunicorn.conf.py portal.wsgi`.

Sync workers behind nginx, which buffers requests and responses (slow phones never hold a worker).
Every value can be overridden from the environment (GUNICORN_*), e.g. in /etc/nahbar/env.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Pages wait on PostgreSQL and Redis part of the time: a little more than two workers per core.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# Short: nginx answers "busy" rather than let requests queue here (its limit_conn/max_conns bound the rest).
backlog = int(os.environ.get("GUNICORN_BACKLOG", 64))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))  # a worker stuck longer is killed and replaced
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 25))  # a stop lets running requests finish
keepalive = 2
# Recycle workers now and then (memory growth in long-lived processes), not all at the same moment.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 200))
# Heartbeat files: /dev/shm in production (the unit sets it), so a slow disk never makes workers look dead.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or None
# nginx on the same machine or the private network is the only client; it logs every request itself.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "nahbar"
