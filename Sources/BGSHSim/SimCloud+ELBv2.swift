import AWSModel

/// A target registered in a target group: by hand (RegisterTargets) or by ECS for a task.
struct SimTarget: Codable, Hashable {
    var targetGroupArn: String
    var id: String
    var port: Int
    /// When it was registered (for a task: when the task reached RUNNING).
    var registeredAt: Double
    /// When deregistration began; it drains for the target group's deregistration delay.
    var deregisteredAt: Double?
    /// The ECS task behind it, if any.
    var taskArn: String?

    var key: String { "\(targetGroupArn)|\(id):\(port)" }
}

extension SimCloud {
    static let loadBalancerKind = "elb.lb"
    static let targetGroupKind = "elb.tg"
    static let listenerKind = "elb.listener"
    static let targetKind = "elb.target"
    /// AWS's default deregistration delay (deregistration_delay.timeout_seconds).
    static let deregistrationDelay: Double = 300
    /// How long a new load balancer is `provisioning` before `active` (AWS: a couple of minutes).
    /// Listeners can be made meanwhile; health checks (and so traffic) start once it is active.
    static let provisioningTime: Double = 120

    static func isValidELBName(_ name: String, max: Int = 32) -> Bool {
        !name.isEmpty && name.count <= max && !name.hasPrefix("-") && !name.hasSuffix("-")
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    static func activeAtKey(_ arn: String) -> String { "lb.active." + arn }

    /// When a load balancer is (or was) active; nil for one made before the simulator kept it.
    func activeAt(_ tx: SimStore.Transaction, _ arn: String) throws -> Double? {
        try tx.meta(SimCloud.activeAtKey(arn)).flatMap(Double.init)
    }

    /// The record with its state as of now: `provisioning` until its time is up, then `active`.
    func withCurrentState(_ tx: SimStore.Transaction, _ lb: LoadBalancer) throws -> LoadBalancer {
        var lb = lb
        let ready = try activeAt(tx, lb.LoadBalancerArn ?? "").map { try now(tx) >= $0 } ?? true
        lb.State = LoadBalancerState(Code: ready ? "active" : "provisioning")
        return lb
    }

    /// When the health checks of a group's targets can start: once a load balancer in front of it
    /// is active (nil: no load balancer, or one that always was).
    func healthChecksStart(_ tx: SimStore.Transaction, _ tgArn: String) throws -> Double? {
        var earliest: Double?
        for listener in try tx.all(Listener.self, region: region, kind: SimCloud.listenerKind)
        where SimCloud.targetGroupArns(of: listener.DefaultActions ?? []).contains(tgArn) {
            guard let at = try activeAt(tx, listener.LoadBalancerArn ?? "") else { return nil }
            earliest = min(earliest ?? at, at)
        }
        return earliest
    }

    /// Each target of a group (gone ones left out) with its health at `now`.
    func targetsWithHealth(_ tx: SimStore.Transaction, _ tg: TargetGroup, at now: Double) throws -> [(target: SimTarget, health: TargetHealth)] {
        let arn = tg.TargetGroupArn ?? ""
        let failing = try tx.meta("faults.tg." + arn).flatMap(Double.init)
        let checksFrom = try healthChecksStart(tx, arn)
        return try tx.find(SimTarget.self, region: region, kind: SimCloud.targetKind, name: arn).compactMap { target in
            SimCloud.health(of: target, in: tg, at: now, failingSince: failing, checksFrom: checksFrom).map { (target, $0) }
        }
    }

    func requireLoadBalancer(_ tx: SimStore.Transaction, _ arn: String) throws -> LoadBalancer {
        guard let lb = try tx.get(LoadBalancer.self, region: region, kind: SimCloud.loadBalancerKind, id: arn) else {
            throw AWSError("LoadBalancerNotFound", "Load balancer '\(arn)' not found")
        }
        return lb
    }

    func requireTargetGroup(_ tx: SimStore.Transaction, _ arn: String) throws -> TargetGroup {
        guard let tg = try tx.get(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, id: arn) else {
            throw AWSError("TargetGroupNotFound", "Target groups '\(arn)' not found")
        }
        return tg
    }

    public func createLoadBalancer(_ input: CreateLoadBalancerInput) throws -> CreateLoadBalancerOutput {
        guard SimCloud.isValidELBName(input.Name), !input.Name.hasPrefix("internal-") else {
            throw AWSError("ValidationError", "Load balancer name '\(input.Name)' can only contain characters that are alphanumeric characters and hyphens(-), must not begin or end with a hyphen, and can have at most 32 characters")
        }
        guard (input.Type ?? "application") == "application" else {
            throw AWSError("ValidationError", "bgsh's simulator makes application load balancers only")
        }
        let subnetIds = input.Subnets ?? []
        return try write("CreateLoadBalancer") { tx in
            var zones: [AvailabilityZone] = []
            var vpcId: String?
            for id in subnetIds {
                guard let subnet = try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: id) else {
                    throw AWSError("SubnetNotFound", "The subnet ID '\(id)' is not valid")
                }
                if let vpcId, vpcId != subnet.VpcId {
                    throw AWSError("InvalidConfigurationRequest", "The subnets must all be in the same VPC")
                }
                vpcId = subnet.VpcId
                if zones.contains(where: { $0.ZoneName == subnet.AvailabilityZone }) {
                    throw AWSError("InvalidConfigurationRequest", "A load balancer cannot be attached to multiple subnets in the same Availability Zone")
                }
                zones.append(AvailabilityZone(ZoneName: subnet.AvailabilityZone ?? "", SubnetId: id))
            }
            guard zones.count >= 2 else {
                throw AWSError("ValidationError", "At least two subnets in two different Availability Zones must be specified")
            }
            var groups = input.SecurityGroups ?? []
            for id in groups {
                let group = try tx.get(SecurityGroup.self, region: region, kind: SimCloud.securityGroupKind, id: id)
                guard let group, group.VpcId == vpcId else {
                    throw AWSError("InvalidSecurityGroup", "Security group '\(id)' does not exist")
                }
            }
            if groups.isEmpty, let vpcId {
                // AWS: without security groups the VPC's default group is used.
                groups = try tx.all(SecurityGroup.self, region: region, kind: SimCloud.securityGroupKind)
                    .filter { $0.VpcId == vpcId && $0.GroupName == "default" }.compactMap(\.GroupId)
            }
            let scheme = input.Scheme ?? "internet-facing"
            // AWS refuses an internet-facing load balancer in a VPC with no internet gateway.
            if scheme == "internet-facing", let vpcId, try attachedGateway(tx, vpcId: vpcId) == nil {
                throw AWSError("InvalidSubnet", "VPC \(vpcId) has no internet gateway")
            }
            if let existing = try tx.find(LoadBalancer.self, region: region, kind: SimCloud.loadBalancerKind, name: input.Name).first {
                // AWS: the same name with the same settings returns the existing load balancer.
                guard Set(existing.AvailabilityZones?.map(\.SubnetId) ?? []) == Set(subnetIds), existing.Scheme == scheme,
                      Set(existing.SecurityGroups ?? []) == Set(groups) else {
                    throw AWSError("DuplicateLoadBalancerName", "A load balancer with the same name '\(input.Name)' exists, but with different settings")
                }
                return CreateLoadBalancerOutput(LoadBalancers: [try withCurrentState(tx, existing)])
            }
            let hex = try hexID(tx, "lb", length: 16)
            let number = try tx.nextNumber("dns")
            var lb = LoadBalancer()
            lb.LoadBalancerArn = arn("elasticloadbalancing", "loadbalancer/app/\(input.Name)/\(hex)")
            lb.DNSName = "\(input.Name)-\(1_000_000_000 + number * 7_919 % 999_999_999).\(region).elb.amazonaws.com"
            lb.CanonicalHostedZoneId = "Z35SXDOTRQ7X7K"
            lb.CreatedTime = isoTime(try now(tx))
            lb.LoadBalancerName = input.Name
            lb.Scheme = scheme
            lb.VpcId = vpcId
            lb.State = LoadBalancerState(Code: "provisioning")
            lb.Type = "application"
            lb.AvailabilityZones = zones
            lb.SecurityGroups = groups
            lb.IpAddressType = input.IpAddressType ?? "ipv4"
            try tx.put(lb, region: region, kind: SimCloud.loadBalancerKind, id: lb.LoadBalancerArn!, name: input.Name)
            try tx.setMeta(SimCloud.activeAtKey(lb.LoadBalancerArn!), String(try now(tx) + SimCloud.provisioningTime))
            return CreateLoadBalancerOutput(LoadBalancers: [lb])
        }
    }

