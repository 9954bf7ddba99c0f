import AWSModel
import BGSHCore
import BGSHDeploy
import Foundation

/// What the blue-green verbs share: the controller of the current service, the clock, and waiting.
enum DeployContext {
    static func controller(_ invocation: Invocation) throws -> TaskSetController {
        let session = invocation.session
        let cluster = try session.requireCluster()
        guard let service = session.service else {
            throw invocation.failure("no service selected: select one with `service NAME` (see `service list`)")
        }
        let emulator = session.backend.emulator
        return TaskSetController(cloud: try session.cloud(), cluster: cluster, service: service) {
            try emulator?.now() ?? Date().timeIntervalSince1970
        }
    }

    /// Refuses a verb the codedeploy controller cannot do, with the reason and what to do instead.
    static func refuseUnderCodeDeploy(_ verb: String, _ invocation: Invocation) throws {
        guard let name = invocation.session.service,
              let service = try? Resolve.service(name, invocation, at: nil),
              ServiceTags(service.tags)?.controller == "codedeploy" else { return }
        switch verb {
        case "shift":
            throw invocation.failure("shift: service '\(name)' uses the codedeploy controller, and CodeDeploy moves traffic only by its deployment configuration, never to an arbitrary split; deploy with --strategy canary:P%:T or linear:P%:T (a CodeDeploy configuration), or `promote` a waiting deployment")
        default:
            throw invocation.failure("\(verb): service '\(name)' uses the codedeploy controller, and CodeDeploy cannot pause a deployment's schedule; `rollback` stops it (StopDeployment), `promote` continues it")
        }
    }

    /// Lets `seconds` of deployment time pass: the virtual clock jumps (or runs at `sim pace`);
    /// on AWS the wall clock does.
    static func pass(_ seconds: Double, _ invocation: Invocation) throws {
        guard seconds > 0 else { return }
        if let emulator = invocation.session.backend.emulator {
            if let pace = try emulator.pace() { Thread.sleep(forTimeInterval: seconds / pace) }
            try emulator.advance(seconds: seconds)
        } else {
            Thread.sleep(forTimeInterval: seconds)
        }
    }

    /// Runs a controller call, turning its refusals into errors that say what to do.
    static func act<T>(_ invocation: Invocation, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let refusal as DeploymentRefusal {
            throw invocation.failure("\(invocation.spec.name): \(refusal.message)")
        }
    }

    static func percent(_ tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }

    /// `[blue 90 | green 10]` for the prompt and status.
    static func split(_ view: DeploymentView) -> String {
        "[blue \(percent(view.blue?.weightTenths ?? 0).dropLast()) | green \(percent(view.green?.weightTenths ?? 0).dropLast())]"
    }
}
