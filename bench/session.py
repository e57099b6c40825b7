#!/usr/bin/env python3
"""Prints a bearer token for the benchmarks: the district administrator's, or with a role, a new
user's of that role (created by the administrator, one-time password changed as the platform
demands).

    bench/session.py <port> <admin password> [ROLE]
"""
import http.client
import json
import secrets
import sys

port, admin_password = int(sys.argv[1]), sys.argv[2]
role = sys.argv[3] if len(sys.argv) > 3 else None


def call(method, path, body=None, token=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = c.getresponse()
    text = r.read().decode("utf-8")
    if r.status >= 300:
        sys.exit(f"{method} {path}: {r.status} {text}")
    return json.loads(text) if text else None


token = call("POST", "/api/session", {"login": "admin", "password": admin_password})["token"]
if role:
    login = "bench-" + role.lower().replace("_", "-") + "-" + secrets.token_hex(3)
    issued = call("POST", "/api/users", {"login": login, "displayName": login, "role": role}, token)
    once = issued["oneTimePassword"]
    token = call("POST", "/api/session", {"login": login, "password": once})["token"]
    call("PUT", "/api/session/password", {"currentPassword": once, "newPassword": once + "-bench"}, token)
print(token)
