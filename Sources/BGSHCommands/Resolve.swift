import AWSModel
import BGSHCore

/// Finding resources by what a user types: names, ids or ARNs, with did-you-mean when nothing
/// matches. Every "not found" message names the kind, what was typed and the region.
enum Resolve {
    static func notFound(_ kind: String, _ reference: String, _ candidates: [String], _ invocation: Invocation, at argument: String?,
                         create: String) -> CommandError {
        let hint = Suggest.closest(to: reference, in: candidates).map { " (did you mean '\($0)'?)" }
            ?? (candidates.isEmpty ? "; there are none: create one with `\(create)`" : "")
        return invocation.failure("\(kind) '\(reference)' not found in \(invocation.session.region)\(hint)", at: argument)
    }

    /// Under `--dry-run`, a placeholder id (`vpc-dryrun0001`, `…/dryrun-NAME`) stands for what an
    /// earlier command would have created: it resolves to itself.
    static func isPlaceholder(_ reference: String, _ invocation: Invocation) -> Bool {
        invocation.session.isDryRun && (reference.contains("dryrun") || invocation.session.dryRunIds.keys.contains { $0.hasSuffix(":" + reference) })
    }

    /// Under `--dry-run`, a read of something only this run would have created: says so (and
    /// gives `--get` a placeholder value) instead of asking the backend.
    /// - Returns: true when the command should stop here.
    static func dryRunRead(_ reference: String?, _ invocation: Invocation) -> Bool {
        guard let reference, isPlaceholder(reference, invocation) else { return false }
        if let field = invocation.string("get") {
            invocation.produce("dryrun-\(field)")
        } else {
            invocation.session.out.write("dry-run: \(invocation.spec.name) \(reference): would exist after a real run; nothing to read\n")
        }
        return true
    }

    /// The placeholder a dry run gave a name of a kind (`lb`, `my-ecs-alb`), or the reference itself.
    static func placeholderId(_ kind: String, _ reference: String, _ invocation: Invocation) -> String {
        invocation.session.dryRunIds["\(kind):\(reference)"] ?? reference
    }

    /// A listener's default rule ARN (DescribeRules), what ECS's advancedConfiguration names as
    /// the production or test listener rule; under `--dry-run` a placeholder for one made in the run.
    static func defaultRule(_ listenerArn: String, _ invocation: Invocation) throws -> String {
        if isPlaceholder(listenerArn, invocation) { return listenerArn + "/dryrun-default-rule" }
        guard let rule = try invocation.cloud().describeRules(DescribeRulesInput(ListenerArn: listenerArn)).Rules?.first(where: { $0.IsDefault == true })?.RuleArn else {
            throw invocation.failure("listener \(listenerArn) has no default rule (DescribeRules)")
        }
        return rule
    }

    /// ECS's blue/green rewrites forward actions only, and fails a deployment whose rule mixes in
    /// another: each listener's default actions must all be forwards.
    static func requireForwardOnly(_ listeners: [(Listener, String?)], _ invocation: Invocation) throws {
        for (listener, flag) in listeners {
            if let other = (listener.DefaultActions ?? []).first(where: { $0.Type != "forward" }) {
                throw invocation.failure("listener \(listener.ListenerArn ?? "")'s default action is \(other.Type): ECS's blue/green rewrites forward actions only, and fails a deployment whose rule mixes in another (make it a forward first)", at: flag)
            }
        }
    }

    /// A CodeBuild project by name (BatchGetProjects), or a not-found error offering close names;
    /// under `--dry-run`, a project the run itself made stands for itself.
    static func project(_ name: String, _ invocation: Invocation, at argument: String?) throws -> Project {
        if isPlaceholder(name, invocation) { var p = Project(); p.name = name; return p }
        let cloud = try invocation.cloud()
        guard let found = try cloud.batchGetProjects(BatchGetProjectsInput(names: [name])).projects?.first else {
            throw notFound("CodeBuild project", name, (try? cloud.listAllProjects()) ?? [], invocation, at: argument, create: "codebuild create FILE.json")
        }
        return found
    }

    static func vpc(_ reference: String, _ invocation: Invocation, at argument: String?) throws -> Vpc {
        if isPlaceholder(reference, invocation) { var v = Vpc(); v.VpcId = placeholderId("vpc", reference, invocation); return v }
        let cloud = try invocation.cloud()
        // The direct look-ups first (one indexed read each); the full list only to explain a miss.
        if reference.hasPrefix("vpc-"), let vpc = try absentIfNotFound({ try cloud.describeVpcs(DescribeVpcsRequest(VpcIds: [reference])).Vpcs.first }) { return vpc }
        let named = try cloud.describeVpcs(DescribeVpcsRequest(Filters: [Filter(Name: "tag:Name", Values: [reference])])).Vpcs
        if named.count == 1 { return named[0] }
        if named.count > 1 {
            throw invocation.failure("several VPCs are named '\(reference)' (\(named.compactMap(\.VpcId).joined(separator: ", "))): give the id", at: argument)
        }
        let vpcs = try cloud.describeVpcs(DescribeVpcsRequest()).Vpcs
        let candidates = vpcs.compactMap(\.VpcId) + vpcs.flatMap { ($0.Tags ?? []).filter { $0.Key == "Name" }.map(\.Value) }
        throw notFound("vpc", reference, candidates, invocation, at: argument, create: "vpc create CIDR --name NAME")
    }

