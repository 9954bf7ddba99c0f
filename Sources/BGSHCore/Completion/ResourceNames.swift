import AWSModel

/// The names of live resources by kind, as a user types them: what TAB offers and what
/// did-you-mean compares against.
public enum ResourceNames {
    /// Every name of `kind` in the session's region (services: in the current cluster).
    /// - Throws: the backend's errors.
    public static func all(_ kind: ResourceKind, in session: Session) throws -> [String] {
        try all(kind, cloud: try session.cloud(), cluster: session.cluster)
    }

    /// Every name of `kind` a cloud has (services: in `cluster`, none without one).
    /// - Throws: the backend's errors.
    public static func all(_ kind: ResourceKind, cloud: any Cloud, cluster: String?) throws -> [String] {
        switch kind {
        case .cluster:
            return try clusters(cloud)
        case .service:
            guard let cluster else { return [] }
            return try allPages { token in
                let page = try cloud.listServices(ListServicesInput(cluster: cluster, nextToken: token))
                return (page.serviceArns.map(lastPathComponent), page.nextToken)
            }
        case .taskdefFamily:
            return try cloud.listAllTaskDefinitionFamilies()
        case .targetGroup:
            return try cloud.describeAllTargetGroups().compactMap(\.TargetGroupName)
        case .loadBalancer:
            return try cloud.describeAllLoadBalancers().compactMap(\.LoadBalancerName)
        case .listener:
            var names: [String] = []
            for lb in try cloud.describeAllLoadBalancers() {
                let listeners = try cloud.describeListeners(DescribeListenersInput(LoadBalancerArn: lb.LoadBalancerArn))
                names += listeners.Listeners.map { "\(lb.LoadBalancerName ?? ""):\($0.Port ?? 0)" }
            }
            return names
        case .vpc:
            return try cloud.describeVpcs(DescribeVpcsRequest()).Vpcs.flatMap { vpc in
                [vpc.VpcId].compactMap { $0 } + (vpc.Tags ?? []).filter { $0.Key == "Name" }.map(\.Value)
            }
        case .subnet:
            return try cloud.describeSubnets(DescribeSubnetsRequest()).Subnets.compactMap(\.SubnetId)
        case .securityGroup:
            return try cloud.describeSecurityGroups(DescribeSecurityGroupsRequest()).SecurityGroups.flatMap { [$0.GroupId, $0.GroupName].compactMap { $0 } }
        case .ecrRepository:
            return try cloud.describeAllRepositories().compactMap(\.repositoryName)
        case .alarm:
            return try cloud.describeAllAlarms().compactMap(\.AlarmName)
        case .codedeployApp:
            return try applications(cloud)
        case .codebuildProject:
            return try cloud.listAllProjects()
        case .build:
            return try cloud.listBuilds(ListBuildsInput(sortOrder: "DESCENDING")).ids ?? []
        case .pipeline:
            return try cloud.listAllPipelines().compactMap(\.name)
        case .codedeployGroup:
            return try Array(Set(try applications(cloud).flatMap { app in
                try cloud.listDeploymentGroups(ListDeploymentGroupsInput(applicationName: app)).deploymentGroups
            })).sorted()
        }
    }

    /// `NAME<TAB>description` of the kinds TAB describes: a target group's health
    /// (`healthy 2/2`), a task definition family's latest image.
    public static func described(_ kind: ResourceKind, cloud: any Cloud) throws -> [String] {
        switch kind {
        case .targetGroup:
            return try cloud.describeAllTargetGroups().map { tg in
                let states = try cloud.describeTargetHealth(DescribeTargetHealthInput(TargetGroupArn: tg.TargetGroupArn ?? "")).TargetHealthDescriptions.map(\.TargetHealth.State)
                let healthy = states.filter { $0 == "healthy" }.count
                return "\(tg.TargetGroupName ?? "")\t" + (states.isEmpty ? "no targets" : "\(TargetHealth.summary(of: states)) \(healthy)/\(states.count)")
            }
        case .taskdefFamily:
            return try cloud.listAllTaskDefinitionFamilies().map { family in
                let latest = try cloud.describeTaskDefinition(DescribeTaskDefinitionInput(taskDefinition: family)).taskDefinition
                let image = latest.containerDefinitions?.first?.image ?? "-"
                return "\(family)\t:\(latest.revision ?? 0) \(image)"
            }
        default:
            return []
        }
    }

    /// `FAMILY:REV` of a family's ACTIVE revisions, newest first.
    public static func revisions(of family: String, cloud: any Cloud) throws -> [String] {
        let arns = try allPages { token in
            let page = try cloud.listTaskDefinitions(ListTaskDefinitionsInput(familyPrefix: family, status: "ACTIVE", sort: "DESC", nextToken: token))
            return (page.taskDefinitionArns, page.nextToken)
        }
        return arns.map(lastPathComponent).filter { $0.hasPrefix(family + ":") }
    }

    /// `REPO:TAG` of a repository's tagged images.
    public static func imageTags(of repository: String, cloud: any Cloud) throws -> [String] {
        try cloud.describeAllImages(DescribeImagesRequest(repositoryName: repository)).flatMap { $0.imageTags ?? [] }.map { repository + ":" + $0 }
    }

    /// The region's ACTIVE clusters, all pages.
    public static func clusters(_ cloud: any Cloud) throws -> [String] {
        try allPages { token in
            let page = try cloud.listClusters(ListClustersInput(nextToken: token))
            return (page.clusterArns.map(lastPathComponent), page.nextToken)
        }
    }

    /// The region's CodeDeploy applications, all pages.
    public static func applications(_ cloud: any Cloud) throws -> [String] {
        try allPages { token in
            let page = try cloud.listApplications(ListApplicationsInput(nextToken: token))
            return (page.applications ?? [], page.nextToken)
        }
    }

    static func lastPathComponent(_ arn: String) -> String {
        String(arn.split(separator: "/").last ?? Substring(arn))
    }
}
