import AWSModel

import BGSHSim
import Foundation
import Testing
@testable import BGSHCore
@testable import BGSHCommands

/// Every value kind of the table completes (issue 10), on the seed's resources; and a slow
/// backend never holds the prompt: the lookup goes on in the background and fills the cache.
@Suite struct CompletionEverywhereTests {
    /// (text before the word, the word, what TAB offers) on the seed's setup.
    static let cases: [(String, String, [String])] = [
        ("service ", "my", ["myBGService"]),
        ("cluster ", "ECS", ["ECS-BlueGreenCluster"]),
        ("service create web --taskdef ", "ecs-bg-task-def-v1:", ["ecs-bg-task-def-v1:1"]),
        ("listener create --lb my-ecs-alb --port 81 --forward ", "g", ["green-tg"]),
        ("listener delete ", "my-ecs-alb:", ["my-ecs-alb:80"]),
        ("lb describe ", "my", ["my-ecs-alb"]),
        ("tg describe ", "", ["blue-tg", "green-tg"]),
        ("subnet delete ", "subnet-", []),  // filled below from the live ids
        ("vpc describe ", "my", ["my-ecs-vpc"]),
        ("sg describe ", "my", []),  // filled below
        ("ecr images ", "ecs", ["ecs-demo-app"]),
        ("deploy --image ", "ecs", ["ecs-demo-app:"]),
        ("deploy --image ", "ecs-demo-app:", ["ecs-demo-app:v1"]),
        ("deploy --strategy ", "canary", ["canary:10%:5m"]),
        ("deploy --strategy ", "CodeDeployDefault.ECSC", ["CodeDeployDefault.ECSCanary10Percent15Minutes", "CodeDeployDefault.ECSCanary10Percent5Minutes"]),
        ("codedeploy group delete --app ", "my", ["my-ecs-deploy"]),
        ("codedeploy group delete --app my-ecs-deploy ", "my", ["my-ecs-dg"]),
        ("sim fail ", "", ["api", "blue", "blue-tg", "build", "green", "green-tg"]),
        ("sim fail build ", "", ["my-ecs-app-build"]),
        ("build start ", "my", ["my-ecs-app-build"]),
        ("pipeline start ", "", ["my-ecs-pipeline"]),
        ("build start my-ecs-app-build --env ", "", []),
        ("shift ", "", ["10%", "25%", "50%", "75%", "100%", "+10%", "-10%"]),
        ("sleep ", "1", ["1m", "10m", "1h"]),
        ("region ", "eu-central", ["eu-central-1", "eu-central-2"]),
        ("subnet create 10.0.9.0/24 --vpc my-ecs-vpc --az ", "us-east-1", ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"]),
        ("profile ", "", ["default", "prod"]),
        ("help ", "clu", ["cluster"]),
        ("help cluster ", "cr", ["create"]),
        ("sim pace ", "", ["10", "60", "instant", "real"]),
        ("sim fail api ", "CreateTarget", ["CreateTargetGroup"]),
        ("assert weight green ", "", ["!=", "<", "<=", "==", ">", ">="]),
        ("alarm delete ", "", []),
        ("listener create --lb my-ecs-alb --port ", "", ["80", "443", "8080"]),
    ]

    @Test func everyValueKindCompletes() throws {
        let shell = try Harness()
        try shell.runSeed()
        #expect(shell.run("set IMAGE_TAG v1\nset PRIV1 $SUB1\nset PRIV2 $SUB2\n"
                          + "codebuild create \(Harness.root)/scripts/examples/pipeline/codebuild-project.json\n"
                          + "pipeline create \(Harness.root)/scripts/examples/pipeline/pipeline.json", name: "build.bgsh") == 0, "\(shell.out.stderr)")
        shell.session.profileNames = { ["default", "prod"] }
        let c = Completer(table: Harness.table, session: shell.session, baseDirectory: shell.folder)
        let cloud = try shell.session.cloud()
        let subnets = try cloud.describeSubnets(DescribeSubnetsRequest()).Subnets.compactMap(\.SubnetId).sorted()
        let groups = try cloud.describeSecurityGroups(DescribeSecurityGroupsRequest()).SecurityGroups.compactMap(\.GroupName).filter { $0.hasPrefix("my") }.sorted()
        for (before, partial, expected) in Self.cases {
            var want = expected
            if before == "subnet delete " { want = subnets }
            if before == "sg describe " { want = groups }
            #expect(c.complete(before: before, partial: partial).candidates == want, "\(before)\(partial)<TAB>")
        }
    }

    /// Beside a target group its health, beside a task definition family its latest image.
    @Test func someCandidatesAreDescribed() throws {
        let shell = try Harness()
        try shell.runSeed()
        let c = Completer(table: Harness.table, session: shell.session, baseDirectory: shell.folder)
        let groups = c.complete(before: "tg describe ", partial: "")
        #expect(groups.descriptions["blue-tg"]?.hasPrefix("healthy ") == true, "\(groups.descriptions)")
        #expect(groups.descriptions["green-tg"] != nil)
        let families = c.complete(before: "taskdef describe ", partial: "ecs")
        #expect(families.descriptions["ecs-bg-task-def-v1"]?.hasPrefix(":1 ") == true, "\(families.descriptions)")
        #expect(families.descriptions["ecs-bg-task-def-v1"]?.contains("ecs-demo-app") == true)
    }

    /// A word on a continuation line completes in the whole command.
    @Test func aContinuationLineCompletesInItsCommand() throws {
        let shell = try Harness()
        try shell.runSeed()
        let c = Completer(table: Harness.table, session: shell.session, baseDirectory: shell.folder)
        #expect(c.complete(before: "listener create --lb my-ecs-alb \\\n  --port 81 --forward ", partial: "bl").candidates == ["blue-tg"])
    }

    /// What any command that may change resources leaves behind: the names looked up again.
    @Test func aCreateDropsTheCachedNames() throws {
        let shell = try Harness()
        shell.run("cluster create one")
        let c = Completer(table: Harness.table, session: shell.session, baseDirectory: shell.folder)
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == ["one"])
        shell.run("cluster create two")
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == ["one", "two"])
    }

    /// The cache's names go stale after their time to live and are looked up again.
    @Test func namesExpire() throws {
        let shell = try Harness()
        shell.run("cluster create one")
        let clock = Clock()
        shell.session.completionCache.now = { clock.value }
        let c = Completer(table: Harness.table, session: shell.session, baseDirectory: shell.folder)
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == ["one"])
        // Made behind the shell's back (another process): the cache still answers, until it expires.
        _ = try shell.session.cloud().createCluster(CreateClusterInput(clusterName: "other"))
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == ["one"])
        clock.value += 31
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == ["one", "other"])
    }

    /// A backend that does not answer until the test lets it: TAB gives the prompt back at the
    /// bound with what the cache has (nothing), the lookup finishes in the background, and the
    /// next TAB has the names at once.
    @Test func aSlowBackendNeverHoldsThePrompt() throws {
        let folder = NSTemporaryDirectory() + "bgsh-slow-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sim = SimBackend(statePath: folder + "/sim.db")
        _ = try sim.cloud(region: "us-east-1").createCluster(CreateClusterInput(clusterName: "slowpoke"))
        let backend = GatedBackend(sim)
        let session = Session(backend: backend, region: "us-east-1", out: CapturedOutput(), environment: [:], isInteractive: true, workingDirectory: folder)
        var c = Completer(table: Harness.table, session: session, baseDirectory: folder)
        c.bound = 0.05
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == [], "given back at the bound, the lookup blocked")
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == [], "a second TAB joins the lookup in flight")
        #expect(backend.asked.value == 1)
        backend.gate.signal()
        let key = session.completionScope + "#" + ResourceKind.cluster.rawValue
        for _ in 0..<200 where session.completionCache.entry(key) == nil { Thread.sleep(forTimeInterval: 0.01) }
        #expect(session.completionCache.entry(key)?.names == ["slowpoke"], "the lookup finished in the background")
        #expect(c.complete(before: "cluster delete ", partial: "s").candidates == ["slowpoke"])
    }
}

