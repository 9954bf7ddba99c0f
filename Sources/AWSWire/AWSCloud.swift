import AWSModel
import Foundation

/// `Cloud` over AWS's HTTP APIs: one client per service, in one region.
///
/// Every operation is the AWS call of the same name, encoded by the generated model. Creates that
/// carry no idempotency token say how to find what a lost answer made (`probe`): by name, or by
/// the `bgsh:token` tag bgsh puts on the EC2 resources it creates.
public final class AWSCloud: Cloud, @unchecked Sendable {
    // SAFETY: `clients` is filled under `lock`; everything else is immutable.
    public let region: String
    let makeClient: (String) throws -> AWSClient
    private let lock = NSLock()
    private var clients: [String: AWSClient] = [:]

    /// Creates one; `makeClient` makes a service's client (its endpoint and credentials).
    init(region: String, makeClient: @escaping (String) throws -> AWSClient) {
        self.region = region
        self.makeClient = makeClient
    }

    func client(_ service: String) throws -> AWSClient {
        lock.lock()
        defer { lock.unlock() }
        if let c = clients[service] { return c }
        let c = try makeClient(service)
        clients[service] = c
        return c
    }

    func ecs() throws -> AWSClient { try client("ecs") }
    func elb() throws -> AWSClient { try client("elbv2") }
    func ec2() throws -> AWSClient { try client("ec2") }

    /// The `bgsh:token` tag for an EC2 create, so a lost answer can be looked for.
    static func tokenTag(_ type: String, _ specs: [TagSpecification]?) -> (String, [TagSpecification]) {
        let token = UUID().uuidString.lowercased()
        var specs = specs ?? []
        if let i = specs.firstIndex(where: { $0.ResourceType == type }) {
            specs[i].Tags.append(EC2Tag(Key: "bgsh:token", Value: token))
        } else {
            specs.append(TagSpecification(ResourceType: type, Tags: [EC2Tag(Key: "bgsh:token", Value: token)]))
        }
        return (token, specs)
    }

    static func tokenFilter(_ token: String) -> [Filter] { [Filter(Name: "tag:bgsh:token", Values: [token])] }

    // MARK: ECS

