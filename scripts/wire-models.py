#!/usr/bin/env python3
"""The aws backend's encoding rules, derived from botocore's service models (as botocore, Soto and
aws-sdk-swift stay exact): member names, list and map flattening, locationName and queryName,
timestamp formats, result wrappers, idempotency tokens.

  scripts/wire-models.py trim       botocore's installed models -> scripts/models/SERVICE.json,
                                    trimmed to the operations bgsh uses and the shapes they reach
                                    (run when an operation is added; commit the result)
  scripts/wire-models.py generate   scripts/models/*.json -> Sources/AWSWire/Generated/*.swift
  scripts/wire-models.py check      exit 1 when the committed Swift differs from what generate writes

The operations come from the `Cloud` protocols in Sources/AWSModel (every `func` of ECSAPI,
ELBv2API, ...), plus the few the wire client calls itself (STS, SSO), so that a new operation
cannot be added to the interface without its encoding rules.
"""
import glob, gzip, json, os, re, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
MODELS = os.path.join(ROOT, "scripts", "models")
OUT = os.path.join(ROOT, "Sources", "AWSWire", "Generated")

# Swift protocol (without "API") -> botocore service name.
PROTOCOLS = {"ECS": "ecs", "EC2": "ec2", "ELBv2": "elbv2", "ECR": "ecr", "CodeDeploy": "codedeploy",
             "CloudWatch": "cloudwatch", "CodeBuild": "codebuild", "CodePipeline": "codepipeline", "Logs": "logs"}
# Operations the wire client makes on its own behalf (credentials, account id).
EXTRA = {"sts": ["GetCallerIdentity", "AssumeRole"], "sso": ["GetRoleCredentials"]}
DROP = {"documentation", "deprecatedMessage", "examples", "documentationUrl", "errors"}


def protocol_operations():
    """The Cloud protocols' operations in file order: (service, method, input type, output type or None).
    scripts/dry-run-cloud.py reads them from here too."""
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Sources", "AWSModel", "*", "*API.swift"))):
        proto = None
        for line in open(path):
            m = re.match(r"public protocol (\w+)API\b", line)
            if m:
                proto = m.group(1)
            m = re.match(r"\s+func (\w+)\(_ input: (\w+)\) throws(?: -> (\w+))?\s*$", line)
            if m and proto in PROTOCOLS:
                found.append((PROTOCOLS[proto],) + m.groups())
    return found


def operations():
    ops = {}
    for service, name, _, _ in protocol_operations():
        ops.setdefault(service, []).append(name[0].upper() + name[1:])
    for service, names in EXTRA.items():
        ops.setdefault(service, []).extend(names)
    return ops


def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in DROP}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


def trim():
    import botocore
    data = os.path.join(os.path.dirname(botocore.__file__), "data")
    os.makedirs(MODELS, exist_ok=True)
    for service, names in sorted(operations().items()):
        version = sorted(os.listdir(os.path.join(data, service)))[-1]
        model = json.load(gzip.open(os.path.join(data, service, version, "service-2.json.gz")))
        seen = {}

        def walk(name):
            if name in seen:
                return
            shape = model["shapes"][name]
            seen[name] = strip(shape)
            # ECS marks none of its clientTokens as idempotencyToken, yet documents each as one
            # ("ensure the idempotency of the request"): honour the documentation, and say so.
            for member, spec in shape.get("members", {}).items():
                if member.lower() in ("clienttoken", "idempotencytoken") and "idempoten" in spec.get("documentation", "").lower() \
                        and not spec.get("idempotencyToken"):
                    seen[name]["members"][member]["idempotencyToken"] = True
                    seen[name]["members"][member]["idempotencyTokenFrom"] = "documentation"
            for member in shape.get("members", {}).values():
                walk(member["shape"])
            if "member" in shape:
                walk(shape["member"]["shape"])
            if "key" in shape:
                walk(shape["key"]["shape"])
                walk(shape["value"]["shape"])

        ops = {}
        for name in names:
            if name not in model["operations"]:
                sys.exit(f"wire-models: {service} has no operation {name} in botocore {botocore.__version__}")
            op = strip(model["operations"][name])
            ops[name] = op
            for key in ("input", "output"):
                if key in op:
                    walk(op[key]["shape"])
        md = model["metadata"]
        keep = ("apiVersion", "endpointPrefix", "jsonVersion", "protocol", "protocols", "serviceId", "signingName",
                "targetPrefix", "awsQueryCompatible", "globalEndpoint")
        trimmed = {"botocoreVersion": botocore.__version__, "modelVersion": version,
                   "metadata": {k: md[k] for k in keep if k in md},
                   "operations": dict(sorted(ops.items())), "shapes": dict(sorted(seen.items()))}
        with open(os.path.join(MODELS, service + ".json"), "w") as f:
            json.dump(trimmed, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"wire-models: {service}: {len(ops)} operations, {len(seen)} shapes (botocore {botocore.__version__})")


def wire_protocol(md):
    """The protocol bgsh speaks to a service: CloudWatch lists CBOR first, but JSON 1.0 is what
    the aws CLI sends and what moto and AWS both accept."""
    protocols = md.get("protocols", [md["protocol"]])
    for p in ("json", "query", "ec2", "rest-json"):
        if p in protocols:
            return p
    sys.exit(f"wire-models: no protocol bgsh speaks among {protocols}")


def token(s):
    if not s or re.search(r"[\s|=]", s):
        sys.exit(f"wire-models: name {s!r} cannot be written in the table")
    return s


