import AWSModel

/// ECS's native blue/green on the simulator: listener rules (the default rule of each listener,
/// which ECS's advancedConfiguration names), the checks CreateService makes of an
/// advancedConfiguration, and the service-deployment operations. The simulator does not run
/// native blue/green deployments yet: a service has none to list.
extension SimCloud {
    /// A listener's default rule: `listener-rule/app/LB/ID/LISTENER/RULE`, the same every time.
    func defaultRuleArn(of listenerArn: String) -> String {
        let suffix = SimIDs.hex(kind: "rule:" + listenerArn, number: 1, length: 16)
        return listenerArn.replacingOccurrences(of: ":listener/", with: ":listener-rule/") + "/" + suffix
    }

    func defaultRule(of listener: Listener) -> Rule {
        var rule = Rule()
        rule.RuleArn = defaultRuleArn(of: listener.ListenerArn ?? "")
        rule.Priority = "default"
        rule.Conditions = []
        rule.Actions = listener.DefaultActions
        rule.IsDefault = true
        return rule
    }

    /// The listener whose default rule `ruleArn` is, if any.
    func listener(ofRule ruleArn: String, _ tx: SimStore.Transaction) throws -> Listener? {
        try tx.all(Listener.self, region: region, kind: SimCloud.listenerKind).first { defaultRuleArn(of: $0.ListenerArn ?? "") == ruleArn }
    }

    public func describeRules(_ input: DescribeRulesInput) throws -> DescribeRulesOutput {
        guard (input.ListenerArn == nil) != (input.RuleArns == nil) else {
            throw AWSError("ValidationError", "You must specify either listener ARN or rule ARNs, but not both")
        }
        return try read("DescribeRules") { tx in
            if let arn = input.ListenerArn {
                guard let listener = try tx.get(Listener.self, region: region, kind: SimCloud.listenerKind, id: arn) else {
                    throw AWSError("ListenerNotFound", "One or more listeners not found")
                }
                return DescribeRulesOutput(Rules: [defaultRule(of: listener)], NextMarker: nil)
            }
            var rules: [Rule] = []
            for arn in input.RuleArns ?? [] {
                guard let listener = try listener(ofRule: arn, tx) else { throw AWSError("RuleNotFound", "One or more rules not found") }
                rules.append(defaultRule(of: listener))
            }
            return DescribeRulesOutput(Rules: rules, NextMarker: nil)
        }
    }

    /// CreateService's checks of a load balancer's advancedConfiguration (ECS's native blue/green).
    func validateAdvanced(_ tx: SimStore.Transaction, _ lb: ServiceLoadBalancer, controller: String) throws {
        guard let advanced = lb.advancedConfiguration else { return }
        guard controller == "ECS" else {
            throw AWSError("InvalidParameterException", "advancedConfiguration is only supported with the ECS deployment controller.")
        }
        guard let role = advanced.roleArn, role.hasPrefix("arn:aws:iam::"), role.contains(":role/") else {
            throw AWSError("InvalidParameterException", "The roleArn in advancedConfiguration must be the ARN of an IAM role that ECS can assume to manage the load balancer.")
        }
        guard let alternate = advanced.alternateTargetGroupArn,
              try tx.get(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, id: alternate) != nil else {
            throw AWSError("InvalidParameterException", "Unable to find the alternate target group \(advanced.alternateTargetGroupArn ?? "") (TargetGroupNotFound)")
        }
        guard alternate != lb.targetGroupArn else {
            throw AWSError("InvalidParameterException", "The alternate target group must differ from the target group.")
        }
        guard let production = advanced.productionListenerRule, let prodListener = try listener(ofRule: production, tx) else {
            throw AWSError("InvalidParameterException", "Unable to find the production listener rule \(advanced.productionListenerRule ?? "") (RuleNotFound)")
        }
        var groups = Set(SimCloud.targetGroupArns(of: prodListener.DefaultActions ?? []))
        if let test = advanced.testListenerRule {
            guard let testListener = try listener(ofRule: test, tx) else {
                throw AWSError("InvalidParameterException", "Unable to find the test listener rule \(test) (RuleNotFound)")
            }
            groups.formUnion(SimCloud.targetGroupArns(of: testListener.DefaultActions ?? []))
        }
        guard groups.contains(lb.targetGroupArn ?? ""), groups.contains(alternate) else {
            throw AWSError("InvalidParameterException",
                           "Both targetGroup and alternateTargetGroup must be associated with the productionListenerRule or testListenerRule.")
        }
    }

    public func listServiceDeployments(_ input: ListServiceDeploymentsInput) throws -> ListServiceDeploymentsOutput {
        try read("ListServiceDeployments") { tx in
            _ = try requireService(tx, cluster: input.cluster, input.service)
            return ListServiceDeploymentsOutput(serviceDeployments: [], nextToken: nil)
        }
    }

    public func describeServiceDeployments(_ input: DescribeServiceDeploymentsInput) throws -> DescribeServiceDeploymentsOutput {
        guard (1...20).contains(input.serviceDeploymentArns.count) else {
            throw AWSError("InvalidParameterException", "serviceDeploymentArns must hold 1 to 20 ARNs")
        }
        return try read("DescribeServiceDeployments") { _ in
            DescribeServiceDeploymentsOutput(serviceDeployments: [], failures: input.serviceDeploymentArns.map { Failure(arn: $0, reason: "MISSING", detail: nil) })
        }
    }

    public func stopServiceDeployment(_ input: StopServiceDeploymentInput) throws -> StopServiceDeploymentOutput {
        try write("StopServiceDeployment") { _ in
            throw AWSError("ServiceDeploymentNotFoundException", "The service deployment \(input.serviceDeploymentArn) does not exist")
        }
    }

    public func continueServiceDeployment(_ input: ContinueServiceDeploymentInput) throws -> ContinueServiceDeploymentOutput {
        try write("ContinueServiceDeployment") { _ in
            throw AWSError("ServiceDeploymentNotFoundException", "The service deployment \(input.serviceDeploymentArn) does not exist")
        }
    }

    public func describeServiceRevisions(_ input: DescribeServiceRevisionsInput) throws -> DescribeServiceRevisionsOutput {
        guard (1...20).contains(input.serviceRevisionArns.count) else {
            throw AWSError("InvalidParameterException", "serviceRevisionArns must hold 1 to 20 ARNs")
        }
        return try read("DescribeServiceRevisions") { _ in
            DescribeServiceRevisionsOutput(serviceRevisions: [], failures: input.serviceRevisionArns.map { Failure(arn: $0, reason: "MISSING", detail: nil) })
        }
    }
}