    public func createCluster(_ input: CreateClusterInput) throws -> CreateClusterOutput {
        // AWS: CreateCluster answers with the existing cluster of that name.
        try ecs().call("CreateCluster", input, as: CreateClusterOutput.self, isIdempotent: true)
    }
    public func listClusters(_ input: ListClustersInput) throws -> ListClustersOutput { try ecs().call("ListClusters", input, as: ListClustersOutput.self) }
    public func describeClusters(_ input: DescribeClustersInput) throws -> DescribeClustersOutput { try ecs().call("DescribeClusters", input, as: DescribeClustersOutput.self) }
    public func deleteCluster(_ input: DeleteClusterInput) throws -> DeleteClusterOutput { try ecs().call("DeleteCluster", input, as: DeleteClusterOutput.self) }
    public func registerTaskDefinition(_ input: RegisterTaskDefinitionInput) throws -> RegisterTaskDefinitionOutput {
        try ecs().call("RegisterTaskDefinition", input, as: RegisterTaskDefinitionOutput.self, probe: { [self] in
            // Made already when the family's latest revision has exactly these containers.
            guard let latest = try? describeTaskDefinition(DescribeTaskDefinitionInput(taskDefinition: input.family)) else { return nil }
            guard latest.taskDefinition.hasContent(of: input) else { return nil }
            return RegisterTaskDefinitionOutput(taskDefinition: latest.taskDefinition, tags: latest.tags)
        })
    }
    public func listTaskDefinitions(_ input: ListTaskDefinitionsInput) throws -> ListTaskDefinitionsOutput { try ecs().call("ListTaskDefinitions", input, as: ListTaskDefinitionsOutput.self) }
    public func listTaskDefinitionFamilies(_ input: ListTaskDefinitionFamiliesInput) throws -> ListTaskDefinitionFamiliesOutput { try ecs().call("ListTaskDefinitionFamilies", input, as: ListTaskDefinitionFamiliesOutput.self) }
    public func describeTaskDefinition(_ input: DescribeTaskDefinitionInput) throws -> DescribeTaskDefinitionOutput { try ecs().call("DescribeTaskDefinition", input, as: DescribeTaskDefinitionOutput.self) }
    public func deregisterTaskDefinition(_ input: DeregisterTaskDefinitionInput) throws -> DeregisterTaskDefinitionOutput { try ecs().call("DeregisterTaskDefinition", input, as: DeregisterTaskDefinitionOutput.self) }
    public func createService(_ input: CreateServiceInput) throws -> CreateServiceOutput { try ecs().call("CreateService", input, as: CreateServiceOutput.self) }
    public func describeServices(_ input: DescribeServicesInput) throws -> DescribeServicesOutput { try ecs().call("DescribeServices", input, as: DescribeServicesOutput.self) }
    public func listServices(_ input: ListServicesInput) throws -> ListServicesOutput { try ecs().call("ListServices", input, as: ListServicesOutput.self) }
    public func updateService(_ input: UpdateServiceInput) throws -> UpdateServiceOutput { try ecs().call("UpdateService", input, as: UpdateServiceOutput.self) }
    public func deleteService(_ input: DeleteServiceInput) throws -> DeleteServiceOutput { try ecs().call("DeleteService", input, as: DeleteServiceOutput.self) }
    public func createTaskSet(_ input: CreateTaskSetInput) throws -> CreateTaskSetOutput { try ecs().call("CreateTaskSet", input, as: CreateTaskSetOutput.self) }
    public func describeTaskSets(_ input: DescribeTaskSetsInput) throws -> DescribeTaskSetsOutput { try ecs().call("DescribeTaskSets", input, as: DescribeTaskSetsOutput.self) }
    public func updateTaskSet(_ input: UpdateTaskSetInput) throws -> UpdateTaskSetOutput { try ecs().call("UpdateTaskSet", input, as: UpdateTaskSetOutput.self) }
    public func deleteTaskSet(_ input: DeleteTaskSetInput) throws -> DeleteTaskSetOutput { try ecs().call("DeleteTaskSet", input, as: DeleteTaskSetOutput.self) }
    public func updateServicePrimaryTaskSet(_ input: UpdateServicePrimaryTaskSetInput) throws -> UpdateServicePrimaryTaskSetOutput { try ecs().call("UpdateServicePrimaryTaskSet", input, as: UpdateServicePrimaryTaskSetOutput.self) }
    public func listTasks(_ input: ListTasksInput) throws -> ListTasksOutput { try ecs().call("ListTasks", input, as: ListTasksOutput.self) }
    public func describeTasks(_ input: DescribeTasksInput) throws -> DescribeTasksOutput { try ecs().call("DescribeTasks", input, as: DescribeTasksOutput.self) }
    public func tagResource(_ input: TagResourceInput) throws { try ecs().call("TagResource", input) }
    public func untagResource(_ input: UntagResourceInput) throws { try ecs().call("UntagResource", input) }

    // MARK: EC2

