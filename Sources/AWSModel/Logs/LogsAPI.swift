/// Amazon CloudWatch Logs: a build's log stream (`build logs`).
public protocol LogsAPI {
    func getLogEvents(_ input: GetLogEventsInput) throws -> GetLogEventsOutput
}

public struct GetLogEventsInput: Codable, Hashable, Sendable {
    public var logGroupName: String?
    public var logStreamName: String
    /// Milliseconds since the epoch.
    public var startTime: Int?
    public var endTime: Int?
    public var nextToken: String?
    public var limit: Int?
    public var startFromHead: Bool?
    public init(logGroupName: String?, logStreamName: String, nextToken: String? = nil, startFromHead: Bool? = true) {
        self.logGroupName = logGroupName
        self.logStreamName = logStreamName
        self.nextToken = nextToken
        self.startFromHead = startFromHead
    }
}

public struct OutputLogEvent: Codable, Hashable, Sendable {
    /// Milliseconds since the epoch.
    public var timestamp: Int?
    public var message: String?
    public var ingestionTime: Int?
    public init(timestamp: Int?, message: String?, ingestionTime: Int?) {
        self.timestamp = timestamp
        self.message = message
        self.ingestionTime = ingestionTime
    }
}

public struct GetLogEventsOutput: Codable, Hashable, Sendable {
    public var events: [OutputLogEvent]?
    public var nextForwardToken: String?
    public var nextBackwardToken: String?
    public init(events: [OutputLogEvent]?, nextForwardToken: String?, nextBackwardToken: String?) {
        self.events = events
        self.nextForwardToken = nextForwardToken
        self.nextBackwardToken = nextBackwardToken
    }
}

extension LogsAPI {
    /// Every event of a stream from its start. GetLogEvents ends a stream by answering the
    /// forward token it was given.
    public func allLogEvents(group: String?, stream: String) throws -> [OutputLogEvent] {
        var events: [OutputLogEvent] = []
        var token: String?
        for _ in 0..<1000 {
            let page = try getLogEvents(GetLogEventsInput(logGroupName: group, logStreamName: stream, nextToken: token, startFromHead: true))
            events += page.events ?? []
            if page.nextForwardToken == nil || page.nextForwardToken == token || (page.events ?? []).isEmpty { break }
            token = page.nextForwardToken
        }
        return events
    }
}
