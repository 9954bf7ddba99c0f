import AWSModel
import Foundation

/// botocore's standard retry mode: which failures are worth another attempt, and how long to
/// wait before it (full jitter: a random share of min(20 s, 2^attempt s)).
public struct RetryPolicy: Sendable {
    /// Total attempts, the first included (`max_attempts`).
    public var maxAttempts: Int
    /// No retry starts after this many seconds from the first attempt.
    public var maxTotalSeconds: Double
    /// The longest single wait.
    public var maxBackoff: Double = 20
    /// The first wait's ceiling (botocore: 1 s; tests make it small).
    public var baseBackoff: Double = 1

    /// Creates one.
    public init(maxAttempts: Int, maxTotalSeconds: Double = 60) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxTotalSeconds = maxTotalSeconds
    }

    /// Codes that mean "slow down": AWS did not act on the request.
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "EC2ThrottledException",
    ]
    /// Codes of AWS-side failures worth another attempt.
    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalFailure", "InternalError",
        "InternalServerError", "InternalServiceError", "InternalServiceErrorException", "ServiceUnavailable",
        "ServiceUnavailableException", "ServerException", "ServiceException",
    ]

    /// What a failure says about the request.
    enum Outcome: Equatable {
        /// AWS did not act: another attempt cannot make anything twice.
        case notActed
        /// AWS may have acted: another attempt of a create could make it twice.
        case unknown
        /// Not worth another attempt.
        case final
    }

    /// How a failed attempt is to be taken.
    static func classify(_ error: any Error) -> Outcome {
        switch error {
        case let e as WireTransportError:
            switch e.kind {
            case .connect: return .notActed
            case .reset, .timeout: return .unknown
            case .cancelled, .tls, .other: return .final
            }
        case let e as AWSError:
            if throttlingCodes.contains(e.code) { return .notActed }
            if e.code == NonAWSAnswer.code {
                // A gateway's answer, whatever its body; never an emulator's or a server's crash page.
                return [502, 503, 504].contains(e.statusCode) ? .unknown : .final
            }
            if transientCodes.contains(e.code) || e.statusCode >= 500 { return .unknown }
            return .final
        default:
            return .final
        }
    }

    /// Seconds to wait before attempt `attempt + 1` (`attempt` counts from 1).
    func backoff(afterAttempt attempt: Int, random: Double) -> Double {
        min(maxBackoff, baseBackoff * pow(2, Double(attempt - 1))) * random
    }
}

/// The error code bgsh gives an answer whose body is not an AWS error (an HTML page).
public enum NonAWSAnswer {
    public static let code = "NonAWSAnswer"
}

/// A per-service call budget (a token bucket), so that polling in `wait` and `status --watch`
/// stays under the services' documented request rates.
final class RateBudget: @unchecked Sendable {
    // SAFETY: every field is read and written under `lock`.
    private let lock = NSLock()
    private var tokens: Double
    private var last: Double
    let capacity: Double
    let perSecond: Double

    init(capacity: Double, perSecond: Double) {
        self.capacity = capacity
        self.perSecond = perSecond
        tokens = capacity
        last = ProcessInfo.processInfo.systemUptime
    }

    /// The wait before the next call may go (0 when a token is there); takes the token.
    func take() -> Double {
        lock.lock()
        defer { lock.unlock() }
        let now = ProcessInfo.processInfo.systemUptime
        tokens = min(capacity, tokens + (now - last) * perSecond)
        last = now
        tokens -= 1
        return tokens >= 0 ? 0 : -tokens / perSecond
    }

    /// The budgets by service: ECS and EC2 allow bursts of 50 at 20 a second for describes,
    /// ELBv2 and the others less (AWS's published API throttling figures, rounded down).
    static func standard(for service: String) -> RateBudget {
        switch service {
        case "ecs", "ec2": return RateBudget(capacity: 50, perSecond: 20)
        default: return RateBudget(capacity: 20, perSecond: 10)
        }
    }
}