    public func createVpc(_ input: CreateVpcRequest) throws -> CreateVpcResult {
        var input = input
        let (token, specs) = AWSCloud.tokenTag("vpc", input.TagSpecifications)
        input.TagSpecifications = specs
        return try ec2().call("CreateVpc", input, as: CreateVpcResult.self, probe: { [self] in
            try describeVpcs(DescribeVpcsRequest(Filters: AWSCloud.tokenFilter(token))).Vpcs.first.map { CreateVpcResult(Vpc: $0) }
        })
    }
    public func modifyVpcAttribute(_ input: ModifyVpcAttributeRequest) throws { try ec2().call("ModifyVpcAttribute", input) }
    public func describeVpcs(_ input: DescribeVpcsRequest) throws -> DescribeVpcsResult { try ec2().call("DescribeVpcs", input, as: DescribeVpcsResult.self) }
    public func deleteVpc(_ input: DeleteVpcRequest) throws { try ec2().call("DeleteVpc", input) }
    public func createSubnet(_ input: CreateSubnetRequest) throws -> CreateSubnetResult {
        var input = input
        let (token, specs) = AWSCloud.tokenTag("subnet", input.TagSpecifications)
        input.TagSpecifications = specs
        return try ec2().call("CreateSubnet", input, as: CreateSubnetResult.self, probe: { [self] in
            try describeSubnets(DescribeSubnetsRequest(Filters: AWSCloud.tokenFilter(token))).Subnets.first.map { CreateSubnetResult(Subnet: $0) }
        })
    }
    public func describeSubnets(_ input: DescribeSubnetsRequest) throws -> DescribeSubnetsResult { try ec2().call("DescribeSubnets", input, as: DescribeSubnetsResult.self) }
    public func deleteSubnet(_ input: DeleteSubnetRequest) throws { try ec2().call("DeleteSubnet", input) }
    public func createSecurityGroup(_ input: CreateSecurityGroupRequest) throws -> CreateSecurityGroupResult {
        try ec2().call("CreateSecurityGroup", input, as: CreateSecurityGroupResult.self, probe: { [self] in
            // A group's name is unique within its VPC.
            var filters = [Filter(Name: "group-name", Values: [input.GroupName])]
            if let vpc = input.VpcId { filters.append(Filter(Name: "vpc-id", Values: [vpc])) }
            return try describeSecurityGroups(DescribeSecurityGroupsRequest(Filters: filters)).SecurityGroups.first
                .flatMap { $0.GroupId }.map { CreateSecurityGroupResult(GroupId: $0) }
        })
    }
    public func authorizeSecurityGroupIngress(_ input: AuthorizeSecurityGroupIngressRequest) throws { try ec2().call("AuthorizeSecurityGroupIngress", input) }
    public func describeSecurityGroups(_ input: DescribeSecurityGroupsRequest) throws -> DescribeSecurityGroupsResult { try ec2().call("DescribeSecurityGroups", input, as: DescribeSecurityGroupsResult.self) }
    public func deleteSecurityGroup(_ input: DeleteSecurityGroupRequest) throws { try ec2().call("DeleteSecurityGroup", input) }
    public func createInternetGateway(_ input: CreateInternetGatewayRequest) throws -> CreateInternetGatewayResult {
        var input = input
        let (token, specs) = AWSCloud.tokenTag("internet-gateway", input.TagSpecifications)
        input.TagSpecifications = specs
        return try ec2().call("CreateInternetGateway", input, as: CreateInternetGatewayResult.self, probe: { [self] in
            try describeInternetGateways(DescribeInternetGatewaysRequest(Filters: AWSCloud.tokenFilter(token))).InternetGateways.first
                .map { CreateInternetGatewayResult(InternetGateway: $0) }
        })
    }
    public func attachInternetGateway(_ input: InternetGatewayVpcRequest) throws { try ec2().call("AttachInternetGateway", input) }
    public func detachInternetGateway(_ input: InternetGatewayVpcRequest) throws { try ec2().call("DetachInternetGateway", input) }
    public func deleteInternetGateway(_ input: DeleteInternetGatewayRequest) throws { try ec2().call("DeleteInternetGateway", input) }
    public func describeInternetGateways(_ input: DescribeInternetGatewaysRequest) throws -> DescribeInternetGatewaysResult {
        try ec2().call("DescribeInternetGateways", input, as: DescribeInternetGatewaysResult.self)
    }
    /// CreateRouteTable and CreateNatGateway carry ClientToken: the client fills it once for all attempts.
    public func createRouteTable(_ input: CreateRouteTableRequest) throws -> CreateRouteTableResult { try ec2().call("CreateRouteTable", input, as: CreateRouteTableResult.self) }
    public func deleteRouteTable(_ input: DeleteRouteTableRequest) throws { try ec2().call("DeleteRouteTable", input) }
    public func createRoute(_ input: CreateRouteRequest) throws -> CreateRouteResult {
        try ec2().call("CreateRoute", input, as: CreateRouteResult.self, probe: { [self] in
            // Made already when the table has that destination through that target.
            let table = try describeRouteTables(DescribeRouteTablesRequest(RouteTableIds: [input.RouteTableId])).RouteTables.first
            let made = table?.Routes?.contains { $0.DestinationCidrBlock == input.DestinationCidrBlock && $0.GatewayId == input.GatewayId && $0.NatGatewayId == input.NatGatewayId }
            return made == true ? CreateRouteResult(Return: true) : nil
        })
    }
    public func associateRouteTable(_ input: AssociateRouteTableRequest) throws -> AssociateRouteTableResult {
        try ec2().call("AssociateRouteTable", input, as: AssociateRouteTableResult.self)
    }
    public func disassociateRouteTable(_ input: DisassociateRouteTableRequest) throws { try ec2().call("DisassociateRouteTable", input) }
    public func describeRouteTables(_ input: DescribeRouteTablesRequest) throws -> DescribeRouteTablesResult {
        try ec2().call("DescribeRouteTables", input, as: DescribeRouteTablesResult.self)
    }
    /// No token and no DescribeAddresses here: a lost answer is an error (the address is found by its tag in the console).
    public func allocateAddress(_ input: AllocateAddressRequest) throws -> AllocateAddressResult { try ec2().call("AllocateAddress", input, as: AllocateAddressResult.self) }
    public func releaseAddress(_ input: ReleaseAddressRequest) throws { try ec2().call("ReleaseAddress", input) }
    public func createNatGateway(_ input: CreateNatGatewayRequest) throws -> CreateNatGatewayResult { try ec2().call("CreateNatGateway", input, as: CreateNatGatewayResult.self) }
    public func describeNatGateways(_ input: DescribeNatGatewaysRequest) throws -> DescribeNatGatewaysResult {
        try ec2().call("DescribeNatGateways", input, as: DescribeNatGatewaysResult.self)
    }
    public func deleteNatGateway(_ input: DeleteNatGatewayRequest) throws -> DeleteNatGatewayResult { try ec2().call("DeleteNatGateway", input, as: DeleteNatGatewayResult.self) }

