/// Elastic Load Balancing v2 (application load balancers), the operations bgsh uses.
public protocol ELBv2API {
    func createLoadBalancer(_ input: CreateLoadBalancerInput) throws -> CreateLoadBalancerOutput
    func describeLoadBalancers(_ input: DescribeLoadBalancersInput) throws -> DescribeLoadBalancersOutput
    func deleteLoadBalancer(_ input: DeleteLoadBalancerInput) throws
    func createTargetGroup(_ input: CreateTargetGroupInput) throws -> CreateTargetGroupOutput
    func describeTargetGroups(_ input: DescribeTargetGroupsInput) throws -> DescribeTargetGroupsOutput
    func deleteTargetGroup(_ input: DeleteTargetGroupInput) throws
    func registerTargets(_ input: RegisterTargetsInput) throws
    func deregisterTargets(_ input: DeregisterTargetsInput) throws
    func describeTargetHealth(_ input: DescribeTargetHealthInput) throws -> DescribeTargetHealthOutput
    func createListener(_ input: CreateListenerInput) throws -> CreateListenerOutput
    func describeListeners(_ input: DescribeListenersInput) throws -> DescribeListenersOutput
    func modifyListener(_ input: ModifyListenerInput) throws -> ModifyListenerOutput
    func deleteListener(_ input: DeleteListenerInput) throws
    /// DescribeRules: a listener's rules; its default rule's ARN is what ECS's native blue/green
    /// names as the production (or test) listener rule.
    func describeRules(_ input: DescribeRulesInput) throws -> DescribeRulesOutput
}

public struct DescribeRulesInput: Codable, Hashable, Sendable {
    public var ListenerArn: String?
    public var RuleArns: [String]?
    public var Marker: String?
    public var PageSize: Int?
    public init(ListenerArn: String?, RuleArns: [String]? = nil) {
        self.ListenerArn = ListenerArn
        self.RuleArns = RuleArns
    }
}

public struct RuleCondition: Codable, Hashable, Sendable {
    public var Field: String?
    public var Values: [String]?
    public init(Field: String?, Values: [String]?) {
        self.Field = Field
        self.Values = Values
    }
}

public struct Rule: Codable, Hashable, Sendable {
    public var RuleArn: String?
    /// A number, or `default`.
    public var Priority: String?
    public var Conditions: [RuleCondition]?
    public var Actions: [Action]?
    public var IsDefault: Bool?
    public init() {}
}

public struct DescribeRulesOutput: Codable, Hashable, Sendable {
    public var Rules: [Rule]?
    public var NextMarker: String?
    public init(Rules: [Rule]?, NextMarker: String?) {
        self.Rules = Rules
        self.NextMarker = NextMarker
    }
}

public struct LoadBalancerState: Codable, Hashable, Sendable {
    public var Code: String
    public init(Code: String) { self.Code = Code }
}

public struct AvailabilityZone: Codable, Hashable, Sendable {
    public var ZoneName: String
    public var SubnetId: String
    public init(ZoneName: String, SubnetId: String) { self.ZoneName = ZoneName; self.SubnetId = SubnetId }
}

public struct LoadBalancer: Codable, Hashable, Sendable {
    public var LoadBalancerArn: String?
    public var DNSName: String?
    public var CanonicalHostedZoneId: String?
    public var CreatedTime: String?
    public var LoadBalancerName: String?
    public var Scheme: String?
    public var VpcId: String?
    public var State: LoadBalancerState?
    public var `Type`: String?
    public var AvailabilityZones: [AvailabilityZone]?
    public var SecurityGroups: [String]?
    public var IpAddressType: String?
    public init() {}
}

public struct CreateLoadBalancerInput: Codable, Hashable, Sendable {
    public var Name: String
    public var Subnets: [String]?
    public var SecurityGroups: [String]?
    public var Scheme: String?
    public var `Type`: String?
    public var IpAddressType: String?
    public init(Name: String, Subnets: [String]?, SecurityGroups: [String]?, Scheme: String? = nil, Type: String? = "application") {
        self.Name = Name
        self.Subnets = Subnets
        self.SecurityGroups = SecurityGroups
        self.Scheme = Scheme
        self.Type = Type
    }
}