/// The live view's panel: the split as a bar, tasks per colour, the timers, the last events.
@Suite struct LiveViewTests {
    @Test func thePanelShowsTheSplitTasksTimersAndEvents() throws {
        let shell = try Harness()
        #expect(shell.run(DeploymentPropertyTests.setup + "\ndeploy --image nginx:1.29 --strategy canary:10%:5m\nwait healthy\nsim advance 1m", name: "s.bgsh") == 0)
        let view = try DeploymentPropertyTests.controller(shell).observe()
        let lines = LiveView.panel(view, events: ["00:06:00  shifted green to 10%"], colour: false)
        #expect(lines[0] == "deployment d-1  in-progress  canary:10%:5m  step 1/2")
        let bar = "blue " + String(repeating: "█", count: 36) + String(repeating: "░", count: 4)
        #expect(lines[1] == bar + " green  90% | 10%")
        #expect(lines.contains("blue   2/2 tasks  healthy  web:1") && lines.contains("green  2/2 tasks  healthy  web:2"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("next step: green to 100% in ") })
        #expect(lines.last == "  00:06:00  shifted green to 10%")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(LiveView.bar(blue: 900, green: 100, colour: true).contains("\u{1B}[34m"))
    }
}

/// A test clock.
final class Clock: @unchecked Sendable {
    var value = 0.0
}

/// A counter safe across threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

/// The simulator behind a gate: `cloud(region:)` blocks until `gate` is signalled once.
final class GatedBackend: Backend, @unchecked Sendable {
    let base: SimBackend
    let gate = DispatchSemaphore(value: 0)
    let asked = Counter()
    private let lock = NSLock()
    private var opened = false

    init(_ base: SimBackend) { self.base = base }

    var displayName: String { "gated" }
    var emulator: (any EmulatorControl)? { base }
    func accountId() throws -> String { try base.accountId() }
    func cloud(region: String) throws -> any Cloud {
        asked.increment()
        if !lock.withLock({ opened }) {
            gate.wait()
            lock.withLock { opened = true }
        }
        return try base.cloud(region: region)
    }
}