    // MARK: ELBv2

    public func createLoadBalancer(_ input: CreateLoadBalancerInput) throws -> CreateLoadBalancerOutput {
        // AWS: the same name and settings answer with the existing load balancer.
        try elb().call("CreateLoadBalancer", input, as: CreateLoadBalancerOutput.self, isIdempotent: true)
    }
    public func describeLoadBalancers(_ input: DescribeLoadBalancersInput) throws -> DescribeLoadBalancersOutput { try elb().call("DescribeLoadBalancers", input, as: DescribeLoadBalancersOutput.self) }
    public func deleteLoadBalancer(_ input: DeleteLoadBalancerInput) throws { try elb().call("DeleteLoadBalancer", input) }
    public func createTargetGroup(_ input: CreateTargetGroupInput) throws -> CreateTargetGroupOutput {
        // AWS: the same name and settings answer with the existing target group.
        try elb().call("CreateTargetGroup", input, as: CreateTargetGroupOutput.self, isIdempotent: true)
    }
    public func describeTargetGroups(_ input: DescribeTargetGroupsInput) throws -> DescribeTargetGroupsOutput { try elb().call("DescribeTargetGroups", input, as: DescribeTargetGroupsOutput.self) }
    public func deleteTargetGroup(_ input: DeleteTargetGroupInput) throws { try elb().call("DeleteTargetGroup", input) }
    public func registerTargets(_ input: RegisterTargetsInput) throws { try elb().call("RegisterTargets", input) }
    public func deregisterTargets(_ input: DeregisterTargetsInput) throws { try elb().call("DeregisterTargets", input) }
    public func describeTargetHealth(_ input: DescribeTargetHealthInput) throws -> DescribeTargetHealthOutput { try elb().call("DescribeTargetHealth", input, as: DescribeTargetHealthOutput.self) }
    public func createListener(_ input: CreateListenerInput) throws -> CreateListenerOutput {
        // AWS: a listener with the same settings on the same port answers with the existing one.
        try elb().call("CreateListener", input, as: CreateListenerOutput.self, isIdempotent: true)
    }
    public func describeListeners(_ input: DescribeListenersInput) throws -> DescribeListenersOutput { try elb().call("DescribeListeners", input, as: DescribeListenersOutput.self) }
    public func modifyListener(_ input: ModifyListenerInput) throws -> ModifyListenerOutput { try elb().call("ModifyListener", input, as: ModifyListenerOutput.self) }
    public func deleteListener(_ input: DeleteListenerInput) throws { try elb().call("DeleteListener", input) }

