/// Amazon ECR, the repository operations bgsh uses.
public protocol ECRAPI {
    func createRepository(_ input: CreateRepositoryRequest) throws -> CreateRepositoryResponse
    func describeRepositories(_ input: DescribeRepositoriesRequest) throws -> DescribeRepositoriesResponse
    func deleteRepository(_ input: DeleteRepositoryRequest) throws -> DeleteRepositoryResponse
}

public struct ImageScanningConfiguration: Codable, Hashable, Sendable {
    public var scanOnPush: Bool
    public init(scanOnPush: Bool) { self.scanOnPush = scanOnPush }
}

public struct EncryptionConfiguration: Codable, Hashable, Sendable {
    public var encryptionType: String
    public init(encryptionType: String) { self.encryptionType = encryptionType }
}

public struct Repository: Codable, Hashable, Sendable {
    public var repositoryArn: String?
    public var registryId: String?
    public var repositoryName: String?
    public var repositoryUri: String?
    public var createdAt: Double?
    public var imageTagMutability: String?
    public var imageScanningConfiguration: ImageScanningConfiguration?
    public var encryptionConfiguration: EncryptionConfiguration?
    /// Not AWS's: image tags pushed to it (the simulator's stand-in for images).
    public var imageTags: [String]?
    public init() {}
}

public struct CreateRepositoryRequest: Codable, Hashable, Sendable {
    public var repositoryName: String
    public var imageTagMutability: String?
    public init(repositoryName: String, imageTagMutability: String? = nil) {
        self.repositoryName = repositoryName
        self.imageTagMutability = imageTagMutability
    }
}

public struct CreateRepositoryResponse: Codable, Hashable, Sendable {
    public var repository: Repository
    public init(repository: Repository) { self.repository = repository }
}

public struct DescribeRepositoriesRequest: Codable, Hashable, Sendable {
    public var repositoryNames: [String]?
    /// The page to read (the nextToken of the one before).
    public var nextToken: String?
    public init(repositoryNames: [String]? = nil) { self.repositoryNames = repositoryNames }
}

public struct DescribeRepositoriesResponse: Codable, Hashable, Sendable {
    public var repositories: [Repository]
    /// Set when there are more pages (100 repositories at a time).
    public var nextToken: String?
    public init(repositories: [Repository]) { self.repositories = repositories }
}

public struct DeleteRepositoryRequest: Codable, Hashable, Sendable {
    public var repositoryName: String
    public var force: Bool?
    public init(repositoryName: String, force: Bool?) { self.repositoryName = repositoryName; self.force = force }
}

public struct DeleteRepositoryResponse: Codable, Hashable, Sendable {
    public var repository: Repository
    public init(repository: Repository) { self.repository = repository }
}

extension ECRAPI {
    /// Every repository of a DescribeRepositories, all pages.
    public func describeAllRepositories(_ input: DescribeRepositoriesRequest = DescribeRepositoriesRequest()) throws -> [Repository] {
        var input = input
        return try allPages { token in
            input.nextToken = token
            let page = try describeRepositories(input)
            return (page.repositories, page.nextToken)
        }
    }
}
