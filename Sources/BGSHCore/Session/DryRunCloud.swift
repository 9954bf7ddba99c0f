import AWSModel

// The methods below are one per `Cloud` operation, written out by the same rule; the compiler
// keeps the list complete (a new operation does not build until it is here).

/// `--dry-run` as one gate: a `Cloud` whose reads pass through to the real one and whose writes
/// are printed as the calls they are (`dry-run: ecs:UpdateTaskSet {…}`) and answered with a
/// placeholder, so every command (the blue-green verbs included) runs its real code path and
/// changes nothing.
final class DryRunCloud: Cloud {
    let base: any Cloud
    let report: (String, JSONValue) -> Void
    var region: String { base.region }

    /// Wraps `base`; `report` prints one write (`ecs:CreateCluster`, its input).
    init(base: any Cloud, report: @escaping (String, JSONValue) -> Void) {
        self.base = base
        self.report = report
    }

    /// Prints a write and answers it with `placeholder`, decoded leniently (members left out take
    /// their empty values).
    func write<Input: Encodable, Output: Decodable>(_ operation: String, _ input: Input, _ placeholder: JSONValue = .object([:])) throws -> Output {
        report(operation, (try? JSONValue.from(input)) ?? .object([:]))
        return try placeholder.decode(Output.self)
    }

    func write<Input: Encodable>(_ operation: String, _ input: Input) {
        report(operation, (try? JSONValue.from(input)) ?? .object([:]))
    }

    // MARK: cloudwatch
    func putMetricAlarm(_ input: PutMetricAlarmInput) throws { write("cloudwatch:PutMetricAlarm", input) }
    func describeAlarms(_ input: DescribeAlarmsInput) throws -> DescribeAlarmsOutput { try base.describeAlarms(input) }
    func deleteAlarms(_ input: DeleteAlarmsInput) throws { write("cloudwatch:DeleteAlarms", input) }

    // MARK: codedeploy
    func createApplication(_ input: CreateApplicationInput) throws -> CreateApplicationOutput { try write("codedeploy:CreateApplication", input) }
    func getApplication(_ input: GetApplicationInput) throws -> GetApplicationOutput { try base.getApplication(input) }
    func deleteApplication(_ input: DeleteApplicationInput) throws { write("codedeploy:DeleteApplication", input) }
    func createDeploymentGroup(_ input: CreateDeploymentGroupInput) throws -> CreateDeploymentGroupOutput { try write("codedeploy:CreateDeploymentGroup", input) }
    func getDeploymentGroup(_ input: GetDeploymentGroupInput) throws -> GetDeploymentGroupOutput { try base.getDeploymentGroup(input) }
    func listDeploymentGroups(_ input: ListDeploymentGroupsInput) throws -> ListDeploymentGroupsOutput { try base.listDeploymentGroups(input) }
    func deleteDeploymentGroup(_ input: DeleteDeploymentGroupInput) throws { write("codedeploy:DeleteDeploymentGroup", input) }
    func createDeployment(_ input: CreateDeploymentInput) throws -> CreateDeploymentOutput { try write("codedeploy:CreateDeployment", input, .object(["deploymentId": .string("d-DRYRUN0001")])) }
    func getDeployment(_ input: GetDeploymentInput) throws -> GetDeploymentOutput { try base.getDeployment(input) }
    func continueDeployment(_ input: ContinueDeploymentInput) throws { write("codedeploy:ContinueDeployment", input) }
    func stopDeployment(_ input: StopDeploymentInput) throws -> StopDeploymentOutput { try write("codedeploy:StopDeployment", input) }
    func createDeploymentConfig(_ input: CreateDeploymentConfigInput) throws { write("codedeploy:CreateDeploymentConfig", input) }

    // MARK: ec2
    func createVpc(_ input: CreateVpcRequest) throws -> CreateVpcResult { try write("ec2:CreateVpc", input) }
    func modifyVpcAttribute(_ input: ModifyVpcAttributeRequest) throws { write("ec2:ModifyVpcAttribute", input) }
    func describeVpcs(_ input: DescribeVpcsRequest) throws -> DescribeVpcsResult { try base.describeVpcs(input) }
    func deleteVpc(_ input: DeleteVpcRequest) throws { write("ec2:DeleteVpc", input) }
    func createSubnet(_ input: CreateSubnetRequest) throws -> CreateSubnetResult { try write("ec2:CreateSubnet", input) }
    func describeSubnets(_ input: DescribeSubnetsRequest) throws -> DescribeSubnetsResult { try base.describeSubnets(input) }
    func deleteSubnet(_ input: DeleteSubnetRequest) throws { write("ec2:DeleteSubnet", input) }
    func createSecurityGroup(_ input: CreateSecurityGroupRequest) throws -> CreateSecurityGroupResult { try write("ec2:CreateSecurityGroup", input) }
    func authorizeSecurityGroupIngress(_ input: AuthorizeSecurityGroupIngressRequest) throws { write("ec2:AuthorizeSecurityGroupIngress", input) }
    func describeSecurityGroups(_ input: DescribeSecurityGroupsRequest) throws -> DescribeSecurityGroupsResult { try base.describeSecurityGroups(input) }
    func deleteSecurityGroup(_ input: DeleteSecurityGroupRequest) throws { write("ec2:DeleteSecurityGroup", input) }

    // MARK: ecr
    func createRepository(_ input: CreateRepositoryRequest) throws -> CreateRepositoryResponse { try write("ecr:CreateRepository", input) }
    func describeRepositories(_ input: DescribeRepositoriesRequest) throws -> DescribeRepositoriesResponse { try base.describeRepositories(input) }
    func deleteRepository(_ input: DeleteRepositoryRequest) throws -> DeleteRepositoryResponse { try write("ecr:DeleteRepository", input) }
    func putImage(_ input: PutImageRequest) throws -> PutImageResponse { try write("ecr:PutImage", input) }
    func describeImages(_ input: DescribeImagesRequest) throws -> DescribeImagesResponse { try base.describeImages(input) }

