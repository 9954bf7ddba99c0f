import AWSModel

/// The names of live resources by kind, as a user types them: what TAB offers and what
/// did-you-mean compares against.
public enum ResourceNames {
    /// Every name of `kind` in the session's region (services: in the current cluster).
    /// - Throws: the backend's errors.
    public static func all(_ kind: ResourceKind, in session: Session) throws -> [String] {
        let cloud = try session.cloud()
        switch kind {
        case .cluster:
            return try clusters(cloud)
        case .service:
            guard let cluster = session.cluster else { return [] }
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
        case .codedeployApp, .codedeployGroup:
            return []
        }
    }

    /// The names of the region's ACTIVE clusters, all pages.
    public static func clusters(_ cloud: any Cloud) throws -> [String] {
        try allPages { token in
            let page = try cloud.listClusters(ListClustersInput(nextToken: token))
            return (page.clusterArns.map(lastPathComponent), page.nextToken)
        }
    }

    static func lastPathComponent(_ arn: String) -> String {
        String(arn.split(separator: "/").last ?? Substring(arn))
    }
}