public struct CreateLoadBalancerOutput: Codable, Hashable, Sendable {
    public var LoadBalancers: [LoadBalancer]
    public init(LoadBalancers: [LoadBalancer]) { self.LoadBalancers = LoadBalancers }
}

public struct DescribeLoadBalancersInput: Codable, Hashable, Sendable {
    public var LoadBalancerArns: [String]?
    public var Names: [String]?
    /// The page to read (the NextMarker of the one before).
    public var Marker: String?
    public init(LoadBalancerArns: [String]? = nil, Names: [String]? = nil) {
        self.LoadBalancerArns = LoadBalancerArns
        self.Names = Names
    }
}

public struct DescribeLoadBalancersOutput: Codable, Hashable, Sendable {
    public var LoadBalancers: [LoadBalancer]
    /// Set when there are more pages.
    public var NextMarker: String?
    public init(LoadBalancers: [LoadBalancer]) { self.LoadBalancers = LoadBalancers }
}

public struct DeleteLoadBalancerInput: Codable, Hashable, Sendable {
    public var LoadBalancerArn: String
    public init(LoadBalancerArn: String) { self.LoadBalancerArn = LoadBalancerArn }
}

public struct Matcher: Codable, Hashable, Sendable {
    public var HttpCode: String?
    public init(HttpCode: String?) { self.HttpCode = HttpCode }
}

public struct TargetGroup: Codable, Hashable, Sendable {
    public var TargetGroupArn: String?
    public var TargetGroupName: String?
    public var `Protocol`: String?
    public var Port: Int?
    public var VpcId: String?
    public var HealthCheckProtocol: String?
    public var HealthCheckPort: String?
    public var HealthCheckEnabled: Bool?
    public var HealthCheckIntervalSeconds: Int?
    public var HealthCheckTimeoutSeconds: Int?
    public var HealthyThresholdCount: Int?
    public var UnhealthyThresholdCount: Int?
    public var HealthCheckPath: String?
    public var Matcher: Matcher?
    public var LoadBalancerArns: [String]?
    public var TargetType: String?
    public var ProtocolVersion: String?
    public var IpAddressType: String?
    public init() {}
}

public struct CreateTargetGroupInput: Codable, Hashable, Sendable {
    public var Name: String
    public var `Protocol`: String?
    public var Port: Int?
    public var VpcId: String?
    public var TargetType: String?
    public var HealthCheckPath: String?
    public var HealthCheckIntervalSeconds: Int?
    public var HealthyThresholdCount: Int?
    public var UnhealthyThresholdCount: Int?
    public init(Name: String, Protocol: String?, Port: Int?, VpcId: String?, TargetType: String?, HealthCheckPath: String?) {
        self.Name = Name
        self.`Protocol` = `Protocol`
        self.Port = Port
        self.VpcId = VpcId
        self.TargetType = TargetType
        self.HealthCheckPath = HealthCheckPath
    }
}

public struct CreateTargetGroupOutput: Codable, Hashable, Sendable {
    public var TargetGroups: [TargetGroup]
    public init(TargetGroups: [TargetGroup]) { self.TargetGroups = TargetGroups }
}

public struct DescribeTargetGroupsInput: Codable, Hashable, Sendable {
    public var TargetGroupArns: [String]?
    public var Names: [String]?
    public var LoadBalancerArn: String?
    /// The page to read (the NextMarker of the one before).
    public var Marker: String?
    public init(TargetGroupArns: [String]? = nil, Names: [String]? = nil, LoadBalancerArn: String? = nil) {
        self.TargetGroupArns = TargetGroupArns
        self.Names = Names
        self.LoadBalancerArn = LoadBalancerArn
    }
}

public struct DescribeTargetGroupsOutput: Codable, Hashable, Sendable {
    public var TargetGroups: [TargetGroup]
    /// Set when there are more pages.
    public var NextMarker: String?
    public init(TargetGroups: [TargetGroup]) { self.TargetGroups = TargetGroups }
}