    // MARK: ECR

    public func createRepository(_ input: CreateRepositoryRequest) throws -> CreateRepositoryResponse {
        try client("ecr").call("CreateRepository", input, as: CreateRepositoryResponse.self, probe: { [self] in
            try? describeRepositories(DescribeRepositoriesRequest(repositoryNames: [input.repositoryName])).repositories.first
                .map { CreateRepositoryResponse(repository: $0) }
        })
    }
    public func describeRepositories(_ input: DescribeRepositoriesRequest) throws -> DescribeRepositoriesResponse { try client("ecr").call("DescribeRepositories", input, as: DescribeRepositoriesResponse.self) }
    public func deleteRepository(_ input: DeleteRepositoryRequest) throws -> DeleteRepositoryResponse { try client("ecr").call("DeleteRepository", input, as: DeleteRepositoryResponse.self) }
    public func putImage(_ input: PutImageRequest) throws -> PutImageResponse {
        // Retried like any Put: a second PutImage of the same manifest and tag is refused
        // (ImageAlreadyExistsException), never a second image, and `sim push` takes that as done.
        try client("ecr").call("PutImage", input, as: PutImageResponse.self)
    }
    public func describeImages(_ input: DescribeImagesRequest) throws -> DescribeImagesResponse { try client("ecr").call("DescribeImages", input, as: DescribeImagesResponse.self) }

    // MARK: CodeDeploy

    public func createApplication(_ input: CreateApplicationInput) throws -> CreateApplicationOutput {
        try client("codedeploy").call("CreateApplication", input, as: CreateApplicationOutput.self, probe: { [self] in
            try? getApplication(GetApplicationInput(applicationName: input.applicationName)).application.applicationId
                .map { CreateApplicationOutput(applicationId: $0) }
        })
    }
    public func getApplication(_ input: GetApplicationInput) throws -> GetApplicationOutput { try client("codedeploy").call("GetApplication", input, as: GetApplicationOutput.self) }
    public func deleteApplication(_ input: DeleteApplicationInput) throws { try client("codedeploy").call("DeleteApplication", input) }
    public func createDeploymentGroup(_ input: CreateDeploymentGroupInput) throws -> CreateDeploymentGroupOutput {
        try client("codedeploy").call("CreateDeploymentGroup", input, as: CreateDeploymentGroupOutput.self, probe: { [self] in
            try? getDeploymentGroup(GetDeploymentGroupInput(applicationName: input.applicationName, deploymentGroupName: input.deploymentGroupName))
                .deploymentGroupInfo.deploymentGroupId.map { CreateDeploymentGroupOutput(deploymentGroupId: $0) }
        })
    }
    public func getDeploymentGroup(_ input: GetDeploymentGroupInput) throws -> GetDeploymentGroupOutput { try client("codedeploy").call("GetDeploymentGroup", input, as: GetDeploymentGroupOutput.self) }
    public func listDeploymentGroups(_ input: ListDeploymentGroupsInput) throws -> ListDeploymentGroupsOutput { try client("codedeploy").call("ListDeploymentGroups", input, as: ListDeploymentGroupsOutput.self) }
    public func listApplications(_ input: ListApplicationsInput) throws -> ListApplicationsOutput { try client("codedeploy").call("ListApplications", input, as: ListApplicationsOutput.self) }
    public func deleteDeploymentGroup(_ input: DeleteDeploymentGroupInput) throws { try client("codedeploy").call("DeleteDeploymentGroup", input) }
    public func updateDeploymentGroup(_ input: UpdateDeploymentGroupInput) throws -> UpdateDeploymentGroupOutput {
        try client("codedeploy").call("UpdateDeploymentGroup", input, as: UpdateDeploymentGroupOutput.self, isIdempotent: true)
    }
    public func createDeployment(_ input: CreateDeploymentInput) throws -> CreateDeploymentOutput { try client("codedeploy").call("CreateDeployment", input, as: CreateDeploymentOutput.self) }
    public func getDeployment(_ input: GetDeploymentInput) throws -> GetDeploymentOutput { try client("codedeploy").call("GetDeployment", input, as: GetDeploymentOutput.self) }
    public func listDeployments(_ input: ListDeploymentsInput) throws -> ListDeploymentsOutput { try client("codedeploy").call("ListDeployments", input, as: ListDeploymentsOutput.self) }
    public func continueDeployment(_ input: ContinueDeploymentInput) throws { try client("codedeploy").call("ContinueDeployment", input) }
    public func stopDeployment(_ input: StopDeploymentInput) throws -> StopDeploymentOutput { try client("codedeploy").call("StopDeployment", input, as: StopDeploymentOutput.self) }
    public func createDeploymentConfig(_ input: CreateDeploymentConfigInput) throws { try client("codedeploy").call("CreateDeploymentConfig", input) }
    public func batchGetDeploymentTargets(_ input: BatchGetDeploymentTargetsInput) throws -> BatchGetDeploymentTargetsOutput {
        try client("codedeploy").call("BatchGetDeploymentTargets", input, as: BatchGetDeploymentTargetsOutput.self)
    }

