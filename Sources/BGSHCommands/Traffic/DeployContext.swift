import AWSModel
import BGSHCore
import BGSHDeploy
import Foundation

/// What the blue-green verbs share: the controller of the current service, the clock, and waiting.
enum DeployContext {
    static func controller(_ invocation: Invocation) throws -> any BlueGreenController {
        let session = invocation.session
        let cluster = try session.requireCluster()
        guard let service = session.service else {
            throw invocation.failure("no service selected: select one with `service NAME` (see `service list`)")
        }
        if Resolve.isPlaceholder(service, invocation) {
            // A dry run's own service has no deployment to act on: the verb is said, status 0.
            session.out.write("dry-run: \(invocation.source.text(of: invocation.binding.span))\n")
            throw CommandError("dry run", exitCode: 0, isAlreadyReported: true)
        }
        return try controller(for: try Resolve.service(service, invocation, at: nil), cluster: cluster, session: session)
    }

    /// The controller a service's `bgsh:controller` tag names, reusing the record already read.
    static func controller(for service: Service, cluster: String, session: Session) throws -> any BlueGreenController {
        let emulator = session.backend.emulator
        let now = { try emulator?.now() ?? Date().timeIntervalSince1970 }
        let name = service.serviceName ?? ""
        switch ServiceTags(service.tags)?.controller {
        case "ecs"?: return EcsController(cloud: try session.cloud(), cluster: cluster, service: name, now: now)
        case "codedeploy"?: return CodeDeployController(cloud: try session.cloud(), cluster: cluster, service: name, now: now)
        default: return TaskSetController(cloud: try session.cloud(), cluster: cluster, service: name, now: now, prefetched: service)
        }
    }

    /// Says so when the load balancer of the service's production listener is still
    /// `provisioning` (a new one is, for a couple of minutes): its target groups' health checks
    /// start once it is active, so green cannot be healthy before then.
    static func noteProvisioning(_ invocation: Invocation) {
        guard let name = invocation.session.service, let cluster = invocation.session.cluster,
              let cloud = try? invocation.session.cloud(),
              let service = try? cloud.describeServices(DescribeServicesInput(cluster: cluster, services: [name])).services.first,
              let lbArn = try? ServiceTags(service.tags)?.productionLoadBalancer(cloud),
              let lb = try? cloud.describeLoadBalancers(DescribeLoadBalancersInput(LoadBalancerArns: [lbArn])).LoadBalancers.first,
              lb.State?.Code == "provisioning" else { return }
        invocation.session.out.write("load balancer \(lb.LoadBalancerName ?? lbArn) is still provisioning: health checks start once it is active (a couple of minutes after it was made)\n")
    }

    /// Lets `seconds` of deployment time pass: the virtual clock jumps (or runs at `sim pace`);
    /// on AWS the wall clock does. A Ctrl-C ends it within 50 ms (it stays pending for the caller
    /// to take), and then only the time that really passed has passed.
    /// - Returns: false when it was interrupted.
    @discardableResult
    static func pass(_ seconds: Double, _ invocation: Invocation) throws -> Bool {
        guard seconds > 0 else { return true }
        let emulator = invocation.session.backend.emulator
        guard let perSecond = try emulator.map({ try $0.pace() }) ?? 1 else {
            try emulator?.advance(seconds: seconds)  // `sim pace instant`: a jump, nothing to wait for
            return true
        }
        let isPending = invocation.session.isInterruptPending ?? { false }
        let start = DispatchTime.now().uptimeNanoseconds
        let wall = seconds / perSecond
        var elapsed = 0.0
        var interrupted = false
        while elapsed < wall {
            if isPending() { interrupted = true; break }
            Thread.sleep(forTimeInterval: min(0.05, wall - elapsed))
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        try emulator?.advance(seconds: interrupted ? min(seconds, elapsed * perSecond) : seconds)
        return !interrupted
    }

    /// Waits `seconds` of wall time without moving any clock (an idle watch under `sim pace
    /// instant`, where a jump would race ahead of the operator it waits for); Ctrl-C ends it.
    static func idle(_ seconds: Double, _ invocation: Invocation) {
        let isPending = invocation.session.isInterruptPending ?? { false }
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while DispatchTime.now().uptimeNanoseconds < end, !isPending() { Thread.sleep(forTimeInterval: 0.05) }
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