    public func describeLoadBalancers(_ input: DescribeLoadBalancersInput) throws -> DescribeLoadBalancersOutput {
        try read("DescribeLoadBalancers") { tx in
            let notFound = { (key: String) in AWSError("LoadBalancerNotFound", "Load balancers '[\(key)]' not found") }
            var all = try tx.all(LoadBalancer.self, region: region, kind: SimCloud.loadBalancerKind)
            all = try SimSelect.records(all, input.LoadBalancerArns, by: \.LoadBalancerArn, notFound: notFound)
            all = try SimSelect.records(all, input.Names, by: \.LoadBalancerName, notFound: notFound)
            return DescribeLoadBalancersOutput(LoadBalancers: try all.map { try withCurrentState(tx, $0) })
        }
    }

    public func deleteLoadBalancer(_ input: DeleteLoadBalancerInput) throws {
        try write("DeleteLoadBalancer") { tx in
            // AWS: deleting a load balancer that does not exist succeeds; its listeners go with it.
            guard try tx.get(LoadBalancer.self, region: region, kind: SimCloud.loadBalancerKind, id: input.LoadBalancerArn) != nil else { return }
            for listener in try tx.all(Listener.self, region: region, kind: SimCloud.listenerKind) where listener.LoadBalancerArn == input.LoadBalancerArn {
                try tx.delete(region: region, kind: SimCloud.listenerKind, id: listener.ListenerArn ?? "")
            }
            try tx.delete(region: region, kind: SimCloud.loadBalancerKind, id: input.LoadBalancerArn)
        }
    }

