#!/usr/bin/env python3
"""Resolves each case of credential-cases.json with botocore itself and prints, per case, the
access key id it found or `error`, so the Swift test can check its table against botocore."""
import json, os, stat, sys, tempfile

import botocore.session

cases = json.load(open(os.path.join(os.path.dirname(__file__), "credential-cases.json")))
keep = {k: v for k, v in os.environ.items() if k in ("PATH", "PYTHONPATH", "LANG")}
for case in cases:
    d = tempfile.mkdtemp()
    files = dict(case.get("files", {}))
    files["config"] = case.get("config", "")
    files["credentials"] = case.get("credentials", "")
    for name, text in files.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text.replace("{dir}", d))
    for name in case.get("executable", []):
        os.chmod(os.path.join(d, name), stat.S_IRWXU)
    os.environ.clear()
    os.environ.update(keep)
    os.environ.update({"HOME": d, "AWS_CONFIG_FILE": os.path.join(d, "config"), "AWS_SHARED_CREDENTIALS_FILE": os.path.join(d, "credentials"),
                       "AWS_EC2_METADATA_DISABLED": "true"})
    os.environ.update({k: v.replace("{dir}", d) for k, v in case.get("env", {}).items()})
    try:
        session = botocore.session.Session(profile=case.get("profile"))
        creds = session.get_credentials()
        print(json.dumps({"name": case["name"], "key": creds.access_key if creds else None}))
    except Exception as e:
        print(json.dumps({"name": case["name"], "key": None, "error": str(e)}))
