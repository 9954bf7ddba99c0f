import AWSModel
import BGSHDeploy
import BGSHSyntax
import BGSHSim
import Foundation
import PropertyBased
import Testing
@testable import BGSHCore

/// Random sequences of blue-green verbs, with faults on green only, checked after every step.
@Suite struct DeploymentPropertyTests {
    static let setup = """
        cluster create web
        cluster web
        taskdef register --family web --container web --image nginx:1.27 --port 80
        vpc create 10.1.0.0/16 --name web-vpc
        subnet create 10.1.1.0/24 --vpc web-vpc --az us-east-1a --as A
        subnet create 10.1.2.0/24 --vpc web-vpc --az us-east-1b --as B
        sg create web --vpc web-vpc --ingress tcp/80 --as SG
        lb create web-alb --subnets $A,$B --security-groups $SG
        tg create web-blue --vpc web-vpc
        tg create web-green --vpc web-vpc
        listener create --lb web-alb --port 80 --forward web-blue
        service create web --taskdef web --blue-tg web-blue --green-tg web-green --listener web-alb:80 --container web --port 80 --desired 2 --subnets $A,$B --security-groups $SG
        service web
        sleep 5m
        """

    /// The verbs a sequence is made of (faults only ever hit green).
    static let verbs: [String] = [
        "deploy --image nginx:1.2X", "deploy --image nginx:1.2X --strategy linear:20%:1m", "shift 10%", "shift 50%", "shift +25%",
        "shift -10%", "shift 100%", "shift 30% --force", "promote", "rollback --yes", "sleep 30s", "sleep 3m", "sleep 6m",
        "sim fail green", "sim heal", "wait healthy --timeout 2m", "wait done --timeout 3m", "hold", "resume", "status",
    ]

    static func controller(_ shell: Harness) -> TaskSetController {
        let backend = shell.backend
        return TaskSetController(cloud: try! shell.session.cloud(), cluster: "web", service: "web") { try backend.now() }
    }