    // MARK: CloudWatch

    public func putMetricAlarm(_ input: PutMetricAlarmInput) throws { try client("cloudwatch").call("PutMetricAlarm", input) }
    public func describeAlarms(_ input: DescribeAlarmsInput) throws -> DescribeAlarmsOutput { try client("cloudwatch").call("DescribeAlarms", input, as: DescribeAlarmsOutput.self) }
    public func deleteAlarms(_ input: DeleteAlarmsInput) throws { try client("cloudwatch").call("DeleteAlarms", input) }
    public func getMetricData(_ input: GetMetricDataInput) throws -> GetMetricDataOutput { try client("cloudwatch").call("GetMetricData", input, as: GetMetricDataOutput.self) }

    // MARK: ECS native blue/green

    public func listServiceDeployments(_ input: ListServiceDeploymentsInput) throws -> ListServiceDeploymentsOutput {
        try ecs().call("ListServiceDeployments", input, as: ListServiceDeploymentsOutput.self)
    }
    public func describeServiceDeployments(_ input: DescribeServiceDeploymentsInput) throws -> DescribeServiceDeploymentsOutput {
        try ecs().call("DescribeServiceDeployments", input, as: DescribeServiceDeploymentsOutput.self)
    }
    public func stopServiceDeployment(_ input: StopServiceDeploymentInput) throws -> StopServiceDeploymentOutput {
        // Stopping a deployment already stopping changes nothing: safe to send again.
        try ecs().call("StopServiceDeployment", input, as: StopServiceDeploymentOutput.self, isIdempotent: true)
    }
    public func continueServiceDeployment(_ input: ContinueServiceDeploymentInput) throws -> ContinueServiceDeploymentOutput {
        try ecs().call("ContinueServiceDeployment", input, as: ContinueServiceDeploymentOutput.self, isIdempotent: true)
    }
    public func describeServiceRevisions(_ input: DescribeServiceRevisionsInput) throws -> DescribeServiceRevisionsOutput {
        try ecs().call("DescribeServiceRevisions", input, as: DescribeServiceRevisionsOutput.self)
    }
    public func describeRules(_ input: DescribeRulesInput) throws -> DescribeRulesOutput { try elb().call("DescribeRules", input, as: DescribeRulesOutput.self) }

    // MARK: CodeBuild

