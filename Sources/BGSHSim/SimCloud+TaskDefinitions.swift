import AWSModel

extension SimCloud {
    static let taskDefinitionKind = "ecs.taskdef"

    /// The cpu/memory pairs Fargate accepts (MiB for memory).
    static func isValidFargate(cpu: Int, memory: Int) -> Bool {
        switch cpu {
        case 256: return [512, 1024, 2048].contains(memory)
        case 512: return (1...4).map { $0 * 1024 }.contains(memory)
        case 1024: return (2...8).map { $0 * 1024 }.contains(memory)
        case 2048: return (4...16).map { $0 * 1024 }.contains(memory)
        case 4096: return (8...30).map { $0 * 1024 }.contains(memory)
        case 8192: return stride(from: 16384, through: 61440, by: 4096).contains(memory)
        case 16384: return stride(from: 32768, through: 122880, by: 8192).contains(memory)
        default: return false
        }
    }

    /// `256`, `"1 vCPU"`, `"0.5 vCPU"` → CPU units; `512`, `"2 GB"` → MiB.
    static func units(_ text: String?, vcpu: Bool) -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let n = Int(text) { return n }
        let lower = text.lowercased()
        let suffix = vcpu ? "vcpu" : "gb"
        guard lower.hasSuffix(suffix), let n = Double(lower.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)) else { return nil }
        return Int(n * 1024)
    }

    static func isValidFamily(_ family: String) -> Bool {
        !family.isEmpty && family.count <= 255
            && family.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    public func registerTaskDefinition(_ input: RegisterTaskDefinitionInput) throws -> RegisterTaskDefinitionOutput {
        try write("RegisterTaskDefinition") { tx in try registerTaskDefinition(tx, input) }
    }

    /// RegisterTaskDefinition inside a transaction (a pipeline's deploy action registers one).
    func registerTaskDefinition(_ tx: SimStore.Transaction, _ input: RegisterTaskDefinitionInput) throws -> RegisterTaskDefinitionOutput {
        guard SimCloud.isValidFamily(input.family) else {
            throw AWSError("ClientException", "Family contains invalid characters or is too long (up to 255 letters, numbers, hyphens, and underscores).")
        }
        guard !input.containerDefinitions.isEmpty else {
            throw AWSError("ClientException", "Container list cannot be empty.")
        }
        var containers = input.containerDefinitions
        var names = Set<String>()
        for (i, container) in containers.enumerated() {
            guard let name = container.name, !name.isEmpty else {
                throw AWSError("ClientException", "Container.name should not be null or empty.")
            }
            guard names.insert(name).inserted else {
                throw AWSError("ClientException", "Duplicate container name \(name).")
            }
            guard let image = container.image, !image.isEmpty else {
                throw AWSError("ClientException", "Container.image should not be null or empty.")
            }
            if container.essential == nil { containers[i].essential = true }
            // AWS: a registered container answers with its defaults filled in.
            if container.cpu == nil { containers[i].cpu = 0 }
            if container.environment == nil { containers[i].environment = [] }
            if input.networkMode == "awsvpc" {
                // AWS: under awsvpc the host port is the container port.
                containers[i].portMappings = container.portMappings?.map { mapping in
                    var mapping = mapping
                    if mapping.hostPort == nil { mapping.hostPort = mapping.containerPort }
                    if mapping.protocol == nil { mapping.protocol = "tcp" }
                    return mapping
                }
                for mapping in containers[i].portMappings ?? [] where mapping.hostPort != mapping.containerPort {
                    throw AWSError("ClientException", "When networkMode=awsvpc, the host ports and container ports in port mappings must match.")
                }
            }
        }
        let requires = input.requiresCompatibilities ?? []
        for value in requires where !["EC2", "FARGATE", "EXTERNAL"].contains(value) {
            throw AWSError("ClientException", "Unsupported requiresCompatibilities value: \(value)")
        }
        let cpu = SimCloud.units(input.cpu, vcpu: true)
        let memory = SimCloud.units(input.memory, vcpu: false)
        if input.cpu != nil, cpu == nil { throw AWSError("ClientException", "Invalid 'cpu' setting for task.") }
        if input.memory != nil, memory == nil { throw AWSError("ClientException", "Invalid 'memory' setting for task.") }
        if requires.contains("FARGATE") {
            guard input.networkMode == "awsvpc" else {
                throw AWSError("ClientException", "Fargate only supports network mode 'awsvpc'.")
            }
            guard let cpu, let memory else {
                throw AWSError("ClientException", "Fargate requires task definition to have 'cpu' and 'memory' values.")
            }
            guard SimCloud.isValidFargate(cpu: cpu, memory: memory) else {
                throw AWSError("ClientException", "No Fargate configuration exists for given values: \(cpu) CPU, \(memory) memory. See the Amazon ECS documentation for the valid values.")
            }
        }
        if let mode = input.networkMode, !["awsvpc", "bridge", "host", "none"].contains(mode) {
            throw AWSError("ClientException", "Invalid networkMode: \(mode)")
        }
        do {
            // AWS: revisions only increase, and a number once used is never used again.
            let revision = try tx.nextNumber("taskdef.revision." + input.family)
            var definition = TaskDefinition()
            definition.taskDefinitionArn = arn("ecs", "task-definition/\(input.family):\(revision)")
            definition.family = input.family
            definition.revision = revision
            definition.status = "ACTIVE"
            definition.containerDefinitions = containers
            definition.networkMode = input.networkMode ?? "bridge"
            definition.requiresCompatibilities = input.requiresCompatibilities
            definition.compatibilities = requires.contains("FARGATE") ? ["EC2", "FARGATE"] : ["EC2"]
            definition.cpu = cpu.map(String.init)
            definition.memory = memory.map(String.init)
            definition.executionRoleArn = input.executionRoleArn
            definition.taskRoleArn = input.taskRoleArn
            definition.registeredAt = try now(tx)
            try tx.put(definition, region: region, kind: SimCloud.taskDefinitionKind, id: "\(input.family):\(revision)", name: input.family)
            return RegisterTaskDefinitionOutput(taskDefinition: definition, tags: input.tags)
        }
    }

    /// A task definition by `family` (latest ACTIVE), `family:revision` or ARN.
    func findTaskDefinition(_ tx: SimStore.Transaction, _ reference: String) throws -> TaskDefinition? {
        var key = reference
        if reference.hasPrefix("arn:"), let slash = reference.lastIndex(of: "/") {
            key = String(reference[reference.index(after: slash)...])
        }
        if key.contains(":") {
            return try tx.get(TaskDefinition.self, region: region, kind: SimCloud.taskDefinitionKind, id: key)
        }
        return try tx.find(TaskDefinition.self, region: region, kind: SimCloud.taskDefinitionKind, name: key)
            .filter { $0.status == "ACTIVE" }.max { ($0.revision ?? 0) < ($1.revision ?? 0) }
    }

    public func listTaskDefinitions(_ input: ListTaskDefinitionsInput) throws -> ListTaskDefinitionsOutput {
        let status = input.status ?? "ACTIVE"
        let all = try read("ListTaskDefinitions") { tx in try tx.all(TaskDefinition.self, region: region, kind: SimCloud.taskDefinitionKind) }
        var matching: [TaskDefinition] = all.filter { definition in
            guard definition.status == status else { return false }
            guard let prefix = input.familyPrefix else { return true }
            return definition.family?.hasPrefix(prefix) == true
        }
        matching.sort { a, b in
            let fa = a.family ?? "", fb = b.family ?? ""
            return fa != fb ? fa < fb : (a.revision ?? 0) < (b.revision ?? 0)
        }
        if input.sort == "DESC" { matching.reverse() }
        let arns: [String] = matching.compactMap { $0.taskDefinitionArn }
        return try SimPaging.page(arns, nextToken: input.nextToken, maxResults: input.maxResults, limit: 100) {
            ListTaskDefinitionsOutput(taskDefinitionArns: $0, nextToken: $1)
        }
    }

    public func listTaskDefinitionFamilies(_ input: ListTaskDefinitionFamiliesInput) throws -> ListTaskDefinitionFamiliesOutput {
        let all = try read("ListTaskDefinitionFamilies") { tx in try tx.all(TaskDefinition.self, region: region, kind: SimCloud.taskDefinitionKind) }
        var families: [String] = []
        for definition in all where (input.status ?? "ACTIVE") == "ALL" || definition.status == (input.status ?? "ACTIVE") {
            if let family = definition.family, !families.contains(family), input.familyPrefix.map({ family.hasPrefix($0) }) ?? true {
                families.append(family)
            }
        }
        return try SimPaging.page(families.sorted(), nextToken: input.nextToken, maxResults: nil, limit: 100) {
            ListTaskDefinitionFamiliesOutput(families: $0, nextToken: $1)
        }
    }

    public func describeTaskDefinition(_ input: DescribeTaskDefinitionInput) throws -> DescribeTaskDefinitionOutput {
        try read("DescribeTaskDefinition") { tx in
            guard let definition = try findTaskDefinition(tx, input.taskDefinition) else {
                throw AWSError("ClientException", "Unable to describe task definition.")
            }
            return DescribeTaskDefinitionOutput(taskDefinition: definition)
        }
    }

    public func deregisterTaskDefinition(_ input: DeregisterTaskDefinitionInput) throws -> DeregisterTaskDefinitionOutput {
        guard input.taskDefinition.contains(":") else {
            throw AWSError("ClientException", "Revision must be specified: family:revision or a full ARN")
        }
        return try write("DeregisterTaskDefinition") { tx in
            guard var definition = try findTaskDefinition(tx, input.taskDefinition) else {
                throw AWSError("ClientException", "The specified task definition does not exist.")
            }
            if definition.status == "ACTIVE" {
                definition.status = "INACTIVE"
                definition.deregisteredAt = try now(tx)
                try tx.put(definition, region: region, kind: SimCloud.taskDefinitionKind,
                           id: "\(definition.family ?? ""):\(definition.revision ?? 0)", name: definition.family ?? "")
            }
            return DeregisterTaskDefinitionOutput(taskDefinition: definition)
        }
    }
}

import Foundation
