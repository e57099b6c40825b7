#!/usr/bin/env python3
"""Hostile-input run: sends N generated malformed, oversized, wrongly typed and injection-laden
requests to every endpoint of the live OpenAPI document of a platform on 127.0.0.1, and counts
5xx answers, error answers that are not RFC 9457 problems, and bodies that show a stack trace or a
class name. Exits 1 when any is found or the platform is not healthy afterwards.

    bench/hostile.py <port> [requests]

SUBSTITUTE (default 0.9) is the share of requests whose path templates such as {id} are filled in;
the rest send the template's braces raw, which are not valid in a URI. TOKEN is the district
administrator's bearer token: 85% of requests carry it, 5% a forged or malformed one, 10% none.
"""
import http.client
import json
import random
import re
import sys
import threading
import time
from urllib.parse import quote as _quote


def quote(text, safe=""):
    return _quote(text.encode("utf-8", "surrogatepass"), safe=safe)

PORT = int(sys.argv[1])
TOTAL = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
CLIENTS = 4
TOKEN = __import__("os").environ.get("TOKEN", "")
random.seed(20261127)

LEAK = re.compile(r"Exception|\tat |java\.|javax\.|\b[a-z]+(\.[a-z0-9_]+)+\.[A-Z]\w*|SQL|hsqldb", re.S)
STRINGS = [
    "' OR '1'='1", "'; DROP TABLE person; --", "\" OR \"\"=\"", "../../../../etc/passwd", "%00", "\u0000", "\\u0000",
    "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "头雁" * 300, "😀" * 50, "", " ", "\t\n",
    "x" * 70000, "-1", "0", "9" * 40, "1e309", "NaN", "null", "true", "[]", "{}", "\ud800", "2026-02-30", "DEMO",
]


def hostile_value(depth=0):
    kind = random.randrange(9)
    if kind == 0:
        return random.choice(STRINGS)
    if kind == 1:
        return random.choice([-1, 0, 2**31, -2**63, 10**30, 1.5, -0.0])
    if kind == 2:
        return None
    if kind == 3:
        return random.choice([True, False])
    if kind == 4 and depth < 3:
        return [hostile_value(depth + 1) for _ in range(random.randrange(4))]
    if kind == 5 and depth < 3:
        return {random.choice(STRINGS)[:20]: hostile_value(depth + 1) for _ in range(random.randrange(4))}
    return random.choice(STRINGS)


def shaped_body(schema, components, depth=0):
    """A body of the documented shape, filled with hostile values (and sometimes a field too many)."""
    if "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[1], {})
    if schema.get("type") == "object" and depth < 4:
        body = {name: (shaped_body(s, components, depth + 1) if random.random() < 0.5 else hostile_value())
                for name, s in schema.get("properties", {}).items() if random.random() < 0.8}
        if random.random() < 0.2:
            body["unexpected"] = hostile_value()
        return body
    if schema.get("type") == "array" and depth < 4:
        return [shaped_body(schema.get("items", {}), components, depth + 1) for _ in range(random.randrange(3))]
    return hostile_value()


def raw_body(schema, components):
    kind = random.randrange(8)
    if kind == 0:
        return "{" * random.choice([10, 100, 5000]) + "}" * 3
    if kind == 1:
        return '{"a": "' + "长" * random.choice([10, 400000]) + '"'
    if kind == 2:
        return "not json at all"
    if kind == 3:
        return json.dumps([hostile_value() for _ in range(5)])
    if kind == 4:
        return json.dumps(hostile_value())
    return json.dumps(shaped_body(schema, components))