    public func createProject(_ input: CreateProjectInput) throws -> CreateProjectOutput {
        try client("codebuild").call("CreateProject", input, as: CreateProjectOutput.self, probe: { [self] in
            try batchGetProjects(BatchGetProjectsInput(names: [input.name])).projects?.first.map { CreateProjectOutput(project: $0) }
        })
    }
    public func updateProject(_ input: CreateProjectInput) throws -> CreateProjectOutput {
        // An update of the same settings makes the same project however often it is sent.
        try client("codebuild").call("UpdateProject", input, as: CreateProjectOutput.self, isIdempotent: true)
    }
    public func batchGetProjects(_ input: BatchGetProjectsInput) throws -> BatchGetProjectsOutput { try client("codebuild").call("BatchGetProjects", input, as: BatchGetProjectsOutput.self) }
    public func listProjects(_ input: ListProjectsInput) throws -> ListProjectsOutput { try client("codebuild").call("ListProjects", input, as: ListProjectsOutput.self) }
    public func deleteProject(_ input: DeleteProjectInput) throws { try client("codebuild").call("DeleteProject", input) }
    public func startBuild(_ input: StartBuildInput) throws -> StartBuildOutput {
        // idempotencyToken (filled by the client): a resent StartBuild starts one build.
        try client("codebuild").call("StartBuild", input, as: StartBuildOutput.self)
    }
    public func batchGetBuilds(_ input: BatchGetBuildsInput) throws -> BatchGetBuildsOutput { try client("codebuild").call("BatchGetBuilds", input, as: BatchGetBuildsOutput.self) }
    public func listBuildsForProject(_ input: ListBuildsForProjectInput) throws -> ListBuildsForProjectOutput {
        try client("codebuild").call("ListBuildsForProject", input, as: ListBuildsForProjectOutput.self)
    }
    public func listBuilds(_ input: ListBuildsInput) throws -> ListBuildsOutput { try client("codebuild").call("ListBuilds", input, as: ListBuildsOutput.self) }
    public func stopBuild(_ input: StopBuildInput) throws -> StopBuildOutput { try client("codebuild").call("StopBuild", input, as: StopBuildOutput.self, isIdempotent: true) }

    // MARK: CodePipeline

    public func createPipeline(_ input: CreatePipelineInput) throws -> CreatePipelineOutput {
        try client("codepipeline").call("CreatePipeline", input, as: CreatePipelineOutput.self, probe: { [self] in
            try? getPipeline(GetPipelineInput(name: input.pipeline.name)).pipeline.map { CreatePipelineOutput(pipeline: $0) }
        })
    }
    public func updatePipeline(_ input: UpdatePipelineInput) throws -> UpdatePipelineOutput {
        try client("codepipeline").call("UpdatePipeline", input, as: UpdatePipelineOutput.self, isIdempotent: true)
    }
    public func getPipeline(_ input: GetPipelineInput) throws -> GetPipelineOutput { try client("codepipeline").call("GetPipeline", input, as: GetPipelineOutput.self) }
    public func listPipelines(_ input: ListPipelinesInput) throws -> ListPipelinesOutput { try client("codepipeline").call("ListPipelines", input, as: ListPipelinesOutput.self) }
    public func deletePipeline(_ input: DeletePipelineInput) throws { try client("codepipeline").call("DeletePipeline", input) }
    public func startPipelineExecution(_ input: StartPipelineExecutionInput) throws -> StartPipelineExecutionOutput {
        // clientRequestToken (filled by the client): a resent start is one execution.
        try client("codepipeline").call("StartPipelineExecution", input, as: StartPipelineExecutionOutput.self)
    }
    public func getPipelineState(_ input: GetPipelineStateInput) throws -> GetPipelineStateOutput { try client("codepipeline").call("GetPipelineState", input, as: GetPipelineStateOutput.self) }
    public func getPipelineExecution(_ input: GetPipelineExecutionInput) throws -> GetPipelineExecutionOutput {
        try client("codepipeline").call("GetPipelineExecution", input, as: GetPipelineExecutionOutput.self)
    }
    public func listPipelineExecutions(_ input: ListPipelineExecutionsInput) throws -> ListPipelineExecutionsOutput {
        try client("codepipeline").call("ListPipelineExecutions", input, as: ListPipelineExecutionsOutput.self)
    }

    // MARK: CloudWatch Logs

    public func getLogEvents(_ input: GetLogEventsInput) throws -> GetLogEventsOutput { try client("logs").call("GetLogEvents", input, as: GetLogEventsOutput.self) }
}
