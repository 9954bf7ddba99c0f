import AWSModel
import Foundation

/// How long a simulated Fargate task takes to get going on the virtual clock.
enum TaskTiming {
    /// PROVISIONING until this many seconds after creation.
    static let provisioning: Double = 10
    /// PENDING until this many seconds after creation; RUNNING (and registered in its target
    /// groups) from then on.
    static let running: Double = 30
    /// A task that cannot pull its image stops this long after creation.
    static let pullTimeout: Double = 20
}

/// A task as the simulator keeps it: AWS's record plus what it needs to place and register it.
struct SimTask: Codable {
    var task: AWSModel.Task
    /// The cluster/service it belongs to.
    var serviceKey: String
    /// Which part of the service runs it: a task set's id, or the service's deployment id.
    var owner: String
    /// Its private IP.
    var ip: String
    /// The target groups it is registered in, with the port.
    var targets: [SimTargetRef]
    /// When it stops because it cannot pull its image (ECS's stoppedReason in `pullFailure`);
    /// nil for a task that starts.
    var failsAt: Double?
    var pullFailure: String?

    /// Not stopped (yet) at `now`.
    func isLive(at now: Double) -> Bool { task.stoppedAt == nil && (failsAt.map { now < $0 } ?? true) }

    /// The record as ECS shows it at `now`: a task that could not pull its image is STOPPED from
    /// `failsAt`, with the reason on the task and its container.
    func viewed(at now: Double) -> AWSModel.Task {
        var task = self.task
        if task.stoppedAt == nil, let at = failsAt, now >= at {
            task.stoppedAt = at
            task.desiredStatus = "STOPPED"
            task.stoppedReason = pullFailure
            for i in (task.containers ?? []).indices { task.containers?[i].reason = pullFailure }
        }
        return SimCloud.current(task, at: now)
    }
}

struct SimTargetRef: Codable, Hashable {
    var targetGroupArn: String
    var port: Int
}

extension SimCloud {
    static let serviceKind = "ecs.service"
    static let taskKind = "ecs.task"

    func clusterName(ofArn arn: String?) -> String { clusterName(from: arn ?? "") }

    func requireActiveCluster(_ tx: SimStore.Transaction, _ reference: String?) throws -> Cluster {
        let name = clusterName(from: reference ?? "default")
        guard let cluster = try tx.get(Cluster.self, region: region, kind: SimCloud.clusterKind, id: name), cluster.status == "ACTIVE" else {
            throw AWSError("ClusterNotFoundException", "Cluster not found.")
        }
        return cluster
    }

    func serviceName(from reference: String) -> String {
        if reference.hasPrefix("arn:"), let slash = reference.lastIndex(of: "/") {
            return String(reference[reference.index(after: slash)...])
        }
        return reference
    }

    func requireService(_ tx: SimStore.Transaction, cluster: String?, _ reference: String) throws -> (Cluster, Service) {
        let cluster = try requireActiveCluster(tx, cluster)
        let key = "\(cluster.clusterName)/\(serviceName(from: reference))"
        guard let service = try tx.get(Service.self, region: region, kind: SimCloud.serviceKind, id: key), service.status == "ACTIVE" else {
            throw AWSError("ServiceNotFoundException", "Service not found.")
        }
        return (cluster, service)
    }

    func save(_ tx: SimStore.Transaction, _ service: Service, cluster: Cluster) throws {
        try tx.put(service, region: region, kind: SimCloud.serviceKind, id: "\(cluster.clusterName)/\(service.serviceName ?? "")",
                   name: service.serviceName ?? "", parent: cluster.clusterName)
    }

    // MARK: tasks

    /// A task's status at `now`, derived from its timestamps.
    static func status(of task: AWSModel.Task, at now: Double) -> String {
        if task.stoppedAt != nil { return "STOPPED" }
        let age = now - (task.createdAt ?? now)
        if age < TaskTiming.provisioning { return "PROVISIONING" }
        if age < TaskTiming.running { return "PENDING" }
        return "RUNNING"
    }

    /// The record with its status and start time filled in for `now`.
    static func current(_ task: AWSModel.Task, at now: Double) -> AWSModel.Task {
        var task = task
        task.lastStatus = status(of: task, at: now)
        for i in (task.containers ?? []).indices { task.containers?[i].lastStatus = task.lastStatus == "RUNNING" || task.lastStatus == "STOPPED" ? task.lastStatus : "PENDING" }
        if task.lastStatus == "RUNNING" || (task.stoppedAt != nil && (task.stoppedAt ?? 0) >= (task.createdAt ?? 0) + TaskTiming.running) {
            task.startedAt = (task.createdAt ?? 0) + TaskTiming.running
        }
        return task
    }

    func tasks(_ tx: SimStore.Transaction, serviceKey: String) throws -> [SimTask] {
        try tx.find(SimTask.self, region: region, kind: SimCloud.taskKind, name: serviceKey)
    }