    public func createTargetGroup(_ input: CreateTargetGroupInput) throws -> CreateTargetGroupOutput {
        guard SimCloud.isValidELBName(input.Name) else {
            throw AWSError("ValidationError", "Target group name '\(input.Name)' can only contain characters that are alphanumeric characters or hyphens(-), must not begin or end with a hyphen, and can have at most 32 characters")
        }
        let targetType = input.TargetType ?? "instance"
        guard ["instance", "ip", "lambda", "alb"].contains(targetType) else {
            throw AWSError("ValidationError", "Value '\(targetType)' at 'targetType' failed to satisfy constraint: Member must satisfy enum value set: [instance, alb, ip, lambda]")
        }
        let proto = input.Protocol ?? "HTTP"
        guard ["HTTP", "HTTPS"].contains(proto) else {
            throw AWSError("ValidationError", "Protocol '\(proto)' is not supported for application target groups (HTTP, HTTPS)")
        }
        guard let port = input.Port, (1...65535).contains(port) else {
            throw AWSError("ValidationError", "A port must be specified")
        }
        guard let vpcId = input.VpcId else { throw AWSError("ValidationError", "A VPC ID must be specified") }
        return try write("CreateTargetGroup") { tx in
            guard try tx.get(Vpc.self, region: region, kind: SimCloud.vpcKind, id: vpcId) != nil else {
                throw AWSError("ValidationError", "The VPC ID '\(vpcId)' is not found")
            }
            var tg = TargetGroup()
            tg.TargetGroupName = input.Name
            tg.Protocol = proto
            tg.Port = port
            tg.VpcId = vpcId
            tg.HealthCheckProtocol = proto
            tg.HealthCheckPort = "traffic-port"
            tg.HealthCheckEnabled = true
            tg.HealthCheckIntervalSeconds = input.HealthCheckIntervalSeconds ?? 30
            tg.HealthCheckTimeoutSeconds = 5
            tg.HealthyThresholdCount = input.HealthyThresholdCount ?? 5
            tg.UnhealthyThresholdCount = input.UnhealthyThresholdCount ?? 2
            tg.HealthCheckPath = input.HealthCheckPath ?? "/"
            tg.Matcher = Matcher(HttpCode: "200")
            tg.LoadBalancerArns = []
            tg.TargetType = targetType
            tg.ProtocolVersion = "HTTP1"
            tg.IpAddressType = "ipv4"
            if let existing = try tx.find(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, name: input.Name).first {
                var same = existing
                same.TargetGroupArn = nil
                same.LoadBalancerArns = []
                guard same == tg else {
                    throw AWSError("DuplicateTargetGroupName", "A target group with the same name '\(input.Name)' exists, but with different settings")
                }
                return CreateTargetGroupOutput(TargetGroups: [existing])
            }
            tg.TargetGroupArn = arn("elasticloadbalancing", "targetgroup/\(input.Name)/\(try hexID(tx, "tg", length: 16))")
            try tx.put(tg, region: region, kind: SimCloud.targetGroupKind, id: tg.TargetGroupArn!, name: input.Name, parent: vpcId)
            return CreateTargetGroupOutput(TargetGroups: [tg])
        }
    }

