import BGSHCore
import Foundation

/// `sim clock`: the simulator's virtual time.
struct SimClockCommand: Command {
    static let spec = CommandSpec(
        ["sim", "clock"], group: .simulator,
        summary: "show the simulator's virtual clock",
        examples: [Example("sim clock", "the virtual time, UTC")])

    static func run(_ invocation: Invocation) throws {
        let now = try invocation.session.emulator(for: "sim clock").now()
        invocation.show(View(json: .object(["now": .string(isoSeconds(now)), "epochSeconds": .number(now)]), table: nil, text: [isoSeconds(now)]))
    }
}
