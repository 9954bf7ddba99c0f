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
            repository.repositoryUri = "\(account).dkr.ecr.\(region).amazonaws.com/\(input.repositoryName)"
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
            return try SimPaging.page(all.map { var r = $0; r.imageTags = nil; return r }, nextToken: input.nextToken,
                                      maxResults: nil, limit: 100) { items, next in
                var page = DescribeRepositoriesResponse(repositories: items)
                page.nextToken = next
                return page
            }
        }
    }

    public func deleteRepository(_ input: DeleteRepositoryRequest) throws -> DeleteRepositoryResponse {
        try write("DeleteRepository") { tx in
            guard var repository = try tx.get(Repository.self, region: region, kind: SimCloud.repositoryKind, id: input.repositoryName) else {
                throw AWSError("RepositoryNotFoundException",
                               "The repository with name '\(input.repositoryName)' does not exist in the registry with id '\(account)'")
            }
            if !(repository.imageTags ?? []).isEmpty, input.force != true {
                throw AWSError("RepositoryNotEmptyException",
                               "The repository with name '\(input.repositoryName)' in registry with id '\(account)' cannot be deleted because it still contains images")
            }
            try tx.delete(region: region, kind: SimCloud.repositoryKind, id: input.repositoryName)
            repository.imageTags = nil
            return DeleteRepositoryResponse(repository: repository)
        }
    }
}
