import AWSModel
import BGSHCore

/// `sg create NAME --vpc VPC [--ingress tcp/80,tcp/8080]`: CreateSecurityGroup and
/// AuthorizeSecurityGroupIngress from anywhere (0.0.0.0/0) on those ports.
struct SgCreate: Command {
    static let spec = CommandSpec(
        ["sg", "create"], group: .resources,
        summary: "create a security group with ingress rules (CreateSecurityGroup, AuthorizeSecurityGroupIngress)",
        arguments: [ArgumentSpec("NAME", .string, help: "unique within its VPC")],
        options: [.option("vpc", .resource(.vpc), valueName: "VPC", required: true, help: "the VPC (id or Name tag)"),
                  .option("ingress", .string, valueName: "RULES", help: "protocol/port pairs open to 0.0.0.0/0, like tcp/80,tcp/8080"),
                  .option("description", .string, valueName: "TEXT", help: "its description (default: the name)"),
                  CommonOptions.as],
        examples: [Example("sg create web --vpc my-ecs-vpc --ingress tcp/80,tcp/8080 --as SG", "HTTP and the test port open")],
        isMutating: true)

    static func rules(_ text: String, _ invocation: Invocation) throws -> [IpPermission] {
        try Resolve.list(text).map { rule in
            let parts = rule.split(separator: "/")
            guard parts.count == 2, ["tcp", "udp"].contains(parts[0].lowercased()) else {
                throw invocation.failure("'\(rule)' is not an ingress rule: write PROTOCOL/PORT, like tcp/80, or a range tcp/8000-8100", at: "ingress")
            }
            let ports = parts[1].split(separator: "-").compactMap { Int($0) }
            guard (1...2).contains(ports.count), ports.allSatisfy({ (1...65535).contains($0) }), ports.first! <= ports.last! else {
                throw invocation.failure("'\(rule)' has no valid port (1–65535)", at: "ingress")
            }
            return IpPermission(IpProtocol: parts[0].lowercased(), FromPort: ports.first, ToPort: ports.last, IpRanges: [IpRange(CidrIp: "0.0.0.0/0")])
        }
    }

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        guard let vpcReference = invocation.string("vpc") else { throw invocation.failure("sg create needs --vpc VPC") }
        let wanted = try invocation.string("ingress").map { try rules($0, invocation) } ?? []
        let cloud = try invocation.cloud()
        let vpcId: String
        do {
            vpcId = try Resolve.vpc(vpcReference, invocation, at: "vpc").VpcId ?? ""
            let groups = try cloud.describeSecurityGroups(DescribeSecurityGroupsRequest(Filters: [Filter(Name: "vpc-id", Values: [vpcId])])).SecurityGroups
            if let group = groups.first(where: { $0.GroupName == name }) {
                let have = Set(group.IpPermissions ?? [])
                guard have == Set(wanted) else {
                    let shown = (group.IpPermissions ?? []).map { "\($0.IpProtocol)/\($0.FromPort ?? 0)" }.joined(separator: ",")
                    throw invocation.failure("security group '\(name)' exists in \(vpcId) with ingress \(shown.isEmpty ? "none" : shown), not what --ingress asks", at: "ingress")
                }
                invocation.produce(group.GroupId ?? "")
                return
            }
        }
        let input = CreateSecurityGroupRequest(GroupName: name, Description: invocation.string("description") ?? name, VpcId: vpcId)
        guard let output = try invocation.mutate("ec2:CreateSecurityGroup", input, { try cloud.createSecurityGroup(input) }) else {
            let id = invocation.placeholder("sg-")
            if !wanted.isEmpty {
                let request = AuthorizeSecurityGroupIngressRequest(GroupId: id, IpPermissions: wanted)
                _ = try invocation.mutate("ec2:AuthorizeSecurityGroupIngress", request) { try cloud.authorizeSecurityGroupIngress(request) }
            }
            invocation.produce(id)
            return
        }
        if !wanted.isEmpty {
            try cloud.authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest(GroupId: output.GroupId, IpPermissions: wanted))
        }
        invocation.produce(output.GroupId)
    }
}