def request_for(op):
    method, path, operation, components = op
    url = re.sub(r"\{[^}]+\}", lambda m: quote(random.choice(STRINGS)[:200], safe=""), path) \
        if random.random() < float(__import__("os").environ.get("SUBSTITUTE", "0.9")) else path
    if random.random() < 0.5:
        params = random.choice(["limit", "offset", "district", "street", "tier", "stage", "asOf", "minAge", random.choice(STRINGS)[:10]])
        url += "?" + quote(params, safe="") + "=" + quote(random.choice(STRINGS)[:300], safe="")
    headers = {"Content-Type": random.choice(["application/json"] * 6 + ["text/plain", "application/xml", "application/json; charset=latin1", "application/java-archive", ""])}
    body = None
    if method in ("post", "put", "patch") or random.random() < 0.05:
        schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        body = raw_body(schema, components).encode("utf-8", "surrogatepass")
    auth = random.random()
    if auth < 0.85:
        headers["Authorization"] = "Bearer " + TOKEN
    elif auth < 0.90:
        forged = random.choice(["Bearer " + "A" * 43, "Bearer ", "Basic YWRtaW46YWRtaW4=",
                                "Bearer " + TOKEN[:-1] + "x", "bearer " + random.choice(STRINGS)[:60]])
        # control characters cannot be sent in a header at all
        headers["Authorization"] = "".join(ch for ch in forged if ord(ch) >= 0x20 and ord(ch) != 0x7f) \
            .encode("utf-8", "surrogatepass").decode("latin-1")
    if random.random() < 0.05:
        # a forged actor header, from when the platform read one: it must be ignored, not trusted or choked on
        actor = "".join(ch for ch in random.choice(STRINGS)[:100] if ord(ch) >= 0x20)
        headers["X-Touyan-Actor"] = actor.encode("utf-8", "surrogatepass").decode("latin-1")
    return method.upper(), url, body, headers


def main():
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    conn.request("GET", "/api/openapi.json")
    doc = json.loads(conn.getresponse().read())
    components = doc["components"]["schemas"]
    # logging out would end the run's own session, and every later request would only test the 401
    ops = [(m, p, o, components) for p, item in doc["paths"].items() for m, o in item.items()
           if not (m == "delete" and p == "/api/session")]
    counts = {"sent": 0, "5xx": 0, "not_problem": 0, "leaks": 0, "errors": 0}
    statuses = {}
    examples = []
    lock = threading.Lock()
    plan = [request_for(random.choice(ops)) for _ in range(TOTAL)]

    def client(part):
        c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        for method, url, body, headers in part:
            try:
                c.request(method, url, body=body, headers={k: v for k, v in headers.items() if v})
                r = c.getresponse()
                text = r.read().decode("utf-8", "replace")
                ctype = r.getheader("Content-Type") or ""
                with lock:
                    counts["sent"] += 1
                    statuses[r.status] = statuses.get(r.status, 0) + 1
                    bad = None
                    if r.status >= 500:
                        counts["5xx"] += 1
                        bad = "5xx"
                    elif r.status >= 400 and not ctype.startswith("application/problem+json"):
                        counts["not_problem"] += 1
                        bad = "not a problem"
                    if r.status >= 400 and LEAK.search(text):
                        counts["leaks"] += 1
                        bad = "leak"
                    if bad and len(examples) < 8:
                        examples.append(f"{bad}: {method} {url[:120]} -> {r.status} {text[:200]}")
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    counts["errors"] += 1
                c.close()
                c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)

    start = time.time()
    threads = [threading.Thread(target=client, args=(plan[i::CLIENTS],)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - start
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    conn.request("GET", "/api/health")
    healthy = conn.getresponse().status == 200
    print(f"hostile requests: {counts['sent']} answered of {TOTAL} in {elapsed:.1f} s over {len(ops)} operations, {CLIENTS} clients")
    print(f"5xx answers: {counts['5xx']}; error answers that are not problems: {counts['not_problem']}; "
          f"stack traces or class names in bodies: {counts['leaks']}; connection errors: {counts['errors']}")
    print(f"platform healthy afterwards: {healthy}")
    print("answers by status: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    for e in examples:
        print("  " + e)
    sys.exit(0 if healthy and counts["5xx"] == 0 and counts["leaks"] == 0 and counts["not_problem"] == 0 else 1)


main()
