import AWSModel

/// ECS's native blue/green on the simulator: listener rules (the default rule of each listener,
/// which ECS's advancedConfiguration names), the checks CreateService makes of an
/// advancedConfiguration, and the service-deployment operations over the deployments that
/// SimCloud+NativeDeployments runs.
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
        if let max = input.maxResults, !(1...100).contains(max) { throw AWSError("InvalidParameterException", "maxResults must be between 1 and 100") }
        return try write("ListServiceDeployments") { tx in
            let now = try now(tx)
            try progressNative(tx, now: now)
            let (cluster, service) = try requireService(tx, cluster: input.cluster, input.service)
            let key = "\(cluster.clusterName)/\(service.serviceName ?? "")"
            let all = try tx.find(SimNativeDeployment.self, region: region, kind: SimCloud.nativeDeploymentKind, name: key).reversed()
                .filter { d in input.status.map { $0.contains(d.record.status ?? "") } ?? true }
            return try SimPaging.page(Array(all), nextToken: input.nextToken, maxResults: input.maxResults ?? 20, limit: 100) { page, next in
                ListServiceDeploymentsOutput(serviceDeployments: page.map { d in
                    var brief = ServiceDeploymentBrief()
                    brief.serviceDeploymentArn = d.record.serviceDeploymentArn
                    brief.serviceArn = d.record.serviceArn
                    brief.clusterArn = d.record.clusterArn
                    brief.startedAt = d.record.startedAt
                    brief.createdAt = d.record.createdAt
                    brief.finishedAt = d.record.finishedAt
                    brief.targetServiceRevisionArn = d.record.targetServiceRevision?.arn
                    brief.status = d.record.status
                    brief.statusReason = d.record.statusReason
                    return brief
                }, nextToken: next)
            }
        }
    }

    public func describeServiceDeployments(_ input: DescribeServiceDeploymentsInput) throws -> DescribeServiceDeploymentsOutput {
        guard (1...20).contains(input.serviceDeploymentArns.count) else {
            throw AWSError("InvalidParameterException", "serviceDeploymentArns must hold 1 to 20 ARNs")
        }
        return try write("DescribeServiceDeployments") { tx in
            let now = try now(tx)
            try progressNative(tx, now: now)
            var found: [ServiceDeploymentRecord] = [], failures: [Failure] = []
            for arn in input.serviceDeploymentArns {
                if let d = try tx.get(SimNativeDeployment.self, region: region, kind: SimCloud.nativeDeploymentKind, id: arn) {
                    found.append(try viewNative(tx, d, now: now))
                } else {
                    failures.append(Failure(arn: arn, reason: "MISSING", detail: nil))
                }
            }
            return DescribeServiceDeploymentsOutput(serviceDeployments: found, failures: failures)
        }
    }

    public func stopServiceDeployment(_ input: StopServiceDeploymentInput) throws -> StopServiceDeploymentOutput {
        if let type = input.stopType, !["ABORT", "ROLLBACK"].contains(type) {
            throw AWSError("InvalidParameterException", "stopType must be ABORT or ROLLBACK")
        }
        return try write("StopServiceDeployment") { tx in
            let now = try now(tx)
            try progressNative(tx, now: now)
            var d = try requireNative(tx, input.serviceDeploymentArn)
            switch d.record.status {
            case "PENDING"?, "IN_PROGRESS"?:
                guard d.record.lifecycleStage != "CLEAN_UP" else {
                    throw AWSError("ConflictException", "The service deployment is cleaning up: blue is being removed and there is nothing to roll back to")
                }
                requestNativeRollback(&d, reason: "Service deployment rolled back because of a StopServiceDeployment request", now: now)
                try step(tx, &d, now: now)
                try saveNative(tx, d)
            case "ROLLBACK_REQUESTED"?, "ROLLBACK_IN_PROGRESS"?, "STOP_REQUESTED"?:
                break  // AWS: a stop of a deployment already stopping just continues
            default:
                throw AWSError("ConflictException", "The service deployment is \(d.record.status ?? "") and cannot be stopped")
            }
            return StopServiceDeploymentOutput(serviceDeploymentArn: input.serviceDeploymentArn)
        }
    }

    public func continueServiceDeployment(_ input: ContinueServiceDeploymentInput) throws -> ContinueServiceDeploymentOutput {
        if let action = input.action, !["CONTINUE", "ROLLBACK"].contains(action) {
            throw AWSError("InvalidParameterException", "action must be CONTINUE or ROLLBACK")
        }
        return try write("ContinueServiceDeployment") { tx in
            let now = try now(tx)
            try progressNative(tx, now: now)
            var d = try requireNative(tx, input.serviceDeploymentArn)
            guard d.record.status == "IN_PROGRESS" else {
                throw AWSError("InvalidParameterException", "The service deployment is \(d.record.status ?? ""): only one IN_PROGRESS can be continued")
            }
            guard let h = d.hooks.firstIndex(where: { $0.hookId == input.hookId }), d.hooks[h].status == "AWAITING_ACTION" else {
                throw AWSError("InvalidParameterException", "The lifecycle hook \(input.hookId) is not awaiting action")
            }
            if input.action == "ROLLBACK" {
                d.hooks[h].status = "FAILED"
                requestNativeRollback(&d, reason: "Service deployment rolled back because the lifecycle hook \(input.hookId) was continued with ROLLBACK", now: now)
            } else {
                d.hooks[h].status = "SUCCEEDED"
                d.stageAt = now
            }
            try step(tx, &d, now: now)
            try saveNative(tx, d)
            return ContinueServiceDeploymentOutput(serviceDeploymentArn: input.serviceDeploymentArn)
        }
    }

    public func describeServiceRevisions(_ input: DescribeServiceRevisionsInput) throws -> DescribeServiceRevisionsOutput {
        guard (1...20).contains(input.serviceRevisionArns.count) else {
            throw AWSError("InvalidParameterException", "serviceRevisionArns must hold 1 to 20 ARNs")
        }
        return try read("DescribeServiceRevisions") { tx in
            var found: [ServiceRevision] = [], failures: [Failure] = []
            for arn in input.serviceRevisionArns {
                if let r = try tx.get(ServiceRevision.self, region: region, kind: SimCloud.revisionKind, id: arn) { found.append(r) } else {
                    failures.append(Failure(arn: arn, reason: "MISSING", detail: nil))
                }
            }
            return DescribeServiceRevisionsOutput(serviceRevisions: found, failures: failures)
        }
    }
}
