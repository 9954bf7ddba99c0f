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
    func registerTaskDefinition(_ input: RegisterTaskDefinitionInput) throws -> RegisterTaskDefinitionOutput
    func listTaskDefinitions(_ input: ListTaskDefinitionsInput) throws -> ListTaskDefinitionsOutput
    func listTaskDefinitionFamilies(_ input: ListTaskDefinitionFamiliesInput) throws -> ListTaskDefinitionFamiliesOutput
    func describeTaskDefinition(_ input: DescribeTaskDefinitionInput) throws -> DescribeTaskDefinitionOutput
    func deregisterTaskDefinition(_ input: DeregisterTaskDefinitionInput) throws -> DeregisterTaskDefinitionOutput
    func createService(_ input: CreateServiceInput) throws -> CreateServiceOutput
    func describeServices(_ input: DescribeServicesInput) throws -> DescribeServicesOutput
    func listServices(_ input: ListServicesInput) throws -> ListServicesOutput
    func updateService(_ input: UpdateServiceInput) throws -> UpdateServiceOutput
    func deleteService(_ input: DeleteServiceInput) throws -> DeleteServiceOutput
    func createTaskSet(_ input: CreateTaskSetInput) throws -> CreateTaskSetOutput
    func describeTaskSets(_ input: DescribeTaskSetsInput) throws -> DescribeTaskSetsOutput
    func updateTaskSet(_ input: UpdateTaskSetInput) throws -> UpdateTaskSetOutput
    func deleteTaskSet(_ input: DeleteTaskSetInput) throws -> DeleteTaskSetOutput
    func updateServicePrimaryTaskSet(_ input: UpdateServicePrimaryTaskSetInput) throws -> UpdateServicePrimaryTaskSetOutput
    func listTasks(_ input: ListTasksInput) throws -> ListTasksOutput
    func describeTasks(_ input: DescribeTasksInput) throws -> DescribeTasksOutput
    /// ListServiceDeployments: a service's native (ECS-controller) deployments, newest first.
    func listServiceDeployments(_ input: ListServiceDeploymentsInput) throws -> ListServiceDeploymentsOutput
    /// DescribeServiceDeployments: status, lifecycle stage, hooks, revisions and their weights.
    func describeServiceDeployments(_ input: DescribeServiceDeploymentsInput) throws -> DescribeServiceDeploymentsOutput
    /// StopServiceDeployment (ROLLBACK): what `rollback` does under the ecs controller.
    func stopServiceDeployment(_ input: StopServiceDeploymentInput) throws -> StopServiceDeploymentOutput
    /// ContinueServiceDeployment: a PAUSE hook awaiting action, continued or rolled back.
    func continueServiceDeployment(_ input: ContinueServiceDeploymentInput) throws -> ContinueServiceDeploymentOutput
    /// DescribeServiceRevisions: a revision's resolved load balancers (which group is production).
    func describeServiceRevisions(_ input: DescribeServiceRevisionsInput) throws -> DescribeServiceRevisionsOutput
    /// TagResource: adds or replaces tags on a service or task set (bgsh keeps deployment state there).
    func tagResource(_ input: TagResourceInput) throws
    /// UntagResource: removes tags.
    func untagResource(_ input: UntagResourceInput) throws
}

extension ECSAPI {
    /// Every task definition family, all pages.
    public func listAllTaskDefinitionFamilies() throws -> [String] {
        try allPages { token in
            let page = try listTaskDefinitionFamilies(ListTaskDefinitionFamiliesInput(nextToken: token))
            return (page.families, page.nextToken)
        }
    }

    /// Every task of a service (or a cluster), all pages.
    public func listAllTasks(cluster: String?, serviceName: String?, desiredStatus: String? = nil) throws -> [String] {
        try allPages { token in
            let page = try listTasks(ListTasksInput(cluster: cluster, serviceName: serviceName, desiredStatus: desiredStatus, nextToken: token))
            return (page.taskArns, page.nextToken)
        }
    }
}
