@testable import AWSWire
import Foundation
import Testing

@Suite struct WireModelTests {
    /// The committed Swift tables are exactly what scripts/wire-models.py makes of the committed
    /// trimmed models (which name the botocore version they were cut from).
    @Test func generatedTablesAreFresh() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot + "/scripts/wire-models.py", "check"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test(arguments: WireModelTables.all.map(\.0))
    func tableIsClosed(_ service: String) throws {
        let model = try WireModels.service(service)
        #expect(!model.operations.isEmpty)
        func reach(_ name: String, _ seen: inout Set<String>) throws {
            guard seen.insert(name).inserted else { return }
            switch try model.shape(name) {
            case .structure(let members): for m in members { try reach(m.shape, &seen) }
            case .list(let member, _, _): try reach(member, &seen)
            case .map(let k, let v, _, _, _): try reach(k, &seen); try reach(v, &seen)
            case .scalar: break
            }
        }
        var seen: Set<String> = []
        for op in model.operations.values {
            if let input = op.input { try reach(input, &seen) }
            if let output = op.output { try reach(output, &seen) }
        }
        #expect(seen.count == model.shapes.count, "unreachable shapes in \(service)'s table")
        let trimmed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/scripts/models/\(service).json"))) as? [String: Any]
        #expect((trimmed?["botocoreVersion"] as? String)?.isEmpty == false)
    }

    /// Every operation of the Cloud protocols has its encoding rules (the generator reads the
    /// protocols, so a new one without them fails here and in `check`).
    @Test func everyCloudOperationIsInTheModels() throws {
        let sources = repositoryRoot + "/Sources/AWSModel"
        let services = ["ECSAPI": "ecs", "EC2API": "ec2", "ELBv2API": "elbv2", "ECRAPI": "ecr", "CodeDeployAPI": "codedeploy", "CloudWatchAPI": "cloudwatch"]
        var count = 0
        for file in FileManager.default.enumerator(atPath: sources)?.compactMap({ $0 as? String }) ?? [] where file.hasSuffix("API.swift") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            var service: String?
            for line in text.split(separator: "\n") {
                if line.hasPrefix("public protocol ") {
                    service = services[String(line.dropFirst(16).prefix { $0.isLetter || $0.isNumber })]
                }
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("func "), let service else { continue }
                let name = trimmed.dropFirst(5).prefix { $0 != "(" }
                let op = name.prefix(1).uppercased() + name.dropFirst()
                #expect(try WireModels.service(service).operations[op] != nil, "\(service) \(op)")
                count += 1
            }
        }
        #expect(count >= 60)
    }
}
