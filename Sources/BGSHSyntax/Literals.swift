/// A percentage of traffic as typed: `10%`, `12.5%`, and for relative moves `+5%` / `-5%`.
public struct Percentage: Hashable, Sendable, CustomStringConvertible {
    /// How the value relates to the current one.
    public enum Sign: Hashable, Sendable { case absolute, plus, minus }
    /// Tenths of a percent, 0…1000 (the language allows one decimal).
    public var tenths: Int
    /// Absolute, or a move up or down.
    public var sign: Sign

    /// Creates a percentage.
    public init(tenths: Int, sign: Sign = .absolute) {
        self.tenths = tenths
        self.sign = sign
    }

    /// `10%`, `12.5%`, `+5%`.
    public var description: String {
        let prefix = sign == .plus ? "+" : sign == .minus ? "-" : ""
        let body = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return prefix + body + "%"
    }

    /// Reads a percentage literal.
    /// - Parameters:
    ///   - text: the word as written.
    ///   - allowsSign: whether `+N%` / `-N%` are accepted.
    /// - Returns: the value, or why the text is not one (lower-case, for a diagnostic).
    public static func parse(_ text: String, allowsSign: Bool) -> Result<Percentage, LiteralError> {
        var body = Substring(text)
        var sign = Sign.absolute
        if let first = body.first, first == "+" || first == "-" {
            guard allowsSign else {
                return .failure(LiteralError("'\(text)' is not a percentage here: give a value from 0% to 100%"))
            }
            sign = first == "+" ? .plus : .minus
            body = body.dropFirst()
        }
        guard body.hasSuffix("%") else {
            return .failure(LiteralError("'\(text)' is not a percentage: write it with a % sign, like 10% (no space before %)"))
        }
        body = body.dropLast()
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard pieces.count <= 2, isDigits(pieces[0]), pieces.count == 1 || isDigits(pieces[1]) else {
            return .failure(LiteralError("'\(text)' is not a percentage: write a number from 0 to 100 with at most one decimal, then %"))
        }
        guard pieces.count == 1 || pieces[1].count == 1 else {
            return .failure(LiteralError("'\(text)' has more than one decimal: percentages take at most one (12.5%)"))
        }
        guard pieces[0].count <= 4, let whole = Int(pieces[0]) else {
            return .failure(LiteralError("'\(text)' is out of range: a percentage is from 0% to 100%"))
        }
        let tenths = whole * 10 + (pieces.count == 2 ? Int(pieces[1]) ?? 0 : 0)
        guard tenths <= 1000 else {
            return .failure(LiteralError("'\(text)' is out of range: a percentage is from 0% to 100%"))
        }
        return .success(Percentage(tenths: tenths, sign: sign))
    }
}

/// A length of time as typed: `250ms`, `30s`, `5m`, `1h`, `1h30m`, `2m30s`.
public struct Duration: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The whole length, in milliseconds.
    public var milliseconds: Int

    /// Whole seconds (a part of a second is dropped).
    public var seconds: Int { milliseconds / 1000 }

    /// Seconds, with the part of a second.
    public var timeInterval: Double { Double(milliseconds) / 1000 }

    /// Creates a duration of whole seconds.
    public init(seconds: Int) { self.milliseconds = seconds * 1000 }

    /// Creates a duration of milliseconds.
    public init(milliseconds: Int) { self.milliseconds = milliseconds }

    /// How bgsh writes a duration in human text, one way everywhere (COMMANDS.md): `250ms`, `45s`,
    /// `4m30s`, `5m00s`, `1h05m00s`.
    public var description: String { Duration.format(seconds: Double(milliseconds) / 1000) }

    /// `format(seconds: 270)` is `4m30s`; under a second, milliseconds (`250ms`); above, whole
    /// seconds (rounded up, so a timer never shows 0s while time remains).
    public static func format(seconds value: Double) -> String {
        guard value.isFinite, value > 0 else { return "0s" }
        if value < 1 { return "\(max(1, Int((value * 1000).rounded())))ms" }
        let total = value >= Double(Int.max / 2) ? Int.max / 2 : Int(value.rounded(.up))
        let h = total / 3600, m = total % 3600 / 60, s = total % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if h > 0 { return "\(h)h\(two(m))m\(two(s))s" }
        if m > 0 { return "\(m)m\(two(s))s" }
        return "\(s)s"
    }

    /// Orders by length.
    public static func < (a: Duration, b: Duration) -> Bool { a.milliseconds < b.milliseconds }

    /// Reads a duration literal: one or more NUMBER+UNIT pieces, units h, m, s, ms in that order.
    public static func parse(_ text: String) -> Result<Duration, LiteralError> {
        let hint = "write it like 250ms, 30s, 5m, 1h or 1h30m"
        if text.hasPrefix("-") {
            return .failure(LiteralError("'\(text)' is negative: a duration is zero or more (\(hint))"))
        }
        var total = 0
        var number = ""
        var lastUnitRank = -1
        var sawPiece = false
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let ch = characters[index]
            index += 1
            if ch.isASCII, ch.isNumber {
                number.append(ch)
                continue
            }
            let rank: Int, factor: Int
            switch ch {
            case "h": rank = 0; factor = 3_600_000
            case "m" where index < characters.count && characters[index] == "s":
                index += 1
                rank = 3; factor = 1
            case "m": rank = 1; factor = 60_000
            case "s": rank = 2; factor = 1000
            default:
                return .failure(LiteralError("'\(text)' is not a duration: \(hint)"))
            }
            // At most 9 digits a piece: 999999999h fits in Int with room, so no sum overflows.
            guard !number.isEmpty, rank > lastUnitRank, number.count <= 9, let n = Int(number) else {
                return .failure(LiteralError("'\(text)' is not a duration: \(hint)"))
            }
            total += n * factor
            lastUnitRank = rank
            number = ""
            sawPiece = true
        }
        guard sawPiece, number.isEmpty else {
            let why = !number.isEmpty && !sawPiece ? "it has no unit" : "it is not one"
            return .failure(LiteralError("'\(text)' is not a duration (\(why)): \(hint)"))
        }
        return .success(Duration(milliseconds: total))
    }
}

/// Why a literal could not be read; the message is ready for a diagnostic.
public struct LiteralError: Error, Hashable, Sendable {
    /// Lower-case, no final period.
    public var message: String
    /// Creates one.
    public init(_ message: String) { self.message = message }
}
