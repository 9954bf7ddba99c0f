import BGSHSyntax

/// An `assert` condition, read from its words by the one grammar that the binder checks ahead
/// (literals only), the command runs with (everything expanded) and completion follows.
public enum Condition: Sendable, Equatable {
    /// `exists KIND NAME`.
    case exists(ResourceKind, name: String)
    /// `weight blue|green OP N` (`100` or `100%`): green's or blue's share of production traffic.
    case weight(colour: String, ComparisonOperator, Percentage)
    /// `tasks blue|green OP N`: running tasks.
    case tasks(colour: String, ComparisonOperator, Int)
    /// `health blue|green ==|!= STATE`.
    case health(colour: String, ComparisonOperator, state: String)
    /// `deployment ==|!= STATE`.
    case deployment(ComparisonOperator, state: String)
    /// `$VAR == VALUE` / `$VAR != VALUE`: the first word came from a variable.
    case equals(String, ComparisonOperator, String)

    /// The deployment states of COMMANDS.md (BGSHDeploy's `DeploymentState`; a test keeps them equal).
    public static let deploymentStates = ["none", "starting", "in-progress", "holding", "baking", "succeeded", "rolled-back", "failed"]
    /// Target health states of COMMANDS.md.
    public static let healthStates = ["healthy", "unhealthy", "initial", "draining", "none"]
    /// The words a condition starts with.
    public static let keywords = ["exists", "weight", "tasks", "health", "deployment"]
    static let colours = ["blue", "green"]