def lines_for(service, model):
    md = model["metadata"]
    proto = wire_protocol(md)
    head = [f"service {service}", f"protocol={proto}", f"api={md['apiVersion']}", f"endpoint={md['endpointPrefix']}",
            f"signing={md.get('signingName', md['endpointPrefix'])}", "id=" + md["serviceId"].replace(" ", "_")]
    if proto == "json":
        head += [f"target={md['targetPrefix']}", f"json={md.get('jsonVersion', '1.0')}"]
    if "awsQueryCompatible" in md:
        head.append("querycompatible")
    if "globalEndpoint" in md:
        head.append(f"global={md['globalEndpoint']}")
    out = [" ".join(head)]
    for name, op in model["operations"].items():
        parts = [f"op {token(name)}", f"http={op['http']['method']}:{op['http']['requestUri']}"]
        if "input" in op:
            parts.append("in=" + op["input"]["shape"])
            members = model["shapes"][op["input"]["shape"]].get("members", {})
            for member, spec in members.items():
                if spec.get("idempotencyToken"):
                    parts.append("token=" + member)
        if "output" in op:
            parts.append("out=" + op["output"]["shape"])
            if "resultWrapper" in op["output"]:
                parts.append("wrapper=" + op["output"]["resultWrapper"])
        if op.get("authtype") == "none" or op.get("auth") == ["smithy.api#noAuth"]:
            parts.append("unsigned")
        out.append(" ".join(parts))
    for name, shape in model["shapes"].items():
        kind = shape["type"]
        if kind == "structure":
            members = []
            for member, spec in shape.get("members", {}).items():
                m = token(member) + ":" + token(spec["shape"])
                for key, tag in (("locationName", "loc"), ("queryName", "query"), ("location", "in")):
                    if key in spec:
                        m += f":{tag}={token(spec[key])}"
                if spec.get("xmlAttribute"):
                    m += ":attr"
                members.append(m)
            out.append(" ".join([f"S {token(name)}"] + members))
        elif kind == "list":
            m = shape["member"]
            parts = [f"L {token(name)}", token(m["shape"])]
            if "locationName" in m:
                parts.append("loc=" + token(m["locationName"]))
            if shape.get("flattened"):
                parts.append("flat")
            out.append(" ".join(parts))
        elif kind == "map":
            parts = [f"M {token(name)}", token(shape["key"]["shape"]), token(shape["value"]["shape"])]
            for side in ("key", "value"):
                if "locationName" in shape[side]:
                    parts.append(f"{side}={token(shape[side]['locationName'])}")
            if shape.get("flattened"):
                parts.append("flat")
            out.append(" ".join(parts))
        else:
            parts = [f"P {token(name)}", kind]
            if "timestampFormat" in shape:
                parts.append("fmt=" + shape["timestampFormat"])
            out.append(" ".join(parts))
    return out


def swift_for(service, model):
    body = "\n".join(lines_for(service, model))
    ident = "".join(p.capitalize() for p in re.split(r"[^a-zA-Z0-9]", service))
    return (f"// Generated by scripts/wire-models.py from scripts/models/{service}.json "
            f"(botocore {model['botocoreVersion']}, {service} {model['modelVersion']}). Do not edit.\n"
            "\n"
            "extension WireModelTables {\n"
            f"    /// {model['metadata']['serviceId']}: the operations bgsh calls and every shape they reach.\n"
            f"    static let {service} = #\"\"\"\n{body}\n\"\"\"#\n"
            "}\n")


def generated():
    files = {}
    ops = operations()
    for service in sorted(ops):
        path = os.path.join(MODELS, service + ".json")
        if not os.path.exists(path):
            sys.exit(f"wire-models: {path} is missing: run scripts/wire-models.py trim")
        model = json.load(open(path))
        missing = [o for o in ops[service] if o not in model["operations"]]
        if missing:
            sys.exit(f"wire-models: scripts/models/{service}.json lacks {', '.join(missing)}: run scripts/wire-models.py trim")
        files[f"WireModels+{service}.swift"] = swift_for(service, model)
    names = sorted(ops)
    files["WireModels.swift"] = (
        "// Generated by scripts/wire-models.py. Do not edit.\n\n"
        "/// The encoding tables of every service the aws backend calls, by botocore's service name.\n"
        "enum WireModelTables {\n"
        "    static let all: [(String, String)] = [\n"
        + "".join(f"        (\"{n}\", {n}),\n" for n in names)
        + "    ]\n}\n")
    return files


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else "generate"
    if cmd == "trim":
        trim()
        cmd = "generate"
    files = generated()
    if cmd == "generate":
        os.makedirs(OUT, exist_ok=True)
        for old in glob.glob(os.path.join(OUT, "WireModels*.swift")):
            if os.path.basename(old) not in files:
                os.remove(old)
        for name, text in files.items():
            with open(os.path.join(OUT, name), "w") as f:
                f.write(text)
        print(f"wire-models: wrote {len(files)} files to Sources/AWSWire/Generated")
    elif cmd == "check":
        stale = []
        for name, text in files.items():
            path = os.path.join(OUT, name)
            if not os.path.exists(path) or open(path).read() != text:
                stale.append(name)
        extra = [os.path.basename(p) for p in glob.glob(os.path.join(OUT, "WireModels*.swift")) if os.path.basename(p) not in files]
        if stale or extra:
            print("wire-models: Sources/AWSWire/Generated is stale (" + ", ".join(stale + extra) +
                  "); run scripts/wire-models.py generate and commit", file=sys.stderr)
            sys.exit(1)
        print("wire-models: Sources/AWSWire/Generated matches scripts/models")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
