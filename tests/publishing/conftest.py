import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from publishing.models import WebhookEndpoint
from tests.factories import NewsPageFactory, publish


class Receiver:
    """A real HTTP receiver on 127.0.0.1 (ephemeral port) that records every POST."""

    def __init__(self):
        self.requests = []
        self.statuses = []  # scripted status codes, consumed in order; then 200
        self.delay = 0  # seconds to wait before answering (to provoke client timeouts)
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if receiver.delay:
                    time.sleep(receiver.delay)
                with receiver.lock:
                    receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (timeout tests)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/cms"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture
def endpoint(site_tree, receiver):
    return WebhookEndpoint.objects.create(name="Sitio web", url=receiver.url, secret="s3creto-compartido")


@pytest.fixture
def news_index(site_tree):
    return site_tree["sections"]["news.NewsIndexPage"]


@pytest.fixture
def draft_news(news_index):
    return NewsPageFactory(parent=news_index, live=False, title="Feria gastronómica", slug="feria-gastronomica")


@pytest.fixture
def live_news(draft_news):
    return publish(draft_news)