public struct DeleteTargetGroupInput: Codable, Hashable, Sendable {
    public var TargetGroupArn: String
    public init(TargetGroupArn: String) { self.TargetGroupArn = TargetGroupArn }
}

public struct TargetDescription: Codable, Hashable, Sendable {
    public var Id: String
    public var Port: Int?
    public init(Id: String, Port: Int?) { self.Id = Id; self.Port = Port }
}

public struct RegisterTargetsInput: Codable, Hashable, Sendable {
    public var TargetGroupArn: String
    public var Targets: [TargetDescription]
    public init(TargetGroupArn: String, Targets: [TargetDescription]) { self.TargetGroupArn = TargetGroupArn; self.Targets = Targets }
}

public struct DeregisterTargetsInput: Codable, Hashable, Sendable {
    public var TargetGroupArn: String
    public var Targets: [TargetDescription]
    public init(TargetGroupArn: String, Targets: [TargetDescription]) { self.TargetGroupArn = TargetGroupArn; self.Targets = Targets }
}

public struct TargetHealth: Codable, Hashable, Sendable {
    /// initial, healthy, unhealthy, unused, draining, unavailable.
    public var State: String
    public var Reason: String?
    public var Description: String?
    public init(State: String, Reason: String? = nil, Description: String? = nil) {
        self.State = State
        self.Reason = Reason
        self.Description = Description
    }
}

public struct TargetHealthDescription: Codable, Hashable, Sendable {
    public var Target: TargetDescription
    public var HealthCheckPort: String?
    public var TargetHealth: TargetHealth
    public init(Target: TargetDescription, HealthCheckPort: String?, TargetHealth: TargetHealth) {
        self.Target = Target
        self.HealthCheckPort = HealthCheckPort
        self.TargetHealth = TargetHealth
    }
}

public struct DescribeTargetHealthInput: Codable, Hashable, Sendable {
    public var TargetGroupArn: String
    public init(TargetGroupArn: String) { self.TargetGroupArn = TargetGroupArn }
}

public struct DescribeTargetHealthOutput: Codable, Hashable, Sendable {
    public var TargetHealthDescriptions: [TargetHealthDescription]
    public init(TargetHealthDescriptions: [TargetHealthDescription]) { self.TargetHealthDescriptions = TargetHealthDescriptions }
}

public struct TargetGroupTuple: Codable, Hashable, Sendable {
    public var TargetGroupArn: String
    public var Weight: Int?
    public init(TargetGroupArn: String, Weight: Int?) { self.TargetGroupArn = TargetGroupArn; self.Weight = Weight }
}

public struct TargetGroupStickinessConfig: Codable, Hashable, Sendable {
    public var Enabled: Bool?
    public var DurationSeconds: Int?
    public init(Enabled: Bool?, DurationSeconds: Int? = nil) { self.Enabled = Enabled; self.DurationSeconds = DurationSeconds }
}

public struct ForwardActionConfig: Codable, Hashable, Sendable {
    public var TargetGroups: [TargetGroupTuple]?
    public var TargetGroupStickinessConfig: TargetGroupStickinessConfig?
    public init(TargetGroups: [TargetGroupTuple]?, TargetGroupStickinessConfig: TargetGroupStickinessConfig? = nil) {
        self.TargetGroups = TargetGroups
        self.TargetGroupStickinessConfig = TargetGroupStickinessConfig
    }
}

public struct Action: Codable, Hashable, Sendable {
    public var `Type`: String
    public var TargetGroupArn: String?
    public var ForwardConfig: ForwardActionConfig?
    public var Order: Int?
    public init(Type: String, TargetGroupArn: String? = nil, ForwardConfig: ForwardActionConfig? = nil) {
        self.Type = Type
        self.TargetGroupArn = TargetGroupArn
        self.ForwardConfig = ForwardConfig
    }

    /// A plain forward to one target group.
    public static func forward(_ targetGroupArn: String) -> Action {
        Action(Type: "forward", TargetGroupArn: targetGroupArn)
    }