    /// The next private IP in a subnet (counted per subnet, never reused).
    func nextIP(_ tx: SimStore.Transaction, subnetId: String) throws -> String {
        guard let subnet = try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: subnetId),
              let cidr = CIDR(subnet.CidrBlock ?? "") else { return "10.0.0.\(try tx.nextNumber("ip.none") % 250 + 4)" }
        let n = try tx.nextNumber("ip." + subnetId)
        // AWS reserves the first four addresses and the last one of every subnet.
        return cidr.address(UInt32(4 + (n - 1) % max(1, Int(cidr.size) - 5)))
    }

    /// Starts one task for a part of a service and registers it (from when it runs) in its target groups.
    func startTask(_ tx: SimStore.Transaction, cluster: Cluster, service: Service, owner: String, taskDefinition: String,
                   loadBalancers: [ServiceLoadBalancer], network: NetworkConfiguration?, now: Double) throws -> SimTask {
        let subnets = network?.awsvpcConfiguration?.subnets ?? []
        let number = try tx.nextNumber("task")
        let subnet = subnets.isEmpty ? "" : subnets[(number - 1) % subnets.count]
        let ip = try nextIP(tx, subnetId: subnet)
        var task = AWSModel.Task()
        task.taskArn = arn("ecs", "task/\(cluster.clusterName)/\(SimIDs.hex(kind: "task", number: number, length: 32))")
        task.clusterArn = cluster.clusterArn
        task.taskDefinitionArn = taskDefinition
        task.desiredStatus = "RUNNING"
        task.group = "service:\(service.serviceName ?? "")"
        task.startedBy = owner
        task.launchType = service.launchType ?? "FARGATE"
        task.createdAt = now
        let definition = try findTaskDefinition(tx, taskDefinition)
        task.containers = (definition?.containerDefinitions ?? []).map { container in
            TaskContainer(containerArn: arn("ecs", "container/\(cluster.clusterName)/\(SimIDs.hex(kind: "task", number: number, length: 32))/\(SimIDs.uuid(kind: "container-" + (container.name ?? ""), number: number))"),
                          taskArn: task.taskArn, name: container.name, image: container.image, lastStatus: "PENDING")
        }
        task.attachments = [Attachment(id: SimIDs.uuid(kind: "eni", number: number), type: "ElasticNetworkInterface", status: "ATTACHED",
                                       details: [NetworkDetail(name: "subnetId", value: subnet),
                                                 NetworkDetail(name: "privateIPv4Address", value: ip)])]
        // ECS pulls the image first: from this account's ECR only if it is there, and over a
        // network path (a public IP in a public subnet, or a NAT gateway route) in any case.
        let failure = try pullFailure(tx, images: definition?.containerDefinitions?.compactMap(\.image) ?? [], subnet: subnet, network: network)
        var refs: [SimTargetRef] = []
        for lb in loadBalancers where failure == nil {
            guard let tgArn = lb.targetGroupArn else { continue }
            let ref = SimTargetRef(targetGroupArn: tgArn, port: lb.containerPort ?? 80)
            refs.append(ref)
            let target = SimTarget(targetGroupArn: tgArn, id: ip, port: ref.port, registeredAt: now + TaskTiming.running,
                                   deregisteredAt: nil, taskArn: task.taskArn)
            try tx.put(target, region: region, kind: SimCloud.targetKind, id: target.key, name: tgArn)
        }
        let simTask = SimTask(task: task, serviceKey: "\(cluster.clusterName)/\(service.serviceName ?? "")", owner: owner, ip: ip, targets: refs,
                              failsAt: failure == nil ? nil : now + TaskTiming.pullTimeout, pullFailure: failure)
        try tx.put(simTask, region: region, kind: SimCloud.taskKind, id: task.taskArn!, name: simTask.serviceKey)
        return simTask
    }

    /// Stops a task: it deregisters from its target groups (and drains there).
    func stopTask(_ tx: SimStore.Transaction, _ simTask: SimTask, reason: String, now: Double) throws {
        var simTask = simTask
        guard simTask.task.stoppedAt == nil else { return }
        simTask.task.stoppedAt = now
        simTask.task.desiredStatus = "STOPPED"
        simTask.task.stoppedReason = reason
        for ref in simTask.targets {
            let key = "\(ref.targetGroupArn)|\(simTask.ip):\(ref.port)"
            guard var target = try tx.get(SimTarget.self, region: region, kind: SimCloud.targetKind, id: key) else { continue }
            if target.registeredAt > now {
                try tx.delete(region: region, kind: SimCloud.targetKind, id: key)  // never got registered
            } else if target.deregisteredAt == nil {
                target.deregisteredAt = now
                try tx.put(target, region: region, kind: SimCloud.targetKind, id: key, name: ref.targetGroupArn)
            }
        }
        try tx.put(simTask, region: region, kind: SimCloud.taskKind, id: simTask.task.taskArn ?? "", name: simTask.serviceKey)
    }

    /// What each part of a service should run: (owner, count, task definition, load balancers).
    func plan(_ service: Service, targetGroups: [String: String] = [:]) -> [(owner: String, count: Int, taskDefinition: String, loadBalancers: [ServiceLoadBalancer], network: NetworkConfiguration?)] {
        let desired = service.desiredCount ?? 0
        switch service.deploymentController?.type ?? "ECS" {
        case "EXTERNAL", "CODE_DEPLOY":
            return (service.taskSets ?? []).map { set in
                let percent = set.scale?.value ?? 100
                let count = Int((Double(desired) * percent / 100).rounded(.up))
                return (set.id ?? "", count, set.taskDefinition ?? "", set.loadBalancers ?? [], set.networkConfiguration)
            }
        default:
            // A native blue/green deployment runs both revisions (PRIMARY green, ACTIVE blue),
            // each on its own target group.
            return (service.deployments ?? []).filter { $0.status == "PRIMARY" || $0.status == "ACTIVE" }.map { deployment in
                let balancers = (service.loadBalancers ?? []).map { lb in
                    ServiceLoadBalancer(targetGroupArn: targetGroups[deployment.id ?? ""] ?? lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort)
                }
                return (deployment.id ?? "", desired, deployment.taskDefinition ?? "", balancers, service.networkConfiguration)
            }
        }
    }

    /// Starts and stops tasks so that every part of the service runs what it should; stops the
    /// tasks of parts that are gone.
    func reconcile(_ tx: SimStore.Transaction, cluster: Cluster, service: inout Service, now: Double) throws {
        let key = "\(cluster.clusterName)/\(service.serviceName ?? "")"
        // Tasks that could not pull their image stop at their time (and are replaced below).
        for failed in try tasks(tx, serviceKey: key) where failed.task.stoppedAt == nil && (failed.failsAt.map { $0 <= now } ?? false) {
            try stopTask(tx, failed, reason: failed.pullFailure ?? "", now: failed.failsAt ?? now)
            try addEvent(tx, &service, "(service \(service.serviceName ?? "")) (task \(failed.task.taskArn?.split(separator: "/").last ?? "")) stopped: \(failed.pullFailure ?? "")", failed.failsAt ?? now)
        }
        let live = try tasks(tx, serviceKey: key).filter { $0.isLive(at: now) }
        let parts = service.status == "ACTIVE" ? plan(service, targetGroups: service.deploymentController?.type == "ECS" ? try nativeTargetGroups(tx) : [:]) : []
        var started: [String] = []
        var stopped: [String] = []
        for part in parts {
            let mine = live.filter { $0.owner == part.owner }.sorted { ($0.task.createdAt ?? 0) < ($1.task.createdAt ?? 0) }
            if mine.count < part.count {
                for _ in mine.count..<part.count {
                    let task = try startTask(tx, cluster: cluster, service: service, owner: part.owner, taskDefinition: part.taskDefinition,
                                             loadBalancers: part.loadBalancers, network: part.network, now: now)
                    started.append(task.task.taskArn ?? "")
                }
            } else if mine.count > part.count {
                for task in mine.suffix(mine.count - part.count) {
                    try stopTask(tx, task, reason: "Scaling activity initiated by (deployment \(part.owner))", now: now)
                    stopped.append(task.task.taskArn ?? "")
                }
            }
        }
        let owners = Set(parts.map(\.owner))
        for task in live where !owners.contains(task.owner) {
            try stopTask(tx, task, reason: "Task set or deployment removed", now: now)
            stopped.append(task.task.taskArn ?? "")
        }
        func shortIds(_ arns: [String]) -> String { arns.map { "(task \($0.split(separator: "/").last ?? ""))" }.joined(separator: " ") }
        if !started.isEmpty { try addEvent(tx, &service, "(service \(service.serviceName ?? "")) has started \(started.count) tasks: \(shortIds(started)).", now) }
        if !stopped.isEmpty { try addEvent(tx, &service, "(service \(service.serviceName ?? "")) has stopped \(stopped.count) running tasks: \(shortIds(stopped)).", now) }
    }

    func addEvent(_ tx: SimStore.Transaction, _ service: inout Service, _ message: String, _ now: Double) throws {
        let event = ServiceEvent(id: SimIDs.uuid(kind: "event", number: try tx.nextNumber("event")), createdAt: now, message: message)
        service.events = Array(([event] + (service.events ?? [])).prefix(100))  // AWS keeps the newest first
    }

    /// The service with counts and task-set counts derived from its tasks at `now`.
    func current(_ tx: SimStore.Transaction, _ service: Service, now: Double) throws -> Service {
        var service = service
        let key = "\(clusterName(ofArn: service.clusterArn))/\(service.serviceName ?? "")"
        let live = try tasks(tx, serviceKey: key).filter { $0.isLive(at: now) }
        func counts(_ owner: String?) -> (running: Int, pending: Int) {
            let mine = owner.map { o in live.filter { $0.owner == o } } ?? live
            let running = mine.filter { SimCloud.status(of: $0.task, at: now) == "RUNNING" }.count
            return (running, mine.count - running)
        }
        let all = counts(nil)
        service.runningCount = all.running
        service.pendingCount = all.pending
        let desired = service.desiredCount ?? 0
        service.taskSets = service.taskSets?.map { set in
            var set = set
            let c = counts(set.id)
            set.runningCount = c.running
            set.pendingCount = c.pending
            set.computedDesiredCount = Int((Double(desired) * (set.scale?.value ?? 100) / 100).rounded(.up))
            set.stabilityStatus = c.running == set.computedDesiredCount && c.pending == 0 ? "STEADY_STATE" : "STABILIZING"
            return set
        }
        service.deployments = service.deployments?.map { deployment in
            var deployment = deployment
            let c = counts(deployment.id)
            deployment.runningCount = c.running
            deployment.pendingCount = c.pending
            deployment.rolloutState = c.running == desired && c.pending == 0 ? "COMPLETED" : "IN_PROGRESS"
            return deployment
        }
        return service
    }

    // MARK: services

    /// AWS's checks of a service's (or task set's) load balancers against its task definition.
    func validateLoadBalancers(_ tx: SimStore.Transaction, _ loadBalancers: [ServiceLoadBalancer], definition: TaskDefinition) throws {
        for lb in loadBalancers {
            guard let tgArn = lb.targetGroupArn, let tg = try tx.get(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, id: tgArn) else {
                throw AWSError("InvalidParameterException", "Unable to find the target group \(lb.targetGroupArn ?? "") (TargetGroupNotFound)")
            }
            let listeners = try tx.all(Listener.self, region: region, kind: SimCloud.listenerKind)
            let attached = listeners.contains { SimCloud.targetGroupArns(of: $0.DefaultActions ?? []).contains(tgArn) }
            guard attached else {
                throw AWSError("InvalidParameterException", "The target group with targetGroupArn \(tgArn) does not have an associated load balancer.")
            }
            guard let container = definition.containerDefinitions?.first(where: { $0.name == lb.containerName }) else {
                throw AWSError("InvalidParameterException", "The container \(lb.containerName ?? "") does not exist in the task definition.")
            }
            guard container.portMappings?.contains(where: { $0.containerPort == lb.containerPort }) == true else {
                throw AWSError("InvalidParameterException", "The container \(lb.containerName ?? "") did not have a container port \(lb.containerPort ?? 0) defined.")
            }
            if definition.networkMode == "awsvpc", tg.TargetType != "ip" {
                throw AWSError("InvalidParameterException", "The provided target group \(tgArn) has target type \(tg.TargetType ?? "instance"), which is incompatible with the awsvpc network mode specified in the task definition.")
            }
        }
    }

    func validateNetwork(_ tx: SimStore.Transaction, _ network: NetworkConfiguration?, definition: TaskDefinition) throws {
        guard definition.networkMode == "awsvpc" else { return }
        guard let subnets = network?.awsvpcConfiguration?.subnets, !subnets.isEmpty else {
            throw AWSError("InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified.")
        }
        for subnet in subnets where try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: subnet) == nil {
            throw AWSError("InvalidParameterException", "Error retrieving subnet information for [\(subnet)]: The subnet ID '\(subnet)' does not exist")
        }
        for group in network?.awsvpcConfiguration?.securityGroups ?? []
        where try tx.get(SecurityGroup.self, region: region, kind: SimCloud.securityGroupKind, id: group) == nil {
            throw AWSError("InvalidParameterException", "Error retrieving security group information for [\(group)]: The security group '\(group)' does not exist")
        }
    }

    public func createService(_ input: CreateServiceInput) throws -> CreateServiceOutput {
        guard SimCloud.isValidFamily(input.serviceName) else {
            throw AWSError("InvalidParameterException", "Service name can contain up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.")
        }
        // AWS (botocore's model): tag keys 1–128 and values 0–256 characters of a limited set, 50 at most.
        if let why = Tag.violation(input.tags ?? []) { throw AWSError("InvalidParameterException", why) }
        let controller = input.deploymentController?.type ?? "ECS"
        guard ["ECS", "CODE_DEPLOY", "EXTERNAL"].contains(controller) else {
            throw AWSError("InvalidParameterException", "Invalid deployment controller type: \(controller)")
        }
        let desired = input.desiredCount ?? (controller == "EXTERNAL" ? 0 : 1)
        guard desired >= 0 else { throw AWSError("InvalidParameterException", "desiredCount must be 0 or more") }
        return try write("CreateService") { tx in
            let cluster = try requireActiveCluster(tx, input.cluster)
            let key = "\(cluster.clusterName)/\(input.serviceName)"
            if let existing = try tx.get(Service.self, region: region, kind: SimCloud.serviceKind, id: key), existing.status == "ACTIVE" {
                throw AWSError("InvalidParameterException", "Creation of service was not idempotent.")
            }
            let now = try now(tx)
            var definition: TaskDefinition?
            if let reference = input.taskDefinition {
                guard let found = try findTaskDefinition(tx, reference), found.status == "ACTIVE" else {
                    throw AWSError("InvalidParameterException", "TaskDefinition not found.")
                }
                definition = found
            } else if controller != "EXTERNAL" {
                throw AWSError("InvalidParameterException", "A task definition must be specified.")
            }
            if let definition {
                try validateLoadBalancers(tx, input.loadBalancers ?? [], definition: definition)
                for lb in input.loadBalancers ?? [] { try validateAdvanced(tx, lb, controller: controller) }
                try validateNetwork(tx, input.networkConfiguration, definition: definition)
            } else if !(input.loadBalancers ?? []).isEmpty {
                throw AWSError("InvalidParameterException", "Load balancers of a service with the EXTERNAL controller are set on its task sets")
            }
            var service = Service()
            service.serviceArn = arn("ecs", "service/\(cluster.clusterName)/\(input.serviceName)")
            service.serviceName = input.serviceName
            service.clusterArn = cluster.clusterArn
            service.loadBalancers = input.loadBalancers ?? []
            service.status = "ACTIVE"
            service.desiredCount = desired
            service.launchType = input.launchType ?? "FARGATE"
            service.taskDefinition = definition?.taskDefinitionArn
            service.deploymentController = DeploymentController(type: controller)
            if controller == "ECS" {
                // AWS answers with the configuration it applies: ROLLING with its percentages by default.
                var configuration = input.deploymentConfiguration ?? ServiceDeploymentConfiguration(strategy: "ROLLING")
                configuration.strategy = configuration.strategy ?? "ROLLING"
                configuration.maximumPercent = configuration.maximumPercent ?? 200
                configuration.minimumHealthyPercent = configuration.minimumHealthyPercent ?? 100
                service.deploymentConfiguration = configuration
            }
            service.networkConfiguration = input.networkConfiguration
            service.createdAt = now
            service.schedulingStrategy = "REPLICA"
            service.tags = input.tags ?? []
            service.events = []
            service.taskSets = []
            service.deployments = []
            let number = try tx.nextNumber("id.deployment")
            let deploymentId = "ecs-svc/" + String(SimIDs.hex(kind: "deployment", number: number, length: 16).compactMap { $0.hexDigitValue }.map(String.init).joined().prefix(19))
            switch controller {
            case "ECS":
                var deployment = ServiceDeployment()
                deployment.id = deploymentId
                deployment.status = "PRIMARY"
                deployment.taskDefinition = definition?.taskDefinitionArn
                deployment.desiredCount = desired
                deployment.createdAt = now
                deployment.updatedAt = now
                deployment.launchType = service.launchType
                service.deployments = [deployment]
            case "CODE_DEPLOY":
                // AWS: a CODE_DEPLOY service starts with one PRIMARY task set on its load balancer.
                var set = TaskSet()
                set.id = deploymentId
                set.taskSetArn = arn("ecs", "task-set/\(cluster.clusterName)/\(input.serviceName)/\(deploymentId)")
                set.serviceArn = service.serviceArn
                set.clusterArn = cluster.clusterArn
                set.startedBy = "CodeDeploy"
                set.status = "PRIMARY"
                set.taskDefinition = definition?.taskDefinitionArn
                set.createdAt = now
                set.updatedAt = now
                set.launchType = service.launchType
                set.networkConfiguration = input.networkConfiguration
                set.loadBalancers = input.loadBalancers
                set.scale = Scale(value: 100, unit: "PERCENT")
                service.taskSets = [set]
            default:
                break
            }
            try reconcile(tx, cluster: cluster, service: &service, now: now)
            try save(tx, service, cluster: cluster)
            return CreateServiceOutput(service: try current(tx, service, now: now))
        }
    }

    public func describeServices(_ input: DescribeServicesInput) throws -> DescribeServicesOutput {
        guard input.services.count <= 10 else {
            throw AWSError("InvalidParameterException", "services can have at most 10 items.")
        }
        return try read("DescribeServices") { tx in
            let cluster = try requireActiveCluster(tx, input.cluster)
            let now = try now(tx)
            var found: [Service] = []
            var failures: [Failure] = []
            for reference in input.services {
                let name = serviceName(from: reference)
                if let service = try tx.get(Service.self, region: region, kind: SimCloud.serviceKind, id: "\(cluster.clusterName)/\(name)") {
                    var described = try current(tx, service, now: now)
                    // AWS: a service's tags come back only when asked for (include TAGS).
                    if input.include?.contains("TAGS") != true { described.tags = nil }
                    found.append(described)
                } else {
                    failures.append(Failure(arn: arn("ecs", "service/\(cluster.clusterName)/\(name)"), reason: "MISSING"))
                }
            }
            return DescribeServicesOutput(services: found, failures: failures)
        }
    }

    public func listServices(_ input: ListServicesInput) throws -> ListServicesOutput {
        let arns: [String] = try read("ListServices") { tx in
            let cluster = try requireActiveCluster(tx, input.cluster)
            return try tx.children(Service.self, region: region, kind: SimCloud.serviceKind, parent: cluster.clusterName)
                .filter { $0.status == "ACTIVE" }.compactMap(\.serviceArn)
        }
        return try SimPaging.page(arns, nextToken: input.nextToken, maxResults: nil, limit: 100) { ListServicesOutput(serviceArns: $0, nextToken: $1) }
    }

    public func updateService(_ input: UpdateServiceInput) throws -> UpdateServiceOutput {
        if let desired = input.desiredCount, desired < 0 {
            throw AWSError("InvalidParameterException", "desiredCount must be 0 or more")
        }
        return try write("UpdateService") { tx in
            var (cluster, service) = try requireService(tx, cluster: input.cluster, input.service)
            let now = try now(tx)
            if let controller = input.deploymentController?.type, controller != service.deploymentController?.type {
                try migrate(tx, &service, to: controller, input, now: now)
            }
            if let reference = input.taskDefinition {
                guard service.deploymentController?.type == "ECS" else {
                    throw AWSError("InvalidParameterException",
                                   "Unable to update task definition on services with a \(service.deploymentController?.type ?? "") deployment controller. Use AWS CodeDeploy (CODE_DEPLOY) or task sets (EXTERNAL) to deploy.")
                }
                guard let definition = try findTaskDefinition(tx, reference), definition.status == "ACTIVE" else {
                    throw AWSError("InvalidParameterException", "TaskDefinition not found.")
                }
                try validateLoadBalancers(tx, service.loadBalancers ?? [], definition: definition)
                let configuration = input.deploymentConfiguration ?? service.deploymentConfiguration ?? ServiceDeploymentConfiguration(strategy: "ROLLING")
                if let c = input.deploymentConfiguration { try SimCloud.validateNative(c) }
                if ["BLUE_GREEN", "LINEAR", "CANARY"].contains(configuration.strategy ?? ""), definition.taskDefinitionArn != service.taskDefinition {
                    try progressNative(tx, now: now)
                    try startNative(tx, cluster: cluster, service: &service, definition: definition, configuration: configuration, now: now)
                } else if definition.taskDefinitionArn != service.taskDefinition {
                    // A rolling deployment, simplified: the new revision replaces the old at once.
                    var deployment = ServiceDeployment()
                    deployment.id = "ecs-svc/" + String(try tx.nextNumber("id.deployment") * 7_919_031 % 9_999_999_999)
                    deployment.status = "PRIMARY"
                    deployment.taskDefinition = definition.taskDefinitionArn
                    deployment.createdAt = now
                    deployment.updatedAt = now
                    deployment.launchType = service.launchType
                    service.deployments = [deployment]
                    service.taskDefinition = definition.taskDefinitionArn
                }
            }
            if let desired = input.desiredCount { service.desiredCount = desired }
            service.deployments = service.deployments?.map { var d = $0; d.desiredCount = service.desiredCount; return d }
            try reconcile(tx, cluster: cluster, service: &service, now: now)
            try save(tx, service, cluster: cluster)
            return UpdateServiceOutput(service: try current(tx, service, now: now))
        }
    }

    public func deleteService(_ input: DeleteServiceInput) throws -> DeleteServiceOutput {
        try write("DeleteService") { tx in
            var (cluster, service) = try requireService(tx, cluster: input.cluster, input.service)
            // AWS (and moto): every REPLICA service, EXTERNAL ones too, must be scaled to 0 or forced.
            if (service.desiredCount ?? 0) > 0, input.force != true {
                throw AWSError("InvalidParameterException", "The service cannot be stopped while it is scaled above 0.")
            }
            let now = try now(tx)
            service.status = "INACTIVE"
            service.desiredCount = 0
            service.taskSets = []
            try reconcile(tx, cluster: cluster, service: &service, now: now)
            try save(tx, service, cluster: cluster)
            return DeleteServiceOutput(service: try current(tx, service, now: now))
        }
    }

    // MARK: task sets

    func requireExternalService(_ tx: SimStore.Transaction, cluster: String, service reference: String) throws -> (Cluster, Service) {
        let (cluster, service) = try requireService(tx, cluster: cluster, reference)
        guard service.deploymentController?.type == "EXTERNAL" else {
            throw AWSError("InvalidParameterException",
                           "The service \(service.serviceName ?? "") uses the \(service.deploymentController?.type ?? "ECS") deployment controller; task sets need EXTERNAL.")
        }
        return (cluster, service)
    }

    func taskSetIndex(_ service: Service, _ reference: String) throws -> Int {
        guard let index = service.taskSets?.firstIndex(where: { $0.id == reference || $0.taskSetArn == reference }) else {
            throw AWSError("TaskSetNotFoundException", "The specified task set does not exist.")
        }
        return index
    }

    public func createTaskSet(_ input: CreateTaskSetInput) throws -> CreateTaskSetOutput {
        if let scale = input.scale?.value, !(0...100).contains(scale) {
            throw AWSError("InvalidParameterException", "Scale value must be between 0 and 100 percent.")
        }
        if let why = Tag.violation(input.tags ?? []) { throw AWSError("InvalidParameterException", why) }
        return try write("CreateTaskSet") { tx in
            var (cluster, service) = try requireExternalService(tx, cluster: input.cluster, service: input.service)
            guard let definition = try findTaskDefinition(tx, input.taskDefinition), definition.status == "ACTIVE" else {
                throw AWSError("InvalidParameterException", "TaskDefinition not found.")
            }
            try validateLoadBalancers(tx, input.loadBalancers ?? [], definition: definition)
            try validateNetwork(tx, input.networkConfiguration, definition: definition)
            let now = try now(tx)
            let number = try tx.nextNumber("id.taskset")
            let id = "ecs-svc/" + String(SimIDs.hex(kind: "taskset", number: number, length: 24).compactMap { $0.hexDigitValue }.map(String.init).joined().prefix(19))
            var set = TaskSet()
            set.id = id
            set.taskSetArn = arn("ecs", "task-set/\(cluster.clusterName)/\(service.serviceName ?? "")/\(id)")
            set.serviceArn = service.serviceArn
            set.clusterArn = cluster.clusterArn
            set.externalId = input.externalId
            set.status = "ACTIVE"
            set.taskDefinition = definition.taskDefinitionArn
            set.createdAt = now
            set.updatedAt = now
            set.launchType = input.launchType ?? "FARGATE"
            set.networkConfiguration = input.networkConfiguration
            set.loadBalancers = input.loadBalancers ?? []
            set.scale = input.scale ?? Scale(value: 100, unit: "PERCENT")
            set.tags = input.tags
            // A second task set beside the primary is a deployment's green: faults armed for it
            // (`sim fail --next`) take effect now.
            if let primary = service.taskSets?.first(where: { $0.status == "PRIMARY" }), let greenTG = set.loadBalancers?.first?.targetGroupArn {
                try ArmedFaults.deploymentStarts(tx, serviceArn: service.serviceArn ?? "", greenTG: greenTG,
                                                 blueTG: primary.loadBalancers?.first?.targetGroupArn, now: now)
            }
            service.taskSets = (service.taskSets ?? []) + [set]
            try reconcile(tx, cluster: cluster, service: &service, now: now)
            try save(tx, service, cluster: cluster)
            let shown = try current(tx, service, now: now)
            return CreateTaskSetOutput(taskSet: shown.taskSets?.last ?? set)
        }
    }

    public func describeTaskSets(_ input: DescribeTaskSetsInput) throws -> DescribeTaskSetsOutput {
        try read("DescribeTaskSets") { tx in
            let (_, service) = try requireExternalService(tx, cluster: input.cluster, service: input.service)
            let shown = try current(tx, service, now: try now(tx))
            var sets = shown.taskSets ?? []
            var failures: [Failure] = []
            if let wanted = input.taskSets {
                for reference in wanted where !sets.contains(where: { $0.id == reference || $0.taskSetArn == reference }) {
                    failures.append(Failure(arn: reference, reason: "MISSING"))
                }
                sets = sets.filter { wanted.contains($0.id ?? "") || wanted.contains($0.taskSetArn ?? "") }
            }
            return DescribeTaskSetsOutput(taskSets: sets, failures: failures)
        }
    }

    public func updateTaskSet(_ input: UpdateTaskSetInput) throws -> UpdateTaskSetOutput {
        guard let value = input.scale.value, (0...100).contains(value) else {
            throw AWSError("InvalidParameterException", "Scale value must be between 0 and 100 percent.")
        }
        return try write("UpdateTaskSet") { tx in
            var (cluster, service) = try requireExternalService(tx, cluster: input.cluster, service: input.service)
            let index = try taskSetIndex(service, input.taskSet)
            let now = try now(tx)
            service.taskSets?[index].scale = input.scale
            service.taskSets?[index].updatedAt = now
            try reconcile(tx, cluster: cluster, service: &service, now: now)
            try save(tx, service, cluster: cluster)
            return UpdateTaskSetOutput(taskSet: try current(tx, service, now: now).taskSets?[index] ?? TaskSet())
        }
    }

    public func deleteTaskSet(_ input: DeleteTaskSetInput) throws -> DeleteTaskSetOutput {
        try write("DeleteTaskSet") { tx in
            var (cluster, service) = try requireExternalService(tx, cluster: input.cluster, service: input.service)
            let index = try taskSetIndex(service, input.taskSet)
            guard var removed = service.taskSets?[index] else { throw AWSError("TaskSetNotFoundException", "The specified task set does not exist.") }
            if removed.status == "PRIMARY", input.force != true {
                throw AWSError("InvalidParameterException", "Cannot delete the PRIMARY task set without force.")
            }
            let now = try now(tx)
            service.taskSets?.remove(at: index)
            try ArmedFaults.taskSetRemoved(tx, targetGroupArn: removed.loadBalancers?.first?.targetGroupArn)
            try reconcile(tx, cluster: cluster, service: &service, now: now)
            try save(tx, service, cluster: cluster)
            removed.status = "DRAINING"
            return DeleteTaskSetOutput(taskSet: removed)
        }
    }

    public func updateServicePrimaryTaskSet(_ input: UpdateServicePrimaryTaskSetInput) throws -> UpdateServicePrimaryTaskSetOutput {
        try write("UpdateServicePrimaryTaskSet") { tx in
            var (cluster, service) = try requireExternalService(tx, cluster: input.cluster, service: input.service)
            let index = try taskSetIndex(service, input.primaryTaskSet)
            let now = try now(tx)
            service.taskSets = service.taskSets?.enumerated().map { i, set in
                var set = set
                if i == index { set.status = "PRIMARY"; set.updatedAt = now } else if set.status == "PRIMARY" { set.status = "ACTIVE"; set.updatedAt = now }
                return set
            }
            // AWS: the service's task definition and load balancers follow its primary task set.
            service.taskDefinition = service.taskSets?[index].taskDefinition
            service.loadBalancers = service.taskSets?[index].loadBalancers
            try save(tx, service, cluster: cluster)
            return UpdateServicePrimaryTaskSetOutput(taskSet: try current(tx, service, now: now).taskSets?[index] ?? TaskSet())
        }
    }

    // MARK: tasks

    public func listTasks(_ input: ListTasksInput) throws -> ListTasksOutput {
        let arns: [String] = try read("ListTasks") { tx in
            let cluster = try requireActiveCluster(tx, input.cluster)
            var tasks = try tx.all(SimTask.self, region: region, kind: SimCloud.taskKind).filter { $0.task.clusterArn == cluster.clusterArn }
            if let name = input.serviceName {
                let key = "\(cluster.clusterName)/\(serviceName(from: name))"
                guard try tx.get(Service.self, region: region, kind: SimCloud.serviceKind, id: key) != nil else {
                    throw AWSError("ServiceNotFoundException", "Service not found.")
                }
                tasks = tasks.filter { $0.serviceKey == key }
            }
            let wanted = input.desiredStatus ?? "RUNNING"
            let now = try now(tx)
            return tasks.filter { $0.viewed(at: now).desiredStatus == wanted }.compactMap(\.task.taskArn)
        }
        return try SimPaging.page(arns, nextToken: input.nextToken, maxResults: nil, limit: 100) { ListTasksOutput(taskArns: $0, nextToken: $1) }
    }

    public func describeTasks(_ input: DescribeTasksInput) throws -> DescribeTasksOutput {
        guard input.tasks.count <= 100 else { throw AWSError("InvalidParameterException", "Tasks cannot have more than 100 elements") }
        return try read("DescribeTasks") { tx in
            let cluster = try requireActiveCluster(tx, input.cluster)
            let now = try now(tx)
            var found: [AWSModel.Task] = []
            var failures: [Failure] = []
            for reference in input.tasks {
                let arn = reference.hasPrefix("arn:") ? reference : self.arn("ecs", "task/\(cluster.clusterName)/\(reference)")
                if let task = try tx.get(SimTask.self, region: region, kind: SimCloud.taskKind, id: arn), task.task.clusterArn == cluster.clusterArn {
                    found.append(task.viewed(at: now))
                } else {
                    failures.append(Failure(arn: arn, reason: "MISSING"))
                }
            }
            return DescribeTasksOutput(tasks: found, failures: failures)
        }
    }
}

