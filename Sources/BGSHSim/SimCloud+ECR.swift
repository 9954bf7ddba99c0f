import AWSModel

extension SimCloud {
    static let repositoryKind = "ecr.repository"

    /// AWS: 2–256 characters of lower-case letters, digits and . _ - /, starting with a letter or digit.
    static func isValidRepositoryName(_ name: String) -> Bool {
        guard (2...256).contains(name.count), let first = name.unicodeScalars.first,
              first.properties.isLowercase || ("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ($0.isASCII && $0.properties.isLowercase) || ("0"..."9").contains($0) || ["-", "_", ".", "/"].contains($0)
        }
    }

    public func createRepository(_ input: CreateRepositoryRequest) throws -> CreateRepositoryResponse {
        guard SimCloud.isValidRepositoryName(input.repositoryName) else {
            throw AWSError("InvalidParameterException",
                           "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''")
        }
        return try write("CreateRepository") { tx in
            if try tx.get(Repository.self, region: region, kind: SimCloud.repositoryKind, id: input.repositoryName) != nil {
                throw AWSError("RepositoryAlreadyExistsException",
                               "The repository with name '\(input.repositoryName)' already exists in the registry with id '\(account)'")
            }
            var repository = Repository()
            repository.repositoryArn = arn("ecr", "repository/\(input.repositoryName)")
            repository.registryId = account
            repository.repositoryName = input.repositoryName
            repository.repositoryUri = ECRImageReference.registry(account: account, region: region) + input.repositoryName
            repository.createdAt = try now(tx)
            repository.imageTagMutability = input.imageTagMutability ?? "MUTABLE"
            repository.imageScanningConfiguration = ImageScanningConfiguration(scanOnPush: false)
            repository.encryptionConfiguration = EncryptionConfiguration(encryptionType: "AES256")
            try tx.put(repository, region: region, kind: SimCloud.repositoryKind, id: input.repositoryName, name: input.repositoryName)
            return CreateRepositoryResponse(repository: repository)
        }
    }

    public func describeRepositories(_ input: DescribeRepositoriesRequest) throws -> DescribeRepositoriesResponse {
        try read("DescribeRepositories") { tx in
            let all = try SimSelect.records(try tx.all(Repository.self, region: region, kind: SimCloud.repositoryKind),
                                            input.repositoryNames, by: \.repositoryName) {
                AWSError("RepositoryNotFoundException", "The repository with name '\($0)' does not exist in the registry with id '\(account)'")
            }
            // AWS: 100 repositories a page (maxResults' default).
            return try SimPaging.page(all, nextToken: input.nextToken,
                                      maxResults: nil, limit: 100) { items, next in
                var page = DescribeRepositoriesResponse(repositories: items)
                page.nextToken = next
                return page
            }
        }
    }

    public func deleteRepository(_ input: DeleteRepositoryRequest) throws -> DeleteRepositoryResponse {
        try write("DeleteRepository") { tx in
            guard let repository = try tx.get(Repository.self, region: region, kind: SimCloud.repositoryKind, id: input.repositoryName) else {
                throw AWSError("RepositoryNotFoundException",
                               "The repository with name '\(input.repositoryName)' does not exist in the registry with id '\(account)'")
            }
            let images = try tx.children(ImageDetail.self, region: region, kind: SimCloud.imageKind, parent: input.repositoryName)
            if !images.isEmpty, input.force != true {
                throw AWSError("RepositoryNotEmptyException",
                               "The repository with name '\(input.repositoryName)' in registry with id '\(account)' cannot be deleted because it still contains images")
            }
            for image in images { try tx.delete(region: region, kind: SimCloud.imageKind, id: "\(input.repositoryName)@\(image.imageDigest ?? "")") }
            try tx.delete(region: region, kind: SimCloud.repositoryKind, id: input.repositoryName)
            return DeleteRepositoryResponse(repository: repository)
        }
    }

    // MARK: images

    static let imageKind = "ecr.image"

    func requireRepository(_ tx: SimStore.Transaction, _ name: String) throws -> Repository {
        guard let repository = try tx.get(Repository.self, region: region, kind: SimCloud.repositoryKind, id: name) else {
            throw AWSError("RepositoryNotFoundException", "The repository with name '\(name)' does not exist in the registry with id '\(account)'")
        }
        return repository
    }

