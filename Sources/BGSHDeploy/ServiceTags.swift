import AWSModel

/// What bgsh records on a service it creates, as `bgsh:*` tags, so that any bgsh (on any
/// machine) finds the blue-green setup from AWS itself: no second copy to disagree.
public struct ServiceTags: Sendable {
    public var controller: String
    public var blueTargetGroup: String
    public var greenTargetGroup: String
    public var listener: String
    public var testListener: String?
    public var container: String
    public var port: Int

    public var tags: [Tag] {
        var tags = [Tag(key: "bgsh:controller", value: controller), Tag(key: "bgsh:blue-tg", value: blueTargetGroup),
                    Tag(key: "bgsh:green-tg", value: greenTargetGroup), Tag(key: "bgsh:listener", value: listener),
                    Tag(key: "bgsh:container", value: container), Tag(key: "bgsh:port", value: String(port))]
        if let testListener { tags.append(Tag(key: "bgsh:test-listener", value: testListener)) }
        return tags
    }

    public init(controller: String, blueTargetGroup: String, greenTargetGroup: String, listener: String, testListener: String?, container: String, port: Int) {
        self.controller = controller
        self.blueTargetGroup = blueTargetGroup
        self.greenTargetGroup = greenTargetGroup
        self.listener = listener
        self.testListener = testListener
        self.container = container
        self.port = port
    }

    /// Reads them back; nil for a service bgsh did not create.
    public init?(_ tags: [Tag]?) {
        let map = Dictionary((tags ?? []).map { ($0.key, Tag.decodedValue($0.value)) }, uniquingKeysWith: { a, _ in a })
        guard let controller = map["bgsh:controller"], let blue = map["bgsh:blue-tg"], let green = map["bgsh:green-tg"],
              let listener = map["bgsh:listener"], let container = map["bgsh:container"], let port = map["bgsh:port"].flatMap(Int.init) else { return nil }
        self.init(controller: controller, blueTargetGroup: blue, greenTargetGroup: green, listener: listener,
                  testListener: map["bgsh:test-listener"], container: container, port: port)
    }
}

extension ServiceTags {
    /// The ARN of the load balancer the production listener belongs to (what publishes the
    /// target groups' metrics); nil when the listener is gone.
    /// - Throws: the backend's errors.
    public func productionLoadBalancer(_ cloud: any Cloud) throws -> String? {
        try cloud.describeListeners(DescribeListenersInput(ListenerArns: [listener])).Listeners.first?.LoadBalancerArn
    }
}
