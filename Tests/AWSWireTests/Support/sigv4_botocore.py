#!/usr/bin/env python3
"""Signs requests with botocore's own SigV4 signer (botocore.auth.SigV4Auth) at a fixed date and
prints them as JSON lines, for SigV4Tests to compare bgsh's signer against.

  sigv4_botocore.py vectors        AWS's published test-suite requests (aws-sig-v4-test-suite)
  sigv4_botocore.py random N SEED  N generated requests (paths, queries, headers, bodies, tokens)
"""
import datetime, json, random, sys
from urllib.parse import quote

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

FIXED = datetime.datetime(2015, 8, 30, 12, 36, 0)


class FixedDateTime(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return FIXED

    @classmethod
    def now(cls, tz=None):
        return FIXED.replace(tzinfo=tz) if tz else FIXED


botocore.auth.datetime.datetime = FixedDateTime


def sign(method, host, path, query, headers, body, key, secret, token, region, service):
    url = f"https://{host}{quote(path, safe='/~')}"
    if query:
        url += "?" + "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in query)
    request = AWSRequest(method=method, url=url, data=body)
    # botocore's HTTPHeaders keeps repeated names in order.
    request.headers = botocore.awsrequest.HTTPHeaders()
    for name, value in headers:
        request.headers.add_header(name, value)
    signer = botocore.auth.SigV4Auth(Credentials(key, secret, token), service, region)
    signer.add_auth(request)
    return request.headers["Authorization"]


def emit(name, method, host, path, query, headers, body, key="AKIDEXAMPLE",
         secret="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token=None, region="us-east-1", service="service"):
    auth = sign(method, host, path, query, headers, body, key, secret, token, region, service)
    print(json.dumps({"name": name, "method": method, "host": host, "path": path, "query": query, "headers": headers,
                      "body": list(body), "key": key, "secret": secret, "token": token, "region": region,
                      "service": service, "authorization": auth}))


def vectors():
    h = "example.amazonaws.com"
    emit("get-vanilla", "GET", h, "/", [], [], b"")
    emit("get-vanilla-query-order-key-case", "GET", h, "/", [("Param2", "value2"), ("Param1", "value1")], [], b"")
    emit("get-vanilla-empty-query-key", "GET", h, "/", [("Param1", "value1")], [], b"")
    emit("get-unreserved", "GET", h, "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", [], [], b"")
    emit("get-utf8", "GET", h, "/\u1234", [], [], b"")
    emit("get-space", "GET", h, "/example space/", [], [], b"")
    emit("get-slash", "GET", h, "//", [], [], b"")
    emit("get-slashes", "GET", h, "//example//", [], [], b"")
    emit("get-slash-dot-slash", "GET", h, "/./", [], [], b"")
    emit("get-slash-pointless-dot", "GET", h, "/./example", [], [], b"")
    emit("get-relative", "GET", h, "/example/..", [], [], b"")
    emit("get-relative-relative", "GET", h, "/example1/example2/../..", [], [], b"")
    emit("get-header-key-duplicate", "GET", h, "/", [], [("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1")], b"")
    emit("get-header-value-order", "GET", h, "/", [], [("My-Header1", "value4"), ("My-Header1", "value1"), ("My-Header1", "value3"), ("My-Header1", "value2")], b"")
    emit("get-header-value-trim", "GET", h, "/", [], [("My-Header1", " value1"), ("My-Header2", ' "a   b   c"')], b"")
    emit("post-vanilla", "POST", h, "/", [], [], b"")
    emit("post-vanilla-query", "POST", h, "/", [("Param1", "value1")], [], b"")
    emit("post-header-key-case", "POST", h, "/", [], [], b"")
    emit("post-header-key-sort", "POST", h, "/", [], [("My-Header1", "value1")], b"")
    emit("post-header-value-case", "POST", h, "/", [], [("My-Header1", "VALUE1")], b"")
    emit("post-x-www-form-urlencoded", "POST", h, "/", [], [("Content-Type", "application/x-www-form-urlencoded")], b"Param1=value1")
    emit("post-x-www-form-urlencoded-parameters", "POST", h, "/", [], [("Content-Type", "application/x-www-form-urlencoded; charset=utf8")], b"Param1=value1")
    emit("post-sts-header-before", "POST", h, "/", [], [], b"", token="AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==")


def random_requests(n, seed):
    rng = random.Random(seed)
    path_chars = "abcXYZ019-._~ %/é\u1234!$&'()*+,;=:@"
    text_chars = "abcXYZ019-._~ %/=&é\u1234+*"
    for i in range(n):
        method = rng.choice(["GET", "POST", "PUT", "DELETE"])
        segments = ["".join(rng.choice(path_chars) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 4))]
        segments += rng.choice([[], ["."], [".."], ["", ""]])
        path = "/" + "/".join(s.replace("/", "") for s in segments)
        query = [("".join(rng.choice(text_chars) for _ in range(rng.randint(1, 6))),
                  "".join(rng.choice(text_chars) for _ in range(rng.randint(0, 8)))) for _ in range(rng.randint(0, 4))]
        headers = []
        for _ in range(rng.randint(0, 4)):
            name = rng.choice(["X-Amz-Target", "Content-Type", "My-Header", "x-amz-meta-a", "X-Custom", "Accept"])
            name = "".join(c.upper() if rng.random() < 0.3 else c for c in name)
            value = rng.choice(["  a  b ", "value", "\tx\ty", "application/x-amz-json-1.1", "AmazonEC2ContainerServiceV20141113.ListClusters", "q  \"quoted   spaces\"  "])
            headers.append((name, value))
        body = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 64)))
        token = rng.choice([None, "FQoGZXIvYXdzE" + "".join(rng.choice("abcdef0123456789/+=") for _ in range(40))])
        region = rng.choice(["us-east-1", "eu-west-1", "ap-southeast-2"])
        service = rng.choice(["ecs", "elasticloadbalancing", "ec2", "monitoring", "codedeploy"])
        host = rng.choice(["ecs.us-east-1.amazonaws.com", "127.0.0.1:5000", "example.com"])
        emit(f"random-{i}", method, host, path, query, headers, body, key="AKIA" + str(i), secret=f"secret/{i}+key",
             token=token, region=region, service=service)


if sys.argv[1:2] == ["vectors"]:
    vectors()
else:
    random_requests(int(sys.argv[2]), int(sys.argv[3]))