    /// Target groups with the load balancers that forward to them filled in (AWS derives it too).
    func targetGroupsWithBalancers(_ tx: SimStore.Transaction, names: [String]? = nil, arns: [String]? = nil) throws -> [TargetGroup] {
        let listeners = try tx.all(Listener.self, region: region, kind: SimCloud.listenerKind)
        // By name or ARN through the indexes; all of them otherwise.
        let groups: [TargetGroup]
        if let names {
            groups = try names.flatMap { try tx.find(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, name: $0) }
        } else if let arns {
            groups = try arns.compactMap { try tx.get(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, id: $0) }
        } else {
            groups = try tx.all(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind)
        }
        return groups.map { tg in
            var tg = tg
            var balancers: [String] = []
            for listener in listeners where SimCloud.targetGroupArns(of: listener.DefaultActions ?? []).contains(tg.TargetGroupArn ?? "") {
                if let lb = listener.LoadBalancerArn, !balancers.contains(lb) { balancers.append(lb) }
            }
            tg.LoadBalancerArns = balancers
            return tg
        }
    }

    static func targetGroupArns(of actions: [Action]) -> [String] {
        actions.flatMap { action in
            ([action.TargetGroupArn].compactMap { $0 }) + (action.ForwardConfig?.TargetGroups?.map(\.TargetGroupArn) ?? [])
        }
    }

    public func describeTargetGroups(_ input: DescribeTargetGroupsInput) throws -> DescribeTargetGroupsOutput {
        try read("DescribeTargetGroups") { tx in
            var all = try targetGroupsWithBalancers(tx, names: input.Names, arns: input.TargetGroupArns)
            all = try SimSelect.records(all, input.TargetGroupArns, by: \.TargetGroupArn) {
                AWSError("TargetGroupNotFound", "Target groups '[\($0)]' not found")
            }
            all = try SimSelect.records(all, input.Names, by: \.TargetGroupName) { _ in
                AWSError("TargetGroupNotFound", "One or more target groups not found")
            }
            if let lb = input.LoadBalancerArn {
                _ = try requireLoadBalancer(tx, lb)
                all = all.filter { $0.LoadBalancerArns?.contains(lb) == true }
            }
            return DescribeTargetGroupsOutput(TargetGroups: all)
        }
    }

