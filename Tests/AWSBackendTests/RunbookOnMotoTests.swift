import Foundation
import Testing

/// The real binary with `--backend aws` against moto, read back with the aws CLI (an independent client).
@Suite struct RunbookOnMotoTests {
    /// The seed's setup runbook (scripts/examples/seed-setup.bgsh, its `sim` lines aside: the
    /// simulator's clock has no meaning on AWS), then every resource as the aws CLI sees it.
    @Test func theSeedRunbookMakesEveryResourceAsAsked() throws {
        let home = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let text = try String(contentsOfFile: repositoryRoot + "/scripts/examples/seed-setup.bgsh", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("sim ") && !$0.hasPrefix("service describe --get runningCount") && !$0.hasPrefix("tg health") }
        try lines.joined(separator: "\n").write(toFile: home + "/seed.bgsh", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/scripts/examples/seed", toPath: home + "/seed")
        let env = try Moto.environment(home: home)
        let first = try run(bgshBinary, ["--backend", "aws", home + "/seed.bgsh"], environment: env)
        #expect(first.status == 0, "\(first.err)")
        // Re-running it changes nothing and prints the same ids.
        let second = try run(bgshBinary, ["--backend", "aws", home + "/seed.bgsh"], environment: env)
        #expect(second.status == 0, "\(second.err)")
        #expect(second.out == first.out)

        let r = "us-east-1"
        let repos = try awsCLI(["ecr", "describe-repositories", "--repository-names", "ecs-demo-app"], region: r, home: home)
        #expect((repos["repositories"] as? [[String: Any]])?.first?["repositoryName"] as? String == "ecs-demo-app")
        let clusters = try awsCLI(["ecs", "describe-clusters", "--clusters", "ECS-BlueGreenCluster"], region: r, home: home)
        #expect((clusters["clusters"] as? [[String: Any]])?.first?["status"] as? String == "ACTIVE")
        let td = try awsCLI(["ecs", "describe-task-definition", "--task-definition", "ecs-bg-task-def-v1"], region: r, home: home)["taskDefinition"] as? [String: Any]
        #expect(td?["networkMode"] as? String == "awsvpc")
        #expect(((td?["containerDefinitions"] as? [[String: Any]])?.first?["name"]) as? String == "php-app")

        let vpcs = try awsCLI(["ec2", "describe-vpcs", "--filters", "Name=tag:Name,Values=my-ecs-vpc"], region: r, home: home)["Vpcs"] as? [[String: Any]] ?? []
        #expect(vpcs.count == 1)
        #expect(vpcs.first?["CidrBlock"] as? String == "10.0.0.0/16")
        let vpc = vpcs.first?["VpcId"] as? String ?? ""
        let hostnames = try awsCLI(["ec2", "describe-vpc-attribute", "--vpc-id", vpc, "--attribute", "enableDnsHostnames"], region: r, home: home)
        #expect((hostnames["EnableDnsHostnames"] as? [String: Any])?["Value"] as? Bool == true)
        let subnets = try awsCLI(["ec2", "describe-subnets", "--filters", "Name=vpc-id,Values=\(vpc)"], region: r, home: home)["Subnets"] as? [[String: Any]] ?? []
        #expect(Set(subnets.compactMap { "\($0["CidrBlock"] ?? "") \($0["AvailabilityZone"] ?? "")" }) == ["10.0.1.0/24 us-east-1a", "10.0.2.0/24 us-east-1b"])
        let groups = try awsCLI(["ec2", "describe-security-groups", "--filters", "Name=vpc-id,Values=\(vpc)", "Name=group-name,Values=ecs-bg-sg"], region: r, home: home)["SecurityGroups"] as? [[String: Any]] ?? []
        let ports = (groups.first?["IpPermissions"] as? [[String: Any]] ?? []).compactMap { $0["FromPort"] as? Int }
        #expect(Set(ports) == [80, 8080])

        let lbs = try awsCLI(["elbv2", "describe-load-balancers", "--names", "my-ecs-alb"], region: r, home: home)["LoadBalancers"] as? [[String: Any]] ?? []
        #expect(lbs.first?["Scheme"] as? String == "internet-facing")
        #expect((lbs.first?["AvailabilityZones"] as? [Any])?.count == 2)
        let tgs = try awsCLI(["elbv2", "describe-target-groups", "--names", "blue-tg", "green-tg"], region: r, home: home)["TargetGroups"] as? [[String: Any]] ?? []
        #expect(tgs.map { "\($0["TargetGroupName"] ?? "") \($0["Port"] ?? "") \($0["TargetType"] ?? "")" }.sorted() == ["blue-tg 80 ip", "green-tg 80 ip"])
        let blueArn = tgs.first { $0["TargetGroupName"] as? String == "blue-tg" }?["TargetGroupArn"] as? String
        let listeners = try awsCLI(["elbv2", "describe-listeners", "--load-balancer-arn", lbs.first?["LoadBalancerArn"] as? String ?? ""], region: r, home: home)["Listeners"] as? [[String: Any]] ?? []
        #expect(listeners.count == 1)
        #expect(listeners.first?["Port"] as? Int == 80)
        #expect(((listeners.first?["DefaultActions"] as? [[String: Any]])?.first?["TargetGroupArn"]) as? String == blueArn)

        let services = try awsCLI(["ecs", "describe-services", "--cluster", "ECS-BlueGreenCluster", "--services", "myBGService", "--include", "TAGS"], region: r, home: home)["services"] as? [[String: Any]] ?? []
        let service = services.first ?? [:]
        #expect((service["deploymentController"] as? [String: Any])?["type"] as? String == "CODE_DEPLOY")
        #expect(service["desiredCount"] as? Int == 1)
        #expect(((service["loadBalancers"] as? [[String: Any]])?.first?["targetGroupArn"]) as? String == blueArn)
        let network = ((service["networkConfiguration"] as? [String: Any])?["awsvpcConfiguration"] as? [String: Any]) ?? [:]
        #expect((network["subnets"] as? [String])?.count == 2)
        #expect((network["securityGroups"] as? [String]) == groups.compactMap { $0["GroupId"] as? String })
        #expect((service["tags"] as? [[String: Any]])?.contains { $0["key"] as? String == "bgsh:controller" } == true)

        let app = try awsCLI(["deploy", "get-application", "--application-name", "my-ecs-deploy"], region: r, home: home)
        #expect((app["application"] as? [String: Any])?["computePlatform"] as? String == "ECS")
        let dg = try awsCLI(["deploy", "get-deployment-group", "--application-name", "my-ecs-deploy", "--deployment-group-name", "my-ecs-dg"],
                            region: r, home: home)["deploymentGroupInfo"] as? [String: Any]
        #expect((dg?["deploymentStyle"] as? [String: Any])?["deploymentType"] as? String == "BLUE_GREEN")
        #expect(((dg?["ecsServices"] as? [[String: Any]])?.first?["serviceName"]) as? String == "myBGService")
    }

    /// A deployment on an EXTERNAL-controller service, each verb a separate bgsh process (state is
    /// read back from AWS every time), checked with the aws CLI after each.
    ///
    /// moto quirks this run works around: CreateTaskSet crashes on a task definition without
    /// container-level `memory`, and on a network configuration without security groups, so the
    /// task definition is a copy of the seed's with `memory`, and `--security-groups` is passed.
    /// moto runs no health checks, so `shift` and `promote` take `--force`.
    @Test func deployShiftPromoteRollbackOnAnExternalService() throws {
        let home = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let r = "eu-west-2"
        var taskdef = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/scripts/examples/seed/taskdef.json"))) as? [String: Any] ?? [:]
        taskdef["containerDefinitions"] = (taskdef["containerDefinitions"] as? [[String: Any]] ?? []).map { c in c.merging(["memory": 512]) { a, _ in a } }
        try JSONSerialization.data(withJSONObject: taskdef).write(to: URL(fileURLWithPath: home + "/taskdef-memory.json"))
        let setup = """
        region \(r)
        cluster create ts\(tag)
        cluster ts\(tag)
        taskdef register taskdef-memory.json
        vpc create 10.1.0.0/16 --name ts\(tag) --as VPC
        subnet create 10.1.1.0/24 --vpc $VPC --az \(r)a --as SUB1
        subnet create 10.1.2.0/24 --vpc $VPC --az \(r)b --as SUB2
        sg create web --vpc $VPC --ingress tcp/80 --as SG
        lb create alb\(tag) --subnets $SUB1,$SUB2 --security-groups $SG
        tg create blue\(tag) --vpc $VPC --port 80
        tg create green\(tag) --vpc $VPC --port 80
        listener create --lb alb\(tag) --port 80 --forward blue\(tag)
        service create web --taskdef ecs-bg-task-def-v1 --blue-tg blue\(tag) --green-tg green\(tag) --listener alb\(tag):80 --container php-app --port 80 --desired 1 --subnets $SUB1,$SUB2 --security-groups $SG
        """
        try setup.write(toFile: home + "/setup.bgsh", atomically: true, encoding: .utf8)
        let env = try Moto.environment(home: home)
        let made = try run(bgshBinary, ["--backend", "aws", "setup.bgsh"], environment: env, in: home)
        try #require(made.status == 0, "\(made.err)")
        func bgsh(_ commands: String) throws -> Ran {
            try run(bgshBinary, ["--backend", "aws", "--region", r, "-c", "cluster ts\(tag); service web; " + commands], environment: env, in: home)
        }
        let lb = try awsCLI(["elbv2", "describe-load-balancers", "--names", "alb\(tag)"], region: r, home: home)["LoadBalancers"] as? [[String: Any]] ?? []
        let groups = try awsCLI(["elbv2", "describe-target-groups", "--names", "blue\(tag)", "green\(tag)"], region: r, home: home)["TargetGroups"] as? [[String: Any]] ?? []
        let arn = { (name: String) in groups.first { $0["TargetGroupName"] as? String == name }?["TargetGroupArn"] as? String ?? "" }
        func weights() throws -> [String: Int] {
            let listeners = try awsCLI(["elbv2", "describe-listeners", "--load-balancer-arn", lb.first?["LoadBalancerArn"] as? String ?? ""], region: r, home: home)["Listeners"] as? [[String: Any]] ?? []
            let forward = ((listeners.first?["DefaultActions"] as? [[String: Any]])?.first?["ForwardConfig"] as? [String: Any])?["TargetGroups"] as? [[String: Any]] ?? []
            var out: [String: Int] = [:]
            for g in forward { out[(g["TargetGroupArn"] as? String) == arn("blue\(tag)") ? "blue" : "green"] = g["Weight"] as? Int }
            return out
        }
        func taskSets() throws -> [String: String] {
            let s = try awsCLI(["ecs", "describe-services", "--cluster", "ts\(tag)", "--services", "web"], region: r, home: home)["services"] as? [[String: Any]] ?? []
            var out: [String: String] = [:]
            for set in s.first?["taskSets"] as? [[String: Any]] ?? [] {
                let group = ((set["loadBalancers"] as? [[String: Any]])?.first?["targetGroupArn"] as? String) == arn("blue\(tag)") ? "blue" : "green"
                out[group] = set["status"] as? String
            }
            return out
        }
        #expect(try weights() == ["blue": 100, "green": 0])
        #expect(try taskSets() == ["blue": "PRIMARY"])

        let deployed = try bgsh("deploy --image nginx:1.28")
        #expect(deployed.status == 0, "\(deployed.err)")
        #expect(try taskSets() == ["blue": "PRIMARY", "green": "ACTIVE"])
        let shifted = try bgsh("shift 10% --force")
        #expect(shifted.status == 0, "\(shifted.err)")
        let afterShift = try weights()
        #expect(afterShift == ["blue": 90, "green": 10], "\(afterShift) \(shifted.out)")
        let promoted = try bgsh("promote --force")
        #expect(promoted.status == 0, "\(promoted.err)")
        #expect(try weights() == ["blue": 0, "green": 100])
        #expect(try taskSets() == ["blue": "ACTIVE", "green": "PRIMARY"])
        let status = try bgsh("status")
        #expect(status.out.contains("baking"), "\(status.out)")
        let rolled = try bgsh("rollback --yes")
        #expect(rolled.status == 0, "\(rolled.err)")
        #expect(try weights()["blue"] == 100)
        #expect(try weights()["green", default: 0] == 0)
        #expect(try taskSets() == ["blue": "PRIMARY"])
    }
}