    static func subnet(_ reference: String, _ invocation: Invocation, at argument: String?) throws -> Subnet {
        if isPlaceholder(reference, invocation) { var v = Subnet(); v.SubnetId = reference; return v }
        let cloud = try invocation.cloud()
        if let subnet = try absentIfNotFound({ try cloud.describeSubnets(DescribeSubnetsRequest(SubnetIds: [reference])).Subnets.first }) { return subnet }
        let subnets = try cloud.describeSubnets(DescribeSubnetsRequest()).Subnets
        throw notFound("subnet", reference, subnets.compactMap(\.SubnetId), invocation, at: argument, create: "subnet create CIDR --vpc VPC --az AZ")
    }

    static func securityGroup(_ reference: String, vpcId: String?, _ invocation: Invocation, at argument: String?) throws -> SecurityGroup {
        if isPlaceholder(reference, invocation) { var v = SecurityGroup(); v.GroupId = reference; return v }
        let cloud = try invocation.cloud()
        if reference.hasPrefix("sg-"), let group = try absentIfNotFound({ try cloud.describeSecurityGroups(DescribeSecurityGroupsRequest(GroupIds: [reference])).SecurityGroups.first }) {
            return group
        }
        let groups = try cloud.describeSecurityGroups(DescribeSecurityGroupsRequest()).SecurityGroups
        let named = groups.filter { $0.GroupName == reference && (vpcId == nil || $0.VpcId == vpcId) }
        if named.count == 1 { return named[0] }
        if named.count > 1 {
            throw invocation.failure("several security groups are named '\(reference)': give the id (sg-…)", at: argument)
        }
        throw notFound("security group", reference, groups.compactMap(\.GroupId) + groups.compactMap(\.GroupName), invocation, at: argument,
                       create: "sg create NAME --vpc VPC")
    }

    static func loadBalancer(_ reference: String, _ invocation: Invocation, at argument: String?) throws -> LoadBalancer {
        if isPlaceholder(reference, invocation) { var v = LoadBalancer(); v.LoadBalancerArn = placeholderId("lb", reference, invocation); v.LoadBalancerName = reference; return v }
        let cloud = try invocation.cloud()
        let direct = reference.hasPrefix("arn:") ? DescribeLoadBalancersInput(LoadBalancerArns: [reference]) : DescribeLoadBalancersInput(Names: [reference])
        if let lb = try absentIfNotFound({ try cloud.describeLoadBalancers(direct).LoadBalancers.first }) { return noted(lb, lb.LoadBalancerArn, invocation) }
        let all = try cloud.describeAllLoadBalancers()
        throw notFound("load balancer", reference, all.compactMap(\.LoadBalancerName), invocation, at: argument, create: "lb create NAME --subnets S1,S2")
    }

    static func targetGroup(_ reference: String, _ invocation: Invocation, at argument: String?) throws -> TargetGroup {
        if isPlaceholder(reference, invocation) { var v = TargetGroup(); v.TargetGroupArn = placeholderId("tg", reference, invocation); v.TargetGroupName = reference; return v }
        let cloud = try invocation.cloud()
        let direct = reference.hasPrefix("arn:") ? DescribeTargetGroupsInput(TargetGroupArns: [reference]) : DescribeTargetGroupsInput(Names: [reference])
        if let tg = try absentIfNotFound({ try cloud.describeTargetGroups(direct).TargetGroups.first }) { return noted(tg, tg.TargetGroupArn, invocation) }
        let all = try cloud.describeAllTargetGroups()
        throw notFound("target group", reference, all.compactMap(\.TargetGroupName), invocation, at: argument, create: "tg create NAME --vpc VPC")
    }