    // MARK: ecs
    func createCluster(_ input: CreateClusterInput) throws -> CreateClusterOutput { try write("ecs:CreateCluster", input) }
    func listClusters(_ input: ListClustersInput) throws -> ListClustersOutput { try base.listClusters(input) }
    func describeClusters(_ input: DescribeClustersInput) throws -> DescribeClustersOutput { try base.describeClusters(input) }
    func deleteCluster(_ input: DeleteClusterInput) throws -> DeleteClusterOutput { try write("ecs:DeleteCluster", input) }
    func registerTaskDefinition(_ input: RegisterTaskDefinitionInput) throws -> RegisterTaskDefinitionOutput { try write("ecs:RegisterTaskDefinition", input) }
    func listTaskDefinitions(_ input: ListTaskDefinitionsInput) throws -> ListTaskDefinitionsOutput { try base.listTaskDefinitions(input) }
    func listTaskDefinitionFamilies(_ input: ListTaskDefinitionFamiliesInput) throws -> ListTaskDefinitionFamiliesOutput { try base.listTaskDefinitionFamilies(input) }
    func describeTaskDefinition(_ input: DescribeTaskDefinitionInput) throws -> DescribeTaskDefinitionOutput { try base.describeTaskDefinition(input) }
    func deregisterTaskDefinition(_ input: DeregisterTaskDefinitionInput) throws -> DeregisterTaskDefinitionOutput { try write("ecs:DeregisterTaskDefinition", input) }
    func createService(_ input: CreateServiceInput) throws -> CreateServiceOutput { try write("ecs:CreateService", input) }
    func describeServices(_ input: DescribeServicesInput) throws -> DescribeServicesOutput { try base.describeServices(input) }
    func listServices(_ input: ListServicesInput) throws -> ListServicesOutput { try base.listServices(input) }
    func updateService(_ input: UpdateServiceInput) throws -> UpdateServiceOutput { try write("ecs:UpdateService", input) }
    func deleteService(_ input: DeleteServiceInput) throws -> DeleteServiceOutput { try write("ecs:DeleteService", input) }
    func createTaskSet(_ input: CreateTaskSetInput) throws -> CreateTaskSetOutput { try write("ecs:CreateTaskSet", input, .object(["taskSet": .object(["id": .string("ecs-svc/dryrun"), "taskSetArn": .string("arn:aws:ecs:\(region):123456789012:task-set/dryrun"), "status": .string("ACTIVE")])])) }
    func describeTaskSets(_ input: DescribeTaskSetsInput) throws -> DescribeTaskSetsOutput { try base.describeTaskSets(input) }
    func updateTaskSet(_ input: UpdateTaskSetInput) throws -> UpdateTaskSetOutput { try write("ecs:UpdateTaskSet", input) }
    func deleteTaskSet(_ input: DeleteTaskSetInput) throws -> DeleteTaskSetOutput { try write("ecs:DeleteTaskSet", input) }
    func updateServicePrimaryTaskSet(_ input: UpdateServicePrimaryTaskSetInput) throws -> UpdateServicePrimaryTaskSetOutput { try write("ecs:UpdateServicePrimaryTaskSet", input) }
    func listTasks(_ input: ListTasksInput) throws -> ListTasksOutput { try base.listTasks(input) }
    func describeTasks(_ input: DescribeTasksInput) throws -> DescribeTasksOutput { try base.describeTasks(input) }
    func tagResource(_ input: TagResourceInput) throws { write("ecs:TagResource", input) }
    func untagResource(_ input: UntagResourceInput) throws { write("ecs:UntagResource", input) }

    // MARK: elbv2
    func createLoadBalancer(_ input: CreateLoadBalancerInput) throws -> CreateLoadBalancerOutput { try write("elbv2:CreateLoadBalancer", input) }
    func describeLoadBalancers(_ input: DescribeLoadBalancersInput) throws -> DescribeLoadBalancersOutput { try base.describeLoadBalancers(input) }
    func deleteLoadBalancer(_ input: DeleteLoadBalancerInput) throws { write("elbv2:DeleteLoadBalancer", input) }
    func createTargetGroup(_ input: CreateTargetGroupInput) throws -> CreateTargetGroupOutput { try write("elbv2:CreateTargetGroup", input) }
    func describeTargetGroups(_ input: DescribeTargetGroupsInput) throws -> DescribeTargetGroupsOutput { try base.describeTargetGroups(input) }
    func deleteTargetGroup(_ input: DeleteTargetGroupInput) throws { write("elbv2:DeleteTargetGroup", input) }
    func registerTargets(_ input: RegisterTargetsInput) throws { write("elbv2:RegisterTargets", input) }
    func deregisterTargets(_ input: DeregisterTargetsInput) throws { write("elbv2:DeregisterTargets", input) }
    func describeTargetHealth(_ input: DescribeTargetHealthInput) throws -> DescribeTargetHealthOutput { try base.describeTargetHealth(input) }
    func createListener(_ input: CreateListenerInput) throws -> CreateListenerOutput { try write("elbv2:CreateListener", input) }
    func describeListeners(_ input: DescribeListenersInput) throws -> DescribeListenersOutput { try base.describeListeners(input) }
    func modifyListener(_ input: ModifyListenerInput) throws -> ModifyListenerOutput { try write("elbv2:ModifyListener", input) }
    func deleteListener(_ input: DeleteListenerInput) throws { write("elbv2:DeleteListener", input) }
}
