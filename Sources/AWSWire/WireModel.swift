import Foundation
import Synchronization

/// The protocols bgsh speaks.
enum WireProtocol: String, Sendable {
    /// awsJson1_0 / awsJson1_1: POST /, `X-Amz-Target`, a JSON body both ways.
    case json
    /// awsQuery: a form body (`Action`, `Version`, `A.member.N`), XML answers.
    case query
    /// EC2's query dialect: `Name.N` lists, `<item>` in answers, no result wrapper.
    case ec2
    /// REST with JSON answers (only SSO's GetRoleCredentials here).
    case restJSON = "rest-json"
}

/// How one member of a structure is written.
struct MemberModel: Sendable {
    let name: String
    let shape: String
    /// `locationName`: the member's name on the wire when it differs.
    let locationName: String?
    /// `queryName`: the ec2 protocol's name for an input member.
    let queryName: String?
    /// `location` for REST (header, querystring, uri).
    let location: String?
}

/// One shape of a service model.
enum ShapeModel: Sendable {
    case structure([MemberModel])
    case list(member: String, memberName: String?, flattened: Bool)
    case map(key: String, value: String, keyName: String?, valueName: String?, flattened: Bool)
    /// string, integer, long, boolean, double, float, timestamp, blob.
    case scalar(type: String, timestampFormat: String?)
}

/// One operation: its input and output shapes, result wrapper and idempotency token.
struct OperationModel: Sendable {
    let name: String
    let method: String
    let path: String
    let input: String?
    let output: String?
    let resultWrapper: String?
    /// The member that carries an idempotency token (the same token on every attempt).
    let idempotencyToken: String?
    /// No signature (SSO's GetRoleCredentials takes a bearer token instead).
    let isUnsigned: Bool
}

/// A service's model, as scripts/wire-models.py generated it from botocore's.
struct ServiceModel: Sendable {
    let name: String
    let wireProtocol: WireProtocol
    let apiVersion: String
    let endpointPrefix: String
    let signingName: String
    /// botocore's serviceId with spaces as underscores (`Elastic_Load_Balancing_v2`): the
    /// suffix of `AWS_ENDPOINT_URL_…`, upper-cased.
    let serviceId: String
    let targetPrefix: String?
    let jsonVersion: String?
    /// JSON answers carry the query protocol's error code in `x-amzn-query-error`.
    let isQueryCompatible: Bool
    let operations: [String: OperationModel]
    let shapes: [String: ShapeModel]

    /// The shape, or an error naming it (a model without it is a generator bug).
    func shape(_ name: String) throws -> ShapeModel {
        guard let shape = shapes[name] else { throw WireModelError("\(self.name): no shape \(name) in the model") }
        return shape
    }

    /// The operation, or an error naming it.
    func operation(_ name: String) throws -> OperationModel {
        guard let op = operations[name] else { throw WireModelError("\(self.name): no operation \(name) in the model") }
        return op
    }

    /// Reads the generated table of one service.
    init(table: String) throws {
        var header: [String: String] = [:]
        var flags: Set<String> = []
        var operations: [String: OperationModel] = [:]
        var shapes: [String: ShapeModel] = [:]
        var name = ""
        for line in table.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard let kind = words.first else { continue }
            func options(_ from: Int) -> ([String: String], Set<String>) {
                var values: [String: String] = [:]
                var bare: Set<String> = []
                for w in words.dropFirst(from) {
                    if let eq = w.firstIndex(of: "=") { values[String(w[..<eq])] = String(w[w.index(after: eq)...]) } else { bare.insert(w) }
                }
                return (values, bare)
            }
            switch kind {
            case "service":
                name = words.count > 1 ? words[1] : ""
                (header, flags) = options(2)
            case "op":
                let (o, bare) = options(2)
                let http = (o["http"] ?? "POST:/").split(separator: ":", maxSplits: 1).map(String.init)
                operations[words[1]] = OperationModel(
                    name: words[1], method: http.first ?? "POST", path: http.count > 1 ? http[1] : "/",
                    input: o["in"], output: o["out"], resultWrapper: o["wrapper"], idempotencyToken: o["token"],
                    isUnsigned: bare.contains("unsigned"))
            case "S":
                let members = words.dropFirst(2).map { spec -> MemberModel in
                    let parts = spec.split(separator: ":").map(String.init)
                    var extra: [String: String] = [:]
                    for p in parts.dropFirst(2) {
                        if let eq = p.firstIndex(of: "=") { extra[String(p[..<eq])] = String(p[p.index(after: eq)...]) }
                    }
                    return MemberModel(name: parts[0], shape: parts.count > 1 ? parts[1] : "", locationName: extra["loc"],
                                       queryName: extra["query"], location: extra["in"])
                }
                shapes[words[1]] = .structure(members)
            case "L":
                let (o, bare) = options(3)
                shapes[words[1]] = .list(member: words[2], memberName: o["loc"], flattened: bare.contains("flat"))
            case "M":
                let (o, bare) = options(4)
                shapes[words[1]] = .map(key: words[2], value: words[3], keyName: o["key"], valueName: o["value"], flattened: bare.contains("flat"))
            case "P":
                let (o, _) = options(3)
                shapes[words[1]] = .scalar(type: words[2], timestampFormat: o["fmt"])
            default:
                throw WireModelError("unknown line in the model table: \(line)")
            }
        }
        guard let proto = WireProtocol(rawValue: header["protocol"] ?? ""), let api = header["api"], let endpoint = header["endpoint"] else {
            throw WireModelError("\(name): the model table has no service line")
        }
        self.name = name
        self.wireProtocol = proto
        self.apiVersion = api
        self.endpointPrefix = endpoint
        self.signingName = header["signing"] ?? endpoint
        self.serviceId = header["id"] ?? name
        self.targetPrefix = header["target"]
        self.jsonVersion = header["json"]
        self.isQueryCompatible = flags.contains("querycompatible")
        self.operations = operations
        self.shapes = shapes
    }
}

/// A model that does not say what the code asks of it (a bug in bgsh, not in the input).
struct WireModelError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The services' models, each read from its table on first use (only the aws backend pays).
enum WireModels {
    private static let cache = Mutex<[String: ServiceModel]>([:])

    /// The model of a service by botocore's name (`ecs`, `elbv2`, `sts`).
    static func service(_ name: String) throws -> ServiceModel {
        if let model = cache.withLock({ $0[name] }) { return model }
        guard let table = WireModelTables.all.first(where: { $0.0 == name })?.1 else {
            throw WireModelError("no model for the service \(name)")
        }
        let model = try ServiceModel(table: table)
        cache.withLock { $0[name] = model }
        return model
    }
}