    @Test func invariantsHoldAfterEveryStep() async throws {
        await propertyCheck(count: 150, input: Gen.int(in: 0...(Self.verbs.count - 1)).array(of: 4...18)) { indices in
            do {
                let shell = try Harness()
                #expect(shell.run(Self.setup, name: "setup.bgsh") == 0)
                shell.session.errorMode = .continue
                let mine = Self.controller(shell)
                // A second reader on the same state file, as another bgsh process would be.
                let other = SimBackend(statePath: shell.folder + "/sim.db")
                let theirs = TaskSetController(cloud: try other.cloud(region: "us-east-1"), cluster: "web", service: "web") { try other.now() }
                var version = 0
                for index in indices {
                    var verb = Self.verbs[index]
                    if verb.contains("1.2X") { version += 1; verb = verb.replacingOccurrences(of: "1.2X", with: "1.\(30 + version)") }
                    let before = try mine.observe()
                    let status = shell.run(verb, name: "step.bgsh")
                    let view = try mine.observe()
                    let context = "after '\(verb)' (status \(status)) in \(indices.map { Self.verbs[$0] })"

                    // Weights always make up all of production traffic.
                    let sum = (view.blue?.weightTenths ?? 0) + (view.green?.weightTenths ?? 0)
                    #expect(abs(sum - 1000) <= 1, "weights sum to \(sum) \(context)")
                    // A shift without --force never sends traffic to a green without healthy targets.
                    if verb.hasPrefix("shift"), !verb.contains("--force"), status == 0, (view.green?.weightTenths ?? 0) > 0 {
                        #expect(before.green?.health == "healthy", "shifted to a \(before.green?.health ?? "-") green \(context)")
                    }
                    // A rollback that went through leaves blue with all traffic and its tasks running.
                    if verb.hasPrefix("rollback"), status == 0 {
                        #expect(view.state == .rolledBack, "\(context)")
                        #expect(view.blue?.weightTenths == 1000, "\(context)")
                        #expect(view.blue.map { $0.running == $0.desired && $0.desired > 0 } == true, "blue's tasks \(context)")
                    }
                    // Another bgsh reads back the same deployment.
                    let seen = try theirs.observe()
                    #expect(seen.state == view.state && seen.id == view.id, "\(context)")
                    #expect(seen.blue?.weightTenths == view.blue?.weightTenths && seen.green?.weightTenths == view.green?.weightTenths, "\(context)")
                    // A status of 2 would mean a verb in the list no longer parses.
                    #expect(status != 2, "\(context): \(shell.out.stderr.suffix(200))")
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// The same under the ecs controller (ECS's native blue/green), whose verbs are ECS's.
    static let ecsSetup = setup.replacingOccurrences(of: "service create web --taskdef",
        with: "service create web --controller ecs --lb-role arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers --taskdef")
    static let ecsVerbs: [String] = [
        "deploy --image nginx:1.2X", "deploy --image nginx:1.2X --strategy canary:20%:1m --bake 1m", "deploy --image nginx:1.2X --strategy linear:25%:1m",
        "deploy --image nginx:1.2X --gate before-shift --gate-timeout 5m", "deploy --image nginx:1.2X --gate after-shift --gate-timeout 5m",
        "promote", "rollback --yes", "shift 50%", "sleep 30s", "sleep 3m", "sleep 6m", "sim fail green", "sim heal",
        "wait healthy --timeout 2m", "wait done --timeout 5m", "status",
    ]

    @Test func invariantsHoldUnderTheEcsController() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 0...(Self.ecsVerbs.count - 1)).array(of: 4...14)) { indices in
            do {
                let shell = try Harness()
                #expect(shell.run(Self.ecsSetup, name: "setup.bgsh") == 0, "\(shell.out.stderr.suffix(300))")
                shell.session.errorMode = .continue
                let backend = shell.backend
                let mine = EcsController(cloud: try shell.session.cloud(), cluster: "web", service: "web") { try backend.now() }
                let other = SimBackend(statePath: shell.folder + "/sim.db")
                let theirs = EcsController(cloud: try other.cloud(region: "us-east-1"), cluster: "web", service: "web") { try other.now() }
                var version = 0
                for index in indices {
                    var verb = Self.ecsVerbs[index]
                    if verb.contains("1.2X") { version += 1; verb = verb.replacingOccurrences(of: "1.2X", with: "1.\(30 + version)") }
                    let status = shell.run(verb, name: "step.bgsh")
                    let view = try mine.observe()
                    let context = "after '\(verb)' (status \(status)) in \(indices.map { Self.ecsVerbs[$0] })"
                    let sum = (view.blue?.weightTenths ?? 0) + (view.green?.weightTenths ?? 0)
                    #expect(abs(sum - 1000) <= 1, "weights sum to \(sum) \(context)")
                    // ECS keeps traffic on a failing green only until the circuit breaker acts:
                    // once the clock has moved, production is on a group with healthy targets.
                    for side in [view.blue, view.green].compactMap({ $0 }) where side.weightTenths > 0 && (verb.hasPrefix("sleep") || verb.hasPrefix("wait")) {
                        #expect(side.health == "healthy", "production on a \(side.health) group \(context)")
                    }
                    if verb.hasPrefix("rollback"), status == 0 {
                        #expect(view.state == .rolledBack, "\(context)")
                        #expect(view.blue?.weightTenths == 1000, "\(context)")
                        #expect(view.blue.map { $0.running == $0.desired && $0.desired > 0 } == true, "blue's tasks \(context)")
                    }
                    if verb.hasPrefix("shift") { #expect(status == 1, "shift is refused under ecs \(context)") }
                    let seen = try theirs.observe()
                    #expect(seen.state == view.state && seen.id == view.id, "\(context)")
                    #expect(seen.blue?.weightTenths == view.blue?.weightTenths && seen.green?.weightTenths == view.green?.weightTenths, "\(context)")
                    #expect(status != 2, "\(context): \(shell.out.stderr.suffix(200))")
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test(arguments: [(0, 100, 0), (1000, 0, 100), (100, 90, 10), (125, 875, 125), (333, 667, 333), (500, 50, 50), (1, 999, 1), (999, 1, 999)])
    func listenerWeightsKeepTheRatioWithin999(tenths: Int, blue: Int, green: Int) {
        let w = TrafficWeights.forGreen(tenths: tenths)
        #expect(w.blue == blue && w.green == green)
        #expect(w.blue <= 999 && w.green <= 999)
    }

    /// Inputs that crashed the engine's own copy of the literal parser (an overflow each).
    @Test(arguments: ["canary:10%:9999999999999999h", "canary:999999999999999999%:5m", "linear:10%:99999999999999999999m",
                      "canary:0%:5m", "linear:100%:1m", "canary:10%:0s", "canary:10:5m"])
    func strategiesOutOfRangeAreRefused(_ text: String) {
        guard case .failure(let error) = Strategy.parse(text) else {
            Issue.record("\(text) was taken")
            return
        }
        #expect(error.message.contains("in '\(text)'"))
    }

    /// AWS has no compare-and-swap for "no deployment in progress": when another deploy's green
    /// task set appeared first, this deploy withdraws its own and changes nothing else.
    @Test func aDeployThatFindsAnEarlierGreenWithdraws() throws {
        let shell = try Harness()
        #expect(shell.run(Self.setup, name: "setup.bgsh") == 0)
        let cloud = try shell.session.cloud()
        let service = try #require(try cloud.describeServices(DescribeServicesInput(cluster: "web", services: ["web"])).services.first)
        let blue = try #require(service.taskSets?.first)
        let listener = try #require(service.tags?.first { $0.key == "bgsh:listener" }?.value)
        let listenerBefore = try cloud.describeListeners(DescribeListenersInput(ListenerArns: [listener])).Listeners
        // The other bgsh's CreateTaskSet, a moment earlier, its tags not yet written.
        var theirs = CreateTaskSetInput(cluster: "web", service: "web", taskDefinition: blue.taskDefinition ?? "")
        theirs.externalId = "bgsh-d-1"
        theirs.loadBalancers = blue.loadBalancers?.map { ServiceLoadBalancer(targetGroupArn: service.tags?.first { $0.key == "bgsh:green-tg" }?.value ?? "", containerName: $0.containerName, containerPort: $0.containerPort) }
        theirs.networkConfiguration = blue.networkConfiguration
        _ = try cloud.createTaskSet(theirs)
        try shell.backend.advance(seconds: 1)
        let mine = Self.controller(shell)
        #expect(throws: DeploymentRefusal.self) {
            try mine.deploy(taskDefinitionArn: blue.taskDefinition ?? "", strategy: .manual, terminationWait: 300)
        }
        let after = try #require(try cloud.describeServices(DescribeServicesInput(cluster: "web", services: ["web"])).services.first)
        #expect(after.taskSets?.filter { $0.status == "ACTIVE" }.map(\.externalId) == ["bgsh-d-1"], "only theirs is left")
        #expect(after.tags?.contains { $0.key == "bgsh:deploy-id" } != true, "no deployment recorded by the one that withdrew")
        #expect(try cloud.describeListeners(DescribeListenersInput(ListenerArns: [listener])).Listeners == listenerBefore)
    }

    /// A listener that forwards to one group twice is refused, as AWS refuses it, and nothing
    /// that reads listeners (traffic, weights) can meet one.
    @Test func aForwardToOneGroupTwiceIsRefused() throws {
        let shell = try Harness()
        #expect(shell.run(Self.setup, name: "setup.bgsh") == 0)
        let cloud = try shell.session.cloud()
        let service = try #require(try cloud.describeServices(DescribeServicesInput(cluster: "web", services: ["web"])).services.first)
        let listener = try #require(service.tags?.first { $0.key == "bgsh:listener" }?.value)
        let blue = try #require(service.tags?.first { $0.key == "bgsh:blue-tg" }?.value)
        #expect(throws: AWSError.self) {
            try cloud.modifyListener(ModifyListenerInput(ListenerArn: listener, DefaultActions: [.weighted([(blue, 50), (blue, 50)])]))
        }
        #expect(shell.run("sim traffic 10") == 0)
    }

    @Test func conditionStatesAreTheEngines() {
        #expect(Condition.deploymentStates == DeploymentState.allCases.map(\.rawValue))
    }

    @Test func strategies() throws {
        #expect(try Strategy.parse("canary:10%:5m").get().steps == [100, 1000])
        #expect(try Strategy.parse("canary:10%:5m").get().interval == 300)
        #expect(try Strategy.parse("linear:25%:1m").get().steps == [250, 500, 750, 1000])
        #expect(try Strategy.parse("linear:30%:1m").get().steps == [300, 600, 900, 1000])
        #expect(try Strategy.parse("CodeDeployDefault.ECSLinear10PercentEvery1Minutes").get().steps.count == 10)
        #expect(try Strategy.parse("manual").get().steps.isEmpty)
        for bad in ["canary", "canary:10:5m", "canary:10%:5", "linear:0%:1m", "linear:100%:1m", "wobbly", "canary:10%:5m:x"] {
            #expect(throws: LiteralError.self) { try Strategy.parse(bad).get() }
        }
    }
}