    /// Why words are not a condition, and which word is at fault (nil: the condition is short).
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        public var wordIndex: Int?
    }

    /// Reads a condition.
    /// - Parameters:
    ///   - words: its words; nil where a word depends on a variable not yet expanded (check time).
    ///   - firstIsLiteral: the first word was written as plain text (not `$VAR`).
    /// - Returns: the condition; nil when it is well-formed so far but depends on unknown words.
    public static func parse(_ words: [String?], firstIsLiteral: Bool) -> Result<Condition?, Failure> {
        let usage = "conditions: exists KIND NAME · weight blue|green OP N · tasks blue|green OP N · health blue|green == STATE · deployment == STATE · $VAR == VALUE"
        func fail(_ message: String, _ index: Int?) -> Result<Condition?, Failure> { .failure(Failure(message: message, wordIndex: index)) }
        guard !words.isEmpty else { return fail("assert needs a condition (\(usage))", nil) }
        if !firstIsLiteral {
            guard words.count == 3 else { return fail("a variable is compared with == or != and one value: $VAR == VALUE", words.count < 3 ? nil : 3) }
            guard let op = words[1] else { return .success(nil) }
            guard let comparison = ComparisonOperator(rawValue: op), comparison.isEquality else {
                return fail("'\(op)' is not == or !=: a variable is compared with $VAR == VALUE or $VAR != VALUE", 1)
            }
            guard let a = words[0], let b = words[2] else { return .success(nil) }
            return .success(.equals(a, comparison, b))
        }
        guard let keyword = words[0] else { return .success(nil) }
        let arity = ["exists": 3, "deployment": 3, "weight": 4, "tasks": 4, "health": 4]
        guard let count = arity[keyword] else {
            let hint = Suggest.closest(to: keyword, in: keywords).map { " (did you mean '\($0)'?)" } ?? ""
            return fail("unknown condition '\(Binder.shorten(keyword))'\(hint); \(usage)", 0)
        }
        guard words.count == count else {
            let shape = ["exists": "exists KIND NAME", "deployment": "deployment == STATE", "weight": "weight blue|green OP N",
                         "tasks": "tasks blue|green OP N", "health": "health blue|green == STATE"][keyword] ?? ""
            return fail("'\(keyword)' takes \(count - 1) words: assert \(shape)", words.count > count ? count : nil)
        }
        var known = true
        func word(_ i: Int) -> String? {
            if words[i] == nil { known = false }
            return words[i]
        }
        switch keyword {
        case "exists":
            var kind: ResourceKind?
            if let text = word(1) {
                kind = ResourceKind(rawValue: text)
                if kind == nil {
                    let names = ResourceKind.allCases.map(\.rawValue)
                    let hint = Suggest.closest(to: text, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                    return fail("unknown resource kind '\(Binder.shorten(text))'\(hint); kinds: \(names.joined(separator: " "))", 1)
                }
            }
            let name = word(2)
            guard known, let kind, let name else { return .success(nil) }
            return .success(.exists(kind, name: name))
        case "deployment":
            let op = word(1).map { ComparisonOperator(rawValue: $0) }
            if let op, op?.isEquality != true { return fail("deployment takes == or !=", 1) }
            if let state = word(2), !deploymentStates.contains(state) {
                return fail("'\(Binder.shorten(state))' is not a deployment state: \(deploymentStates.joined(separator: ", "))", 2)
            }
            guard known, let op = op ?? nil, let state = words[2] else { return .success(nil) }
            return .success(.deployment(op, state: state))
        default:
            if let colour = word(1), !colours.contains(colour) {
                return fail("'\(Binder.shorten(colour))' is not a colour: blue or green", 1)
            }
            var op: ComparisonOperator?
            if let text = word(2) {
                op = ComparisonOperator(rawValue: text)
                guard let op else { return fail("'\(Binder.shorten(text))' is not a comparison: one of == != < <= > >=", 2) }
                if keyword == "health", !op.isEquality { return fail("health takes == or !=", 2) }
            }
            let value = word(3)
            switch keyword {
            case "weight":
                var share: Percentage?
                if let value {
                    // COMMANDS.md: `100` and `100%` mean the same share of production traffic.
                    switch Percentage.parse(value.hasSuffix("%") ? value : value + "%", allowsSign: false) {
                    case .success(let p): share = p
                    case .failure: return fail("'\(Binder.shorten(value))' is not a share of traffic: a percentage from 0 to 100 (like 10% or 10)", 3)
                    }
                }
                guard known, let op, let share, let colour = words[1] else { return .success(nil) }
                return .success(.weight(colour: colour, op, share))
            case "tasks":
                var n: Int?
                if let value {
                    guard value.count <= 9, let number = Int(value), number >= 0 else {
                        return fail("'\(Binder.shorten(value))' is not a number of tasks (0 or more)", 3)
                    }
                    n = number
                }
                guard known, let op, let n, let colour = words[1] else { return .success(nil) }
                return .success(.tasks(colour: colour, op, n))
            default:
                if let value, !healthStates.contains(value) {
                    return fail("'\(Binder.shorten(value))' is not a health state: \(healthStates.joined(separator: ", "))", 3)
                }
                guard known, let op, let value, let colour = words[1] else { return .success(nil) }
                return .success(.health(colour: colour, op, state: value))
            }
        }
    }

    /// What may come next after `before` (the condition's words so far), for completion.
    public static func candidates(after before: [String]) -> [String] {
        guard let keyword = before.first else { return keywords }
        switch (keyword, before.count) {
        case ("exists", 1): return ResourceKind.allCases.map(\.rawValue)
        case ("deployment", 1), ("health", 2): return ["==", "!="]
        case ("deployment", 2): return deploymentStates
        case ("weight", 1), ("tasks", 1), ("health", 1): return colours
        case ("weight", 2), ("tasks", 2): return ComparisonOperator.allCases.map(\.rawValue)
        case ("weight", 3): return ["0%", "10%", "50%", "100%"]
        case ("health", 3): return healthStates
        default: return []
        }
    }
}

/// `== != < <= > >=`.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// `==` or `!=`.
    public var isEquality: Bool { self == .equal || self == .notEqual }

    /// Compares two values.
    public func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    /// `expected == X` → "" ; `!=` → "anything but ".
    public var expectation: String {
        switch self {
        case .equal: return ""
        case .notEqual: return "anything but "
        default: return rawValue + " "
        }
    }
}
