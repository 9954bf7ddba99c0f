/// An error as AWS reports it: a code (`ClusterNotFoundException`) and a message.
///
/// Both backends throw these with AWS's codes, so a runbook meets the same errors on each.
public struct AWSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// AWS's error code, e.g. `ClusterNotFoundException`, `InvalidParameterException`.
    public var code: String
    /// AWS's message.
    public var message: String
    /// The HTTP status AWS answers with (400 for client errors).
    public var statusCode: Int

    /// Creates an error.
    public init(_ code: String, _ message: String, statusCode: Int = 400) {
        self.code = code
        self.message = message
        self.statusCode = statusCode
    }

    /// `Code: message`.
    public var description: String { "\(code): \(message)" }

    /// True for codes that mean "try again later" (throttling and AWS-side 5xx).
    public var isRetryable: Bool {
        ["ThrottlingException", "Throttling", "RequestLimitExceeded", "ServiceUnavailable",
         "ServiceUnavailableException", "InternalFailure", "InternalError"].contains(code) || statusCode >= 500
    }
}

/// Raised when a backend cannot be reached at all or has no credentials (exit status 3).
public struct BackendUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public var message: String
    /// Creates one.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

extension AWSError {
    /// AWS's codes for "there is no such resource", by service: only these mean absent.
    static let notFoundCodes: Set<String> = [
        "ClusterNotFoundException", "ServiceNotFoundException", "ServiceNotActiveException", "TaskSetNotFoundException",
        "LoadBalancerNotFound", "TargetGroupNotFound", "ListenerNotFound", "RuleNotFound",
        "InvalidVpcID.NotFound", "InvalidSubnetID.NotFound", "InvalidGroup.NotFound",
        "RepositoryNotFoundException", "ImageNotFoundException",
        "ApplicationDoesNotExistException", "DeploymentGroupDoesNotExistException", "DeploymentDoesNotExistException",
        "DeploymentConfigDoesNotExistException", "ResourceNotFound", "ResourceNotFoundException",
        "PipelineNotFoundException", "PipelineExecutionNotFoundException",
    ]

    /// True when the error says the resource does not exist (and nothing else).
    public var isNotFound: Bool {
        if AWSError.notFoundCodes.contains(code) { return true }
        // AWS: DescribeTaskDefinition of an unknown family or revision is a ClientException.
        return code == "ClientException" && message.contains("Unable to describe task definition")
    }
}

/// The answer of a describe, or nil when AWS says the resource does not exist. Any other failure
/// (throttling that outlasted the retries, access denied, an unreachable endpoint) is thrown: it
/// never stands for "absent", or a create would follow a describe that merely failed.
public func absentIfNotFound<T>(_ describe: () throws -> T?) throws -> T? {
    do {
        return try describe()
    } catch let error as AWSError where error.isNotFound {
        return nil
    }
}
