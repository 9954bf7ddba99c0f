import AWSModel
import BGSHCore
import Foundation

/// Options many commands share, defined once so that their help and completion agree.
enum CommonOptions {
    /// `--as NAME`: also store the produced id or ARN in `$NAME`.
    static let `as` = OptionSpec.option("as", .variableName, valueName: "NAME",
                                        help: "also store the produced id or ARN in $NAME")
    /// `--get FIELD`: print one field of the describe document and store it in `$_`.
    static let get = OptionSpec.option("get", .string, valueName: "FIELD",
                                       help: "print just this field of the aws CLI's JSON (dotted for nesting) and store it in $_")
    /// `--yes`: skip the confirmation a delete asks for on a terminal.
    static let yes = OptionSpec.flag("yes", help: "do not ask for confirmation")
}

extension Invocation {
    /// COMMANDS.md: a new cluster or service becomes current when none is selected (said on stderr).
    func selectIfNone(_ field: ReferenceWritableKeyPath<Session, String?>, _ kind: String, _ name: String) {
        guard session[keyPath: field] == nil else { return }
        session[keyPath: field] = name
        session.out.writeError("\(kind) \(name) selected\n")
    }

    /// Shows a describe's document, or with `--get FIELD` just that field (stored in `$_` and `--as`).
    func showDescribe(_ document: JSONValue, table: Table, text: [String]) throws {
        if let field = string("get") {
            guard let value = document.field(field) else {
                throw failure("no field '\(field)' in the result (see it whole with --output json)", at: "get")
            }
            produce(value.plainText)
            return
        }
        show(View(json: document, table: table, text: text))
    }

    /// On the simulator, the folder of the FILE argument stands for a project's or pipeline's
    /// source (its buildspec, taskdef.json, appspec.yaml). Recorded once the create has worked:
    /// a refused one changes nothing.
    func recordSourceFolder(_ kind: SourceKind, name: String) {
        guard !session.isDryRun, let emulator = session.backend.emulator else { return }
        let folder = (resolvePath(string("FILE") ?? "") as NSString).deletingLastPathComponent
        try? emulator.setSourceDirectory(region: session.region, kind: kind, name: name, directory: folder)
    }

    /// Under `--dry-run`, prints the command as typed (`dry-run: sim advance 3m`) for a command
    /// that changes the simulator's own state rather than calling AWS.
    /// - Returns: true when the command should stop here.
    func skipsUnderDryRun() -> Bool {
        guard session.isDryRun else { return false }
        session.out.write("dry-run: \(source.text(of: binding.span))\n")
        return true
    }

    /// Confirmation for a delete; `--yes` (the flag or the launch option) skips it.
    func confirmDelete(_ what: String) throws {
        if flag("yes") { return }
        guard confirmed("delete \(what)? [y/N] ") else { throw declined("not deleted: \(what) (answered no)") }
    }

    /// Answering no is the operator's choice, not a failure: a notice on stderr, status 0, and
    /// the command stops there (as `rm -i` does).
    func declined(_ notice: String) -> CommandError {
        session.out.writeError(notice + "\n")
        return CommandError(notice, exitCode: 0, isAlreadyReported: true)
    }
}
