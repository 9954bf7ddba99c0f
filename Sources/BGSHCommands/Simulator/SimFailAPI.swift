import BGSHCore

/// `sim fail api OPERATION --error CODE [--times N]`: the next N calls fail with that AWS error.
struct SimFailAPI: Command {
    static let spec = CommandSpec(
        ["sim", "fail", "api"], group: .simulator,
        summary: "make the next calls of an AWS operation fail with an AWS error (for retry and error paths)",
        arguments: [ArgumentSpec("OPERATION", .suggested(CloudOperations.names), help: "an operation name, like CreateTargetGroup (or elbv2:CreateTargetGroup)")],
        options: [.option("error", .suggested(["ThrottlingException", "ServiceUnavailable", "InternalFailure", "AccessDeniedException", "RequestExpired"]), valueName: "CODE", required: true, help: "the AWS error code, like ThrottlingException or ServiceUnavailable"),
                  .option("times", .integer(1...1000), valueName: "N", help: "how many calls fail (default 1)")],
        examples: [Example("sim fail api CreateTargetGroup --error ThrottlingException --times 2", "the next two CreateTargetGroup calls are throttled")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        if invocation.skipsUnderDryRun() { return }  // the simulator's own state: a dry run changes nothing
        let emulator = try invocation.session.emulator(for: "sim fail api")
        var operation = invocation.string("OPERATION") ?? ""
        if let colon = operation.firstIndex(of: ":") { operation = String(operation[operation.index(after: colon)...]) }
        guard let first = operation.first, first.isUppercase, operation.allSatisfy({ $0.isLetter }) else {
            throw invocation.failure("'\(operation)' is not an operation name: write it as AWS does, like CreateTargetGroup", at: "OPERATION")
        }
        guard let code = invocation.string("error") else { throw invocation.failure("sim fail api needs --error CODE (like ThrottlingException)") }
        try emulator.failAPI(operation: operation, code: code, times: invocation.integer("times") ?? 1)
    }
}