extension SimCloud {
    /// The service (and, for a task set ARN, the index of the task set) an ARN names.
    func taggable(_ tx: SimStore.Transaction, _ arn: String) throws -> (Cluster, Service, Int?) {
        // arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/SERVICE or …:task-set/CLUSTER/SERVICE/ID
        let path = arn.components(separatedBy: ":").last ?? ""
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 3, ["service", "task-set"].contains(parts[0]) else {
            throw AWSError("InvalidParameterException", "The ARN \(arn) is not a service or task set ARN")
        }
        let (cluster, service) = try requireService(tx, cluster: parts[1], parts[2])
        if parts[0] == "task-set" {
            guard let index = service.taskSets?.firstIndex(where: { $0.taskSetArn == arn }) else {
                throw AWSError("TaskSetNotFoundException", "The specified task set does not exist.")
            }
            return (cluster, service, index)
        }
        return (cluster, service, nil)
    }

    static func merged(_ tags: [Tag]?, with new: [Tag]) -> [Tag] {
        var result = (tags ?? []).filter { old in !new.contains { $0.key == old.key } }
        result += new
        return result
    }

    public func tagResource(_ input: TagResourceInput) throws {
        if let why = Tag.violation(input.tags) { throw AWSError("InvalidParameterException", why) }
        try write("TagResource") { tx in
            let (cluster, service0, index) = try taggable(tx, input.resourceArn)
            var service = service0
            let merged: [Tag]
            if let index, var sets = service.taskSets {
                merged = SimCloud.merged(sets[index].tags, with: input.tags)
                sets[index].tags = merged
                service.taskSets = sets
            } else {
                merged = SimCloud.merged(service.tags, with: input.tags)
                service.tags = merged
            }
            if merged.count > Tag.maxCount {
                throw AWSError("InvalidParameterException", "a resource takes at most \(Tag.maxCount) tags; it would have \(merged.count)")
            }
            try save(tx, service, cluster: cluster)
        }
    }