    /// `sha256:` and 64 hex digits from the manifest (a stand-in for its SHA-256: deterministic,
    /// so the same push gives the same digest).
    static func digest(of manifest: String) -> String {
        "sha256:" + SimIDs.hex(kind: "manifest:" + manifest, number: manifest.utf8.count, length: 64)
    }

    public func putImage(_ input: PutImageRequest) throws -> PutImageResponse {
        try write("PutImage") { tx in try putImage(tx, input) }
    }

    /// PutImage inside a transaction (a simulated build's `docker push`).
    func putImage(_ tx: SimStore.Transaction, _ input: PutImageRequest) throws -> PutImageResponse {
        do {
            let repository = try requireRepository(tx, input.repositoryName)
            let digest = SimCloud.digest(of: input.imageManifest)
            let id = "\(input.repositoryName)@\(digest)"
            var images = try tx.children(ImageDetail.self, region: region, kind: SimCloud.imageKind, parent: input.repositoryName)
            if let tag = input.imageTag {
                if let same = images.first(where: { $0.imageDigest == digest }), same.imageTags?.contains(tag) == true {
                    throw AWSError("ImageAlreadyExistsException",
                                   "Image with digest '\(digest)' and tag '\(tag)' already exists in the repository with name '\(input.repositoryName)' in registry with id '\(account)'")
                }
                // A tag names one image: pushing it again moves it (a MUTABLE repository).
                for i in images.indices where images[i].imageTags?.contains(tag) == true && images[i].imageDigest != digest {
                    guard repository.imageTagMutability != "IMMUTABLE" else {
                        throw AWSError("ImageTagAlreadyExistsException",
                                       "The image tag '\(tag)' already exists in the '\(input.repositoryName)' repository and cannot be overwritten because the repository is immutable.")
                    }
                    images[i].imageTags?.removeAll { $0 == tag }
                    try tx.put(images[i], region: region, kind: SimCloud.imageKind, id: "\(input.repositoryName)@\(images[i].imageDigest ?? "")",
                               name: images[i].imageDigest ?? "", parent: input.repositoryName)
                }
            }
            var detail = images.first { $0.imageDigest == digest } ?? ImageDetail()
            detail.registryId = account
            detail.repositoryName = input.repositoryName
            detail.imageDigest = digest
            detail.imageTags = (detail.imageTags ?? []) + (input.imageTag.map { [$0] } ?? [])
            detail.imageSizeInBytes = detail.imageSizeInBytes ?? 48_000_000 + input.imageManifest.utf8.count
            detail.imagePushedAt = try now(tx)
            detail.imageManifestMediaType = input.imageManifestMediaType ?? "application/vnd.docker.distribution.manifest.v2+json"
            try tx.put(detail, region: region, kind: SimCloud.imageKind, id: id, name: digest, parent: input.repositoryName)
            var image = Image()
            image.registryId = account
            image.repositoryName = input.repositoryName
            image.imageId = ImageIdentifier(imageDigest: digest, imageTag: input.imageTag)
            image.imageManifest = input.imageManifest
            image.imageManifestMediaType = detail.imageManifestMediaType
            return PutImageResponse(image: image)
        }
    }

    public func describeImages(_ input: DescribeImagesRequest) throws -> DescribeImagesResponse {
        try read("DescribeImages") { tx in
            _ = try requireRepository(tx, input.repositoryName)
            var images = try tx.children(ImageDetail.self, region: region, kind: SimCloud.imageKind, parent: input.repositoryName)
                .sorted { ($0.imagePushedAt ?? 0, $0.imageDigest ?? "") < ($1.imagePushedAt ?? 0, $1.imageDigest ?? "") }
            if let wanted = input.imageIds {
                images = try wanted.map { id in
                    guard let found = images.first(where: { ($0.imageDigest == id.imageDigest || id.imageDigest == nil)
                                                             && (id.imageTag == nil || $0.imageTags?.contains(id.imageTag ?? "") == true) }) else {
                        throw AWSError("ImageNotFoundException",
                                       "The image with imageId {imageDigest:'\(id.imageDigest ?? "null")', imageTag:'\(id.imageTag ?? "null")'} does not exist within the repository with name '\(input.repositoryName)' in the registry with id '\(account)'")
                    }
                    return found
                }
            }
            // AWS: 100 images a page.
            return try SimPaging.page(images, nextToken: input.nextToken, maxResults: nil, limit: 100) { items, next in
                var page = DescribeImagesResponse(imageDetails: items)
                page.nextToken = next
                return page
            }
        }
    }
}
