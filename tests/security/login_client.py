"""Post the admin login form as a browser would (CSRF cookie and token); print status, type, body."""

import http.cookiejar
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


def main(base):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    form = opener.open(base + "/admin/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "admin", "password": "clave-de-prueba-123"}
    ).encode()
    request = urllib.request.Request(base + "/admin/login/", data=data, headers={"Referer": base + "/admin/login/"})  # noqa: S310 - our own test server
    try:
        response = opener.open(request, timeout=60)
        status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    print(status)
    print(headers.get("Content-Type", ""))
    print(body.decode(errors="replace")[:2000])


if __name__ == "__main__":
    main(sys.argv[1])