    /// `LB:PORT` or a listener ARN.
    static func listener(_ reference: String, _ invocation: Invocation, at argument: String?) throws -> (LoadBalancer, Listener) {
        let cloud = try invocation.cloud()
        if reference.hasPrefix("arn:") {
            guard let listener = try absentIfNotFound({ try cloud.describeListeners(DescribeListenersInput(ListenerArns: [reference])).Listeners.first }),
                  let lb = try absentIfNotFound({ try cloud.describeLoadBalancers(DescribeLoadBalancersInput(LoadBalancerArns: [listener.LoadBalancerArn ?? ""])).LoadBalancers.first }) else {
                throw invocation.failure("listener '\(reference)' not found in \(invocation.session.region)", at: argument)
            }
            return (lb, listener)
        }
        guard let colon = reference.lastIndex(of: ":"), let port = Int(reference[reference.index(after: colon)...]) else {
            throw invocation.failure("'\(reference)' is not a listener: write LB:PORT (my-ecs-alb:80) or its ARN", at: argument)
        }
        let lb = try loadBalancer(String(reference[..<colon]), invocation, at: argument)
        if isPlaceholder(lb.LoadBalancerArn ?? "", invocation) {
            var listener = Listener()
            listener.ListenerArn = invocation.session.dryRunIds["listener:\(reference)"] ?? "\(lb.LoadBalancerArn ?? "")/dryrun-\(port)"
            listener.LoadBalancerArn = lb.LoadBalancerArn
            listener.Port = port
            listener.Protocol = "HTTP"
            return (lb, listener)
        }
        let listeners = try cloud.describeAllListeners(DescribeListenersInput(LoadBalancerArn: lb.LoadBalancerArn))
        guard let listener = listeners.first(where: { $0.Port == port }) else {
            let ports = listeners.compactMap(\.Port).map(String.init)
            throw invocation.failure("load balancer '\(lb.LoadBalancerName ?? "")' has no listener on port \(port)"
                                     + (ports.isEmpty ? "; create one with `listener create --lb \(lb.LoadBalancerName ?? "") --port \(port) --forward TG`" : " (ports: \(ports.joined(separator: ", ")))"),
                                     at: argument)
        }
        return noted((lb, listener), listener.ListenerArn, invocation)
    }

    static func taskDefinition(_ reference: String, _ invocation: Invocation, at argument: String?) throws -> TaskDefinition {
        let family = String(reference.split(separator: ":").first ?? "")
        if invocation.session.isDryRun, let pending = invocation.session.dryRunTaskDefinitions[family] { return pending }
        let cloud = try invocation.cloud()
        do {
            let definition = try cloud.describeTaskDefinition(DescribeTaskDefinitionInput(taskDefinition: reference)).taskDefinition
            return noted(definition, definition.taskDefinitionArn, invocation)
        } catch let error as AWSError where error.code == "ClientException" {
            // For the hint only: a listing that fails leaves the hint out, never the error.
            let families = (try? cloud.listAllTaskDefinitionFamilies()) ?? []
            let family = String(reference.split(separator: ":").first ?? "")
            if families.contains(family) {
                throw invocation.failure("task definition '\(reference)' not found (family \(family) exists: see `taskdef list \(family)`)", at: argument)
            }
            throw notFound("task definition", reference, families, invocation, at: argument, create: "taskdef register FILE.json")
        }
    }

    static func service(_ reference: String, _ invocation: Invocation, at argument: String?) throws -> Service {
        let cluster = try invocation.session.requireCluster()
        if isPlaceholder(reference, invocation) {
            var service = Service()
            service.serviceName = reference
            service.serviceArn = placeholderId("service", reference, invocation)
            service.status = "ACTIVE"
            return service
        }
        let cloud = try invocation.cloud()
        let found = try cloud.describeServices(DescribeServicesInput(cluster: cluster, services: [reference]))
        if let service = found.services.first, service.status == "ACTIVE" { return noted(service, service.serviceArn, invocation) }
        let names = (try? ResourceNames.all(.service, in: invocation.session)) ?? []
        throw notFound("service", reference, names, invocation, at: argument, create: "service create NAME …")
    }

    /// Keeps a name's ARN for the journal (`~/.bgsh/journal`: the ARNs each command resolved).
    static func noted<T>(_ value: T, _ arn: String?, _ invocation: Invocation) -> T {
        if let arn, !invocation.session.resolvedArns.contains(arn) { invocation.session.resolvedArns.append(arn) }
        return value
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

import Foundation

extension Invocation {
    /// The placeholder id a dry run hands out: `vpc-dryrun0001`, numbered per session.
    func placeholder(_ prefix: String) -> String {
        session.dryRunCounter += 1
        let n = session.dryRunCounter
        return prefix + "dryrun" + String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n)
    }

    /// A placeholder ARN ending `/dryrun-NAME`.
    func placeholderArn(_ service: String, _ resource: String, name: String) -> String {
        "arn:aws:\(service):\(session.region):123456789012:\(resource)/dryrun-\(name)"
    }

    /// Prints a dry run's placeholder for what it would have created, and remembers it by
    /// `kind:name` so that later commands of the run can name it.
    func producePlaceholder(_ value: String, kind: String, name: String) {
        session.dryRunIds["\(kind):\(name)"] = value
        produce(value)
    }
}
