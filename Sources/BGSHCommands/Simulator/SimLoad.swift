import AWSModel
import BGSHCore
import BGSHDeploy

/// `sim load N/s` · `sim load off`: steady traffic while the virtual clock runs.
struct SimLoad: Command {
    static let spec = CommandSpec(
        ["sim", "load"], group: .simulator,
        summary: "from now on, while the virtual clock runs, N requests a second through the service's production (and test) listener",
        arguments: [ArgumentSpec("RATE", .suggested(["10/s", "100/s", "off"]), help: "N/s, or off")],
        examples: [Example("sim load 50/s", "50 requests a virtual second, feeding the ALB metrics analysis and alarms read"),
                   Example("sim load off", "no more traffic")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        let emulator = try invocation.session.emulator(for: "sim load")
        if invocation.skipsUnderDryRun() { return }
        let rate = invocation.string("RATE") ?? ""
        if rate == "off" {
            try emulator.setLoad(region: invocation.session.region, listenerArns: [], perSecond: nil)
            return
        }
        guard rate.hasSuffix("/s"), let n = Int(rate.dropLast(2)), (1...10_000).contains(n) else {
            throw invocation.failure("'\(rate)' is not a rate: write N/s with N from 1 to 10000 (like 50/s), or off", at: "RATE")
        }
        let service = try Resolve.service(invocation.session.service ?? "", invocation, at: nil)
        guard let tags = ServiceTags(service.tags) else { throw invocation.failure("the current service has no blue-green setup (bgsh did not create it)") }
        try emulator.setLoad(region: invocation.session.region, listenerArns: [tags.listener] + [tags.testListener].compactMap { $0 }, perSecond: n)
        invocation.session.out.writeError("load: \(n) requests a virtual second through \(service.serviceName ?? "")'s listener\(tags.testListener == nil ? "" : "s") while the clock runs (`sim load off` stops it)\n")
    }
}