    /// A weighted forward.
    public static func weighted(_ weights: [(String, Int)]) -> Action {
        Action(Type: "forward", ForwardConfig: ForwardActionConfig(
            TargetGroups: weights.map { TargetGroupTuple(TargetGroupArn: $0.0, Weight: $0.1) },
            TargetGroupStickinessConfig: TargetGroupStickinessConfig(Enabled: false)))
    }
}

public struct Certificate: Codable, Hashable, Sendable {
    public var CertificateArn: String
    public init(CertificateArn: String) { self.CertificateArn = CertificateArn }
}

public struct Listener: Codable, Hashable, Sendable {
    public var ListenerArn: String?
    public var LoadBalancerArn: String?
    public var Port: Int?
    public var `Protocol`: String?
    public var Certificates: [Certificate]?
    public var SslPolicy: String?
    public var DefaultActions: [Action]?
    public init() {}
}

public struct CreateListenerInput: Codable, Hashable, Sendable {
    public var LoadBalancerArn: String
    public var `Protocol`: String?
    public var Port: Int?
    public var Certificates: [Certificate]?
    public var DefaultActions: [Action]
    public init(LoadBalancerArn: String, Protocol: String?, Port: Int?, Certificates: [Certificate]?, DefaultActions: [Action]) {
        self.LoadBalancerArn = LoadBalancerArn
        self.`Protocol` = `Protocol`
        self.Port = Port
        self.Certificates = Certificates
        self.DefaultActions = DefaultActions
    }
}

public struct CreateListenerOutput: Codable, Hashable, Sendable {
    public var Listeners: [Listener]
    public init(Listeners: [Listener]) { self.Listeners = Listeners }
}

public struct DescribeListenersInput: Codable, Hashable, Sendable {
    public var LoadBalancerArn: String?
    public var ListenerArns: [String]?
    /// The page to read (the NextMarker of the one before).
    public var Marker: String?
    public init(LoadBalancerArn: String? = nil, ListenerArns: [String]? = nil) {
        self.LoadBalancerArn = LoadBalancerArn
        self.ListenerArns = ListenerArns
    }
}

public struct DescribeListenersOutput: Codable, Hashable, Sendable {
    public var Listeners: [Listener]
    /// Set when there are more pages.
    public var NextMarker: String?
    public init(Listeners: [Listener]) { self.Listeners = Listeners }
}

public struct ModifyListenerInput: Codable, Hashable, Sendable {
    public var ListenerArn: String
    public var DefaultActions: [Action]?
    public init(ListenerArn: String, DefaultActions: [Action]?) { self.ListenerArn = ListenerArn; self.DefaultActions = DefaultActions }
}

public struct ModifyListenerOutput: Codable, Hashable, Sendable {
    public var Listeners: [Listener]
    public init(Listeners: [Listener]) { self.Listeners = Listeners }
}

public struct DeleteListenerInput: Codable, Hashable, Sendable {
    public var ListenerArn: String
    public init(ListenerArn: String) { self.ListenerArn = ListenerArn }
}

extension ELBv2API {
    /// Every target group of a DescribeTargetGroups, all pages.
    public func describeAllTargetGroups(_ input: DescribeTargetGroupsInput = DescribeTargetGroupsInput()) throws -> [TargetGroup] {
        var input = input
        return try allPages { marker in
            input.Marker = marker
            let page = try describeTargetGroups(input)
            return (page.TargetGroups, page.NextMarker)
        }
    }

    /// Every load balancer of a DescribeLoadBalancers, all pages.
    public func describeAllLoadBalancers(_ input: DescribeLoadBalancersInput = DescribeLoadBalancersInput()) throws -> [LoadBalancer] {
        var input = input
        return try allPages { marker in
            input.Marker = marker
            let page = try describeLoadBalancers(input)
            return (page.LoadBalancers, page.NextMarker)
        }
    }

    /// Every listener of a DescribeListeners, all pages.
    public func describeAllListeners(_ input: DescribeListenersInput) throws -> [Listener] {
        var input = input
        return try allPages { marker in
            input.Marker = marker
            let page = try describeListeners(input)
            return (page.Listeners, page.NextMarker)
        }
    }
}
