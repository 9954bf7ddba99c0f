/// Amazon ECR, the repository operations bgsh uses.
public protocol ECRAPI {
    func createRepository(_ input: CreateRepositoryRequest) throws -> CreateRepositoryResponse
    func describeRepositories(_ input: DescribeRepositoriesRequest) throws -> DescribeRepositoriesResponse
    func deleteRepository(_ input: DeleteRepositoryRequest) throws -> DeleteRepositoryResponse
    /// PutImage: records an image manifest under a tag (what `docker push` ends with); the
    /// simulator's `sim push`.
    func putImage(_ input: PutImageRequest) throws -> PutImageResponse
    /// DescribeImages: a repository's images, or the ones named (ImageNotFoundException otherwise).
    func describeImages(_ input: DescribeImagesRequest) throws -> DescribeImagesResponse
}

/// An image by digest or tag.
public struct ImageIdentifier: Codable, Hashable, Sendable {
    public var imageDigest: String?
    public var imageTag: String?
    public init(imageDigest: String? = nil, imageTag: String? = nil) { self.imageDigest = imageDigest; self.imageTag = imageTag }
}

/// An image as PutImage answers it.
public struct Image: Codable, Hashable, Sendable {
    public var registryId: String?
    public var repositoryName: String?
    public var imageId: ImageIdentifier?
    public var imageManifest: String?
    public var imageManifestMediaType: String?
    public init() {}
}

public struct PutImageRequest: Codable, Hashable, Sendable {
    public var repositoryName: String
    public var imageManifest: String
    public var imageManifestMediaType: String?
    public var imageTag: String?
    public init(repositoryName: String, imageManifest: String, imageManifestMediaType: String? = nil, imageTag: String? = nil) {
        self.repositoryName = repositoryName
        self.imageManifest = imageManifest
        self.imageManifestMediaType = imageManifestMediaType
        self.imageTag = imageTag
    }
}

public struct PutImageResponse: Codable, Hashable, Sendable {
    public var image: Image
    public init(image: Image) { self.image = image }
}

/// An image as DescribeImages lists it.
public struct ImageDetail: Codable, Hashable, Sendable {
    public var registryId: String?
    public var repositoryName: String?
    public var imageDigest: String?
    public var imageTags: [String]?
    public var imageSizeInBytes: Int?
    public var imagePushedAt: Double?
    public var imageManifestMediaType: String?
    public init() {}
}

public struct DescribeImagesRequest: Codable, Hashable, Sendable {
    public var repositoryName: String
    public var imageIds: [ImageIdentifier]?
    /// The page to read (the nextToken of the one before).
    public var nextToken: String?
    public init(repositoryName: String, imageIds: [ImageIdentifier]? = nil) {
        self.repositoryName = repositoryName
        self.imageIds = imageIds
    }
}

public struct DescribeImagesResponse: Codable, Hashable, Sendable {
    public var imageDetails: [ImageDetail]
    /// Set when there are more pages (100 images at a time).
    public var nextToken: String?
    public init(imageDetails: [ImageDetail]) { self.imageDetails = imageDetails }
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
    /// Every image of a DescribeImages, all pages.
    public func describeAllImages(_ input: DescribeImagesRequest) throws -> [ImageDetail] {
        var input = input
        return try allPages { token in
            input.nextToken = token
            let page = try describeImages(input)
            return (page.imageDetails, page.nextToken)
        }
    }

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