    public func deleteTargetGroup(_ input: DeleteTargetGroupInput) throws {
        try write("DeleteTargetGroup") { tx in
            guard try tx.get(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, id: input.TargetGroupArn) != nil else { return }
            let listeners = try tx.all(Listener.self, region: region, kind: SimCloud.listenerKind)
            if let user = listeners.first(where: { SimCloud.targetGroupArns(of: $0.DefaultActions ?? []).contains(input.TargetGroupArn) }) {
                throw AWSError("ResourceInUse", "Target group '\(input.TargetGroupArn)' is currently in use by a listener or a rule (\(user.ListenerArn ?? ""))")
            }
            for target in try tx.find(SimTarget.self, region: region, kind: SimCloud.targetKind, name: input.TargetGroupArn) {
                try tx.delete(region: region, kind: SimCloud.targetKind, id: target.key)
            }
            try tx.delete(region: region, kind: SimCloud.targetGroupKind, id: input.TargetGroupArn)
        }
    }

    public func registerTargets(_ input: RegisterTargetsInput) throws {
        try write("RegisterTargets") { tx in
            let tg = try requireTargetGroup(tx, input.TargetGroupArn)
            let now = try now(tx)
            for target in input.Targets {
                if tg.TargetType == "ip", CIDR(target.Id + "/32") == nil {
                    throw AWSError("ValidationError", "'\(target.Id)' is not a valid IP address")
                }
                let registration = SimTarget(targetGroupArn: input.TargetGroupArn, id: target.Id, port: target.Port ?? tg.Port ?? 80,
                                             registeredAt: now, deregisteredAt: nil, taskArn: nil)
                try tx.put(registration, region: region, kind: SimCloud.targetKind, id: registration.key, name: input.TargetGroupArn)
            }
        }
    }

    public func deregisterTargets(_ input: DeregisterTargetsInput) throws {
        try write("DeregisterTargets") { tx in
            let tg = try requireTargetGroup(tx, input.TargetGroupArn)
            let now = try now(tx)
            for target in input.Targets {
                let key = "\(input.TargetGroupArn)|\(target.Id):\(target.Port ?? tg.Port ?? 80)"
                guard var registration = try tx.get(SimTarget.self, region: region, kind: SimCloud.targetKind, id: key) else {
                    throw AWSError("InvalidTarget", "The target '\(target.Id)' is not registered in the target group")
                }
                if registration.deregisteredAt == nil { registration.deregisteredAt = now }
                try tx.put(registration, region: region, kind: SimCloud.targetKind, id: key, name: input.TargetGroupArn)
            }
        }
    }

