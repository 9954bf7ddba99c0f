/// Amazon ECS, the operations bgsh uses.
public protocol ECSAPI {
    /// CreateCluster: creates a cluster, or returns the existing one of that name (AWS is idempotent here).
    func createCluster(_ input: CreateClusterInput) throws -> CreateClusterOutput
    /// ListClusters: ARNs of the account's ACTIVE clusters in the region.
    func listClusters(_ input: ListClustersInput) throws -> ListClustersOutput
    /// DescribeClusters: clusters by name or ARN; unknown ones come back as failures ("MISSING").
    func describeClusters(_ input: DescribeClustersInput) throws -> DescribeClustersOutput
    /// DeleteCluster: marks a cluster INACTIVE.
    func deleteCluster(_ input: DeleteClusterInput) throws -> DeleteClusterOutput
}
