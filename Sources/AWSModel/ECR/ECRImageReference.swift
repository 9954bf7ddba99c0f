/// An image in one account's ECR, read from its URI: `ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG`
/// or `…/REPO@sha256:…`. One reading for the simulator's pull rule and deploy's check.
public struct ECRImageReference: Hashable, Sendable {
    public var repository: String
    /// The tag (`latest` when none is written), or nil for a digest reference.
    public var tag: String?
    public var digest: String?

    /// The registry host of an account's ECR in a region, with the trailing slash.
    public static func registry(account: String, region: String) -> String { "\(account).dkr.ecr.\(region).amazonaws.com/" }

    /// The reference, when `uri` names an image in that account's ECR in that region; nil for
    /// any other registry (Docker Hub, another account).
    public init?(_ uri: String, account: String, region: String) {
        let registry = Self.registry(account: account, region: region)
        guard uri.hasPrefix(registry) else { return nil }
        let rest = uri.dropFirst(registry.count)
        if let at = rest.firstIndex(of: "@") {
            repository = String(rest[..<at])
            digest = String(rest[rest.index(after: at)...])
        } else if let colon = rest.lastIndex(of: ":") {
            repository = String(rest[..<colon])
            tag = String(rest[rest.index(after: colon)...])
        } else {
            repository = String(rest)
            tag = "latest"
        }
    }

    /// The tag or the digest, as written.
    public var reference: String { digest ?? tag ?? "latest" }

    /// DescribeImages' identifier for it.
    public var identifier: ImageIdentifier { digest.map { ImageIdentifier(imageDigest: $0) } ?? ImageIdentifier(imageTag: tag) }
}