    /// A target's health at `now`, or nil when it is not (or no longer) in the group.
    /// Checks start at the target's registration or at `checksFrom` (its load balancer active), the later.
    static func health(of target: SimTarget, in tg: TargetGroup, at now: Double, failingSince: Double? = nil, checksFrom: Double? = nil) -> TargetHealth? {
        if target.registeredAt > now { return nil }
        if let gone = target.deregisteredAt {
            guard now < gone + deregistrationDelay else { return nil }
            return TargetHealth(State: "draining", Reason: "Target.DeregistrationInProgress", Description: "Target deregistration is in progress")
        }
        let interval = Double(tg.HealthCheckIntervalSeconds ?? 30)
        // `sim fail`: from the fault (or the target's registration, if later) the checks fail;
        // after the unhealthy threshold of them the target is unhealthy.
        let checked = max(target.registeredAt, checksFrom ?? target.registeredAt)
        if let since = failingSince, now >= max(since, checked) + interval * Double(tg.UnhealthyThresholdCount ?? 2) {
            return TargetHealth(State: "unhealthy", Reason: "Target.ResponseCodeMismatch", Description: "Health checks failed with these codes: [500]")
        }
        if now < checked + interval * Double(tg.HealthyThresholdCount ?? 5) {
            return TargetHealth(State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress")
        }
        return TargetHealth(State: "healthy")
    }

    public func describeTargetHealth(_ input: DescribeTargetHealthInput) throws -> DescribeTargetHealthOutput {
        try read("DescribeTargetHealth") { tx in
            let tg = try requireTargetGroup(tx, input.TargetGroupArn)
            let now = try now(tx)
            return DescribeTargetHealthOutput(TargetHealthDescriptions: try targetsWithHealth(tx, tg, at: now).map { target, health in
                TargetHealthDescription(Target: TargetDescription(Id: target.id, Port: target.port),
                                        HealthCheckPort: String(target.port), TargetHealth: health)
            })
        }
    }

    /// AWS's checks of a listener's actions: target groups exist, weights are 0–999, one action.
    func validate(_ actions: [Action], _ tx: SimStore.Transaction, loadBalancer: LoadBalancer) throws {
        guard actions.count == 1, let action = actions.first, action.Type == "forward" else {
            throw AWSError("ValidationError", "bgsh's simulator takes exactly one forward action")
        }
        if action.TargetGroupArn != nil, action.ForwardConfig != nil {
            throw AWSError("ValidationError", "You cannot specify both a target group ARN and a forward config")
        }
        let tuples = action.ForwardConfig?.TargetGroups ?? []
        if action.TargetGroupArn == nil, tuples.isEmpty {
            throw AWSError("ValidationError", "A forward action must have a target group")
        }
        guard tuples.count <= 5 else { throw AWSError("TooManyTargetGroups", "A forward action can have at most 5 target groups") }
        // AWS refuses a forward config that names one target group twice.
        if Set(tuples.map(\.TargetGroupArn)).count != tuples.count {
            throw AWSError("ValidationError", "A target group can be specified only once in a forward action's target groups")
        }
        for tuple in tuples {
            if let weight = tuple.Weight, !(0...999).contains(weight) {
                throw AWSError("ValidationError", "1 validation error detected: Value '\(weight)' at 'weight' failed to satisfy constraint: Member must have value less than or equal to 999")
            }
        }
        for arn in SimCloud.targetGroupArns(of: actions) {
            let tg = try requireTargetGroup(tx, arn)
            guard tg.VpcId == loadBalancer.VpcId else {
                throw AWSError("ValidationError", "Target group '\(arn)' is not in the load balancer's VPC")
            }
        }
    }

    public func createListener(_ input: CreateListenerInput) throws -> CreateListenerOutput {
        let proto = input.Protocol ?? "HTTP"
        guard ["HTTP", "HTTPS"].contains(proto) else {
            throw AWSError("ValidationError", "Protocol '\(proto)' is not supported by application load balancers")
        }
        guard let port = input.Port, (1...65535).contains(port) else {
            throw AWSError("ValidationError", "A listener port must be specified (1-65535)")
        }
        if proto == "HTTPS", input.Certificates?.isEmpty ?? true {
            throw AWSError("CertificateNotFound", "A certificate must be specified for HTTPS listeners")
        }
        // An ACM (arn:aws:acm:REGION:ACCOUNT:certificate/ID) or IAM (arn:aws:iam::ACCOUNT:server-certificate/NAME)
        // certificate; any other ARN names none.
        for certificate in input.Certificates ?? [] {
            let arn = certificate.CertificateArn
            let acm = arn.hasPrefix("arn:aws:acm:") && arn.contains(":certificate/")
            let iam = arn.hasPrefix("arn:aws:iam::") && arn.contains(":server-certificate/")
            guard acm || iam else { throw AWSError("CertificateNotFound", "Certificate '\(arn)' not found") }
        }
        return try write("CreateListener") { tx in
            let lb = try requireLoadBalancer(tx, input.LoadBalancerArn)
            try validate(input.DefaultActions, tx, loadBalancer: lb)
            let existing = try tx.all(Listener.self, region: region, kind: SimCloud.listenerKind)
            if existing.contains(where: { $0.LoadBalancerArn == input.LoadBalancerArn && $0.Port == port }) {
                throw AWSError("DuplicateListener", "A listener already exists on this port for this load balancer")
            }
            var listener = Listener()
            let lbPath = (input.LoadBalancerArn.components(separatedBy: "loadbalancer/").last ?? "")
            listener.ListenerArn = arn("elasticloadbalancing", "listener/\(lbPath)/\(try hexID(tx, "listener", length: 16))")
            listener.LoadBalancerArn = input.LoadBalancerArn
            listener.Port = port
            listener.Protocol = proto
            listener.Certificates = input.Certificates
            listener.SslPolicy = proto == "HTTPS" ? "ELBSecurityPolicy-2016-08" : nil
            listener.DefaultActions = SimCloud.normalized(input.DefaultActions)
            try tx.put(listener, region: region, kind: SimCloud.listenerKind, id: listener.ListenerArn!, name: input.LoadBalancerArn + "|" + String(port))
            return CreateListenerOutput(Listeners: [listener])
        }
    }

    /// AWS answers a plain forward with a ForwardConfig of weight 1 beside the TargetGroupArn.
    static func normalized(_ actions: [Action]) -> [Action] {
        actions.map { action in
            var action = action
            if let arn = action.TargetGroupArn, action.ForwardConfig == nil {
                action.ForwardConfig = ForwardActionConfig(TargetGroups: [TargetGroupTuple(TargetGroupArn: arn, Weight: 1)],
                                                           TargetGroupStickinessConfig: TargetGroupStickinessConfig(Enabled: false))
            }
            if action.ForwardConfig?.TargetGroupStickinessConfig == nil {
                action.ForwardConfig?.TargetGroupStickinessConfig = TargetGroupStickinessConfig(Enabled: false)
            }
            return action
        }
    }

    public func describeListeners(_ input: DescribeListenersInput) throws -> DescribeListenersOutput {
        try read("DescribeListeners") { tx in
            var all = try tx.all(Listener.self, region: region, kind: SimCloud.listenerKind)
            if let lb = input.LoadBalancerArn {
                _ = try requireLoadBalancer(tx, lb)
                all = all.filter { $0.LoadBalancerArn == lb }
            }
            all = try SimSelect.records(all, input.ListenerArns, by: \.ListenerArn) {
                AWSError("ListenerNotFound", "Listeners '[\($0)]' not found")
            }
            return DescribeListenersOutput(Listeners: all.sorted { ($0.Port ?? 0) < ($1.Port ?? 0) })
        }
    }

    public func modifyListener(_ input: ModifyListenerInput) throws -> ModifyListenerOutput {
        try write("ModifyListener") { tx in
            guard var listener = try tx.get(Listener.self, region: region, kind: SimCloud.listenerKind, id: input.ListenerArn) else {
                throw AWSError("ListenerNotFound", "Listener '\(input.ListenerArn)' not found")
            }
            if let actions = input.DefaultActions {
                let lb = try requireLoadBalancer(tx, listener.LoadBalancerArn ?? "")
                try validate(actions, tx, loadBalancer: lb)
                // AWS: ModifyListener replaces the whole action list.
                listener.DefaultActions = SimCloud.normalized(actions)
            }
            try tx.put(listener, region: region, kind: SimCloud.listenerKind, id: input.ListenerArn,
                       name: (listener.LoadBalancerArn ?? "") + "|" + String(listener.Port ?? 0))
            return ModifyListenerOutput(Listeners: [listener])
        }
    }

    public func deleteListener(_ input: DeleteListenerInput) throws {
        try write("DeleteListener") { tx in
            guard try tx.get(Listener.self, region: region, kind: SimCloud.listenerKind, id: input.ListenerArn) != nil else {
                throw AWSError("ListenerNotFound", "Listener '\(input.ListenerArn)' not found")
            }
            try tx.delete(region: region, kind: SimCloud.listenerKind, id: input.ListenerArn)
        }
    }
}
