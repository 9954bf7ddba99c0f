import BGSHAnalysis
import BGSHSyntax

/// A kind of live resource whose names the backend knows (for completion and checks).
public enum ResourceKind: String, Sendable, CaseIterable {
    case cluster, service, taskdefFamily = "taskdef", targetGroup = "tg", loadBalancer = "lb", listener
    case vpc, subnet, securityGroup = "sg", ecrRepository = "ecr", alarm
    case codedeployApp = "codedeploy-app", codedeployGroup = "codedeploy-group"
    case codebuildProject = "codebuild-project", build, pipeline
}

/// What a value must look like: drives checking, help's placeholders and completion.
public enum ValueKind: Sendable, Equatable {
    /// Any text.
    case string
    /// A whole number in a range.
    case integer(ClosedRange<Int>)
    /// `10%`; with `allowsSign`, also `+5%` / `-5%`.
    case percentage(allowsSign: Bool)
    /// `30s`, `5m`, `1h30m`.
    case duration
    /// A TCP port, 1–65535.
    case port
    /// A path to a file; completion offers files with these extensions (all files when empty).
    case file(extensions: [String])
    /// One of a fixed set of words.
    case choice([String])
    /// The name (or id/ARN) of a live resource.
    case resource(ResourceKind)
    /// A variable name (`set NAME`, `--as NAME`).
    case variableName
    /// A deployment strategy: `manual`, `all-at-once`, `canary:P%:T`, `linear:P%:T`, a CodeDeploy name.
    case strategy
    /// The words of an `assert` condition, checked together (`Condition`); only on a variadic argument.
    case condition
    /// An AWS region (completion: the known ones).
    case region
    /// An AWS profile (completion: those of ~/.aws/config and ~/.aws/credentials).
    case profile
    /// An availability zone of the session's region.
    case zone
    /// A command's words (`help cluster create`).
    case commandWords
    /// An image: `REPO:TAG` of this account's ECR (completion: repositories, then their tags).
    case image
    /// Any text; completion suggests these.
    case suggested([String])
    /// `blue` or `green` (of the current service), or a target group's name.
    case colourOrTargetGroup
    /// A canary-analysis SPEC (`error-rate<1%`, `latency:p99<=blue*1.2`), checked ahead.
    case analysisSpec

    /// Checks a value known before running (a literal) or at run time (after expansion).
    /// - Returns: the typed value, or why the text does not fit (a diagnostic message).
    public func check(_ text: String) -> Result<Value, LiteralError> {
        switch self {
        case .string, .file, .resource, .condition, .region, .profile, .zone, .commandWords, .image, .suggested, .colourOrTargetGroup:
            return .success(.string(text))
        case .strategy:
            return Strategy.parse(text).map { .string($0.name) }
        case .analysisSpec:
            return AnalysisSpec.parse(text).map { .string($0.text) }.mapError { LiteralError($0.message) }
        case .integer(let range):
            guard let n = Int(text) else {
                return .failure(LiteralError("'\(text)' is not a whole number"))
            }
            guard range.contains(n) else {
                return .failure(LiteralError("\(n) is out of range (\(range.lowerBound)…\(range.upperBound))"))
            }
            return .success(.integer(n))
        case .port:
            guard let n = Int(text), (1...65535).contains(n) else {
                return .failure(LiteralError("'\(text)' is not a port: give a number from 1 to 65535"))
            }
            return .success(.integer(n))
        case .percentage(let allowsSign):
            return Percentage.parse(text, allowsSign: allowsSign).map { .percentage($0) }
        case .duration:
            return Duration.parse(text).map { .duration($0) }
        case .choice(let words):
            guard words.contains(text) else {
                let hint = Suggest.closest(to: text, in: words).map { " (did you mean '\($0)'?)" } ?? ""
                let choices = words.count <= 8 ? "one of \(words.joined(separator: ", "))" : "one of the \(words.count) known values (TAB lists them)"
                return .failure(LiteralError("'\(Binder.shorten(text))' is not \(choices)\(hint)"))
            }
            return .success(.string(text))
        case .variableName:
            guard Self.isVariableName(text) else {
                return .failure(LiteralError("'\(text)' is not a variable name: use letters, digits and _, not starting with a digit"))
            }
            return .success(.string(text))
        }
    }

    /// Letters, digits and `_`, not starting with a digit.
    public static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}

/// A bound, typed value.
public enum Value: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case percentage(Percentage)
    case duration(Duration)
    case flag(Bool)
    case list([Value])
}