    public func untagResource(_ input: UntagResourceInput) throws {
        try write("UntagResource") { tx in
            let (cluster, service0, index) = try taggable(tx, input.resourceArn)
            var service = service0
            if let index, var sets = service.taskSets {
                sets[index].tags = sets[index].tags?.filter { !input.tagKeys.contains($0.key) }
                service.taskSets = sets
            } else {
                service.tags = service.tags?.filter { !input.tagKeys.contains($0.key) }
            }
            try save(tx, service, cluster: cluster)
        }
    }
}

extension SimCloud {
    /// Why a task could not pull its images (ECS's stoppedReason), or nil.
    func pullFailure(_ tx: SimStore.Transaction, images: [String], subnet: String, network: NetworkConfiguration?) throws -> String? {
        for image in images {
            guard let ecr = ECRImageReference(image, account: account, region: region) else { continue }
            let images = try tx.children(ImageDetail.self, region: region, kind: SimCloud.imageKind, parent: ecr.repository)
            let found = images.contains { $0.imageDigest == ecr.reference || ($0.imageTags ?? []).contains(ecr.reference) }
            if !found {
                return "CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref \(image): \(image): not found"
            }
        }
        guard network?.awsvpcConfiguration != nil, !subnet.isEmpty,
              let record = try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: subnet) else { return nil }
        switch try defaultRoute(tx, subnet: record) {
        case .internetGateway where network?.awsvpcConfiguration?.assignPublicIp == "ENABLED", .natGateway:
            return nil
        case .internetGateway:
            return "CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to do request: dial tcp: i/o timeout (subnet \(subnet) is public but the task has no public IP: assignPublicIp ENABLED, or a private subnet with a NAT gateway)"
        default:
            return "CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to do request: dial tcp: i/o timeout (subnet \(subnet) has no route to the internet: an internet gateway with a public IP, or a NAT gateway)"
        }
    }

    /// Time moves: tasks that could not pull stop at their time and the services replace them
    /// (each replacement pulling, and failing, again), as ECS's scheduler does.
    func replaceFailedTasks(_ tx: SimStore.Transaction, until now: Double) throws {
        for _ in 0..<60 {
            let pending = try tx.all(SimTask.self, region: region, kind: SimCloud.taskKind)
                .filter { $0.task.stoppedAt == nil && ($0.failsAt.map { $0 <= now } ?? false) }
            guard let next = pending.min(by: { ($0.failsAt ?? 0) < ($1.failsAt ?? 0) }), let at = next.failsAt else { return }
            let parts = next.serviceKey.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let cluster = try tx.get(Cluster.self, region: region, kind: SimCloud.clusterKind, id: parts[0]),
                  var service = try tx.get(Service.self, region: region, kind: SimCloud.serviceKind, id: next.serviceKey) else {
                try stopTask(tx, next, reason: next.pullFailure ?? "", now: at)
                continue
            }
            try reconcile(tx, cluster: cluster, service: &service, now: at)
            try save(tx, service, cluster: cluster)
        }
    }
}

