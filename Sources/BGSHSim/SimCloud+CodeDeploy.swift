import AWSModel

extension SimCloud {
    static let applicationKind = "cd.app"
    static let deploymentGroupKind = "cd.group"

    /// CodeDeploy's predefined ECS deployment configurations.
    static let ecsDeploymentConfigs = [
        "CodeDeployDefault.ECSAllAtOnce",
        "CodeDeployDefault.ECSCanary10Percent5Minutes", "CodeDeployDefault.ECSCanary10Percent15Minutes",
        "CodeDeployDefault.ECSLinear10PercentEvery1Minutes", "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
    ]

    func requireApplication(_ tx: SimStore.Transaction, _ name: String) throws -> ApplicationInfo {
        guard let app = try tx.get(ApplicationInfo.self, region: region, kind: SimCloud.applicationKind, id: name) else {
            throw AWSError("ApplicationDoesNotExistException", "No application found for name: \(name)")
        }
        return app
    }

    public func createApplication(_ input: CreateApplicationInput) throws -> CreateApplicationOutput {
        guard !input.applicationName.isEmpty, input.applicationName.count <= 100 else {
            throw AWSError("InvalidApplicationNameException", "The application name must be 1-100 characters")
        }
        let platform = input.computePlatform ?? "Server"
        guard ["Server", "Lambda", "ECS"].contains(platform) else {
            throw AWSError("InvalidComputePlatformException", "The computePlatform is invalid: \(platform)")
        }
        return try write("CreateApplication") { tx in
            if try tx.get(ApplicationInfo.self, region: region, kind: SimCloud.applicationKind, id: input.applicationName) != nil {
                throw AWSError("ApplicationAlreadyExistsException", "The application already exists: \(input.applicationName)")
            }
            var app = ApplicationInfo()
            app.applicationId = SimIDs.uuid(kind: "cd.app", number: try tx.nextNumber("id.cd.app"))
            app.applicationName = input.applicationName
            app.createTime = try now(tx)
            app.linkedToGitHub = false
            app.computePlatform = platform
            try tx.put(app, region: region, kind: SimCloud.applicationKind, id: input.applicationName, name: input.applicationName)
            return CreateApplicationOutput(applicationId: app.applicationId!)
        }
    }

    public func getApplication(_ input: GetApplicationInput) throws -> GetApplicationOutput {
        try read("GetApplication") { tx in GetApplicationOutput(application: try requireApplication(tx, input.applicationName)) }
    }

    public func deleteApplication(_ input: DeleteApplicationInput) throws {
        try write("DeleteApplication") { tx in
            // AWS: deleting an application that does not exist succeeds; its groups go with it.
            for group in try tx.all(DeploymentGroupInfo.self, region: region, kind: SimCloud.deploymentGroupKind)
            where group.applicationName == input.applicationName {
                try tx.delete(region: region, kind: SimCloud.deploymentGroupKind, id: "\(input.applicationName)/\(group.deploymentGroupName ?? "")")
            }
            try tx.delete(region: region, kind: SimCloud.applicationKind, id: input.applicationName)
        }
    }

    public func createDeploymentGroup(_ input: CreateDeploymentGroupInput) throws -> CreateDeploymentGroupOutput {
        guard !input.deploymentGroupName.isEmpty, input.deploymentGroupName.count <= 100 else {
            throw AWSError("InvalidDeploymentGroupNameException", "The deployment group name must be 1-100 characters")
        }
        guard input.serviceRoleArn.hasPrefix("arn:aws:iam::") else {
            throw AWSError("InvalidRoleException", "The service role ARN is not valid: \(input.serviceRoleArn)")
        }
        let config = input.deploymentConfigName ?? "CodeDeployDefault.ECSAllAtOnce"
        return try write("CreateDeploymentGroup") { tx in
            let app = try requireApplication(tx, input.applicationName)
            guard app.computePlatform == "ECS" else {
                throw AWSError("InvalidComputePlatformException", "The application \(input.applicationName) is not an ECS application")
            }
            let isCustom = try tx.meta("cd.config." + config) != nil
            guard SimCloud.ecsDeploymentConfigs.contains(config) || isCustom else {
                throw AWSError("DeploymentConfigDoesNotExistException", "The deployment configuration does not exist: \(config)")
            }
            let key = "\(input.applicationName)/\(input.deploymentGroupName)"
            if try tx.get(DeploymentGroupInfo.self, region: region, kind: SimCloud.deploymentGroupKind, id: key) != nil {
                throw AWSError("DeploymentGroupAlreadyExistsException",
                               "The deployment group \(input.deploymentGroupName) already exists in application \(input.applicationName)")
            }
            guard input.deploymentStyle?.deploymentType == "BLUE_GREEN", input.deploymentStyle?.deploymentOption == "WITH_TRAFFIC_CONTROL" else {
                throw AWSError("InvalidDeploymentStyleException", "ECS deployments require BLUE_GREEN with WITH_TRAFFIC_CONTROL")
            }
            guard let services = input.ecsServices, services.count == 1 else {
                throw AWSError("InvalidECSServiceException", "An ECS deployment group needs exactly one ECS service")
            }
            for service in services {
                guard let found = try tx.get(Service.self, region: region, kind: SimCloud.serviceKind,
                                             id: "\(service.clusterName)/\(service.serviceName)"), found.status == "ACTIVE" else {
                    throw AWSError("InvalidECSServiceException",
                                   "The ECS service \(service.serviceName) in cluster \(service.clusterName) does not exist")
                }
                guard found.deploymentController?.type == "CODE_DEPLOY" else {
                    throw AWSError("InvalidECSServiceException",
                                   "The ECS service \(service.serviceName) does not use the CODE_DEPLOY deployment controller")
                }
                let others = try tx.all(DeploymentGroupInfo.self, region: region, kind: SimCloud.deploymentGroupKind)
                if others.contains(where: { $0.ecsServices?.contains(service) == true }) {
                    throw AWSError("ECSServiceMappingLimitExceededException",
                                   "The ECS service \(service.serviceName) is already associated with a deployment group")
                }
            }
            guard let pairs = input.loadBalancerInfo?.targetGroupPairInfoList, pairs.count == 1,
                  let groups = pairs[0].targetGroups, groups.count == 2 else {
                throw AWSError("InvalidTargetGroupPairException", "An ECS deployment group needs one target group pair of two target groups")
            }
            for group in groups where try tx.find(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, name: group.name).isEmpty {
                throw AWSError("InvalidTargetGroupPairException", "The target group \(group.name) does not exist")
            }
            for arn in (pairs[0].prodTrafficRoute?.listenerArns ?? []) + (pairs[0].testTrafficRoute?.listenerArns ?? [])
            where try tx.get(Listener.self, region: region, kind: SimCloud.listenerKind, id: arn) == nil {
                throw AWSError("InvalidTargetGroupPairException", "The listener \(arn) does not exist")
            }
            guard !(pairs[0].prodTrafficRoute?.listenerArns ?? []).isEmpty else {
                throw AWSError("InvalidTargetGroupPairException", "A production traffic route (listener) is required")
            }
            var info = DeploymentGroupInfo()
            info.applicationName = input.applicationName
            info.deploymentGroupId = SimIDs.uuid(kind: "cd.group", number: try tx.nextNumber("id.cd.group"))
            info.deploymentGroupName = input.deploymentGroupName
            info.deploymentConfigName = config
            info.serviceRoleArn = input.serviceRoleArn
            info.deploymentStyle = input.deploymentStyle
            info.blueGreenDeploymentConfiguration = input.blueGreenDeploymentConfiguration
            info.ecsServices = input.ecsServices
            info.loadBalancerInfo = input.loadBalancerInfo
            info.autoRollbackConfiguration = input.autoRollbackConfiguration
            info.alarmConfiguration = input.alarmConfiguration
            info.computePlatform = "ECS"
            try tx.put(info, region: region, kind: SimCloud.deploymentGroupKind, id: key, name: input.deploymentGroupName)
            return CreateDeploymentGroupOutput(deploymentGroupId: info.deploymentGroupId!)
        }
    }

    public func updateDeploymentGroup(_ input: UpdateDeploymentGroupInput) throws -> UpdateDeploymentGroupOutput {
        try write("UpdateDeploymentGroup") { tx in
            _ = try requireApplication(tx, input.applicationName)
            let id = "\(input.applicationName)/\(input.currentDeploymentGroupName)"
            guard var info = try tx.get(DeploymentGroupInfo.self, region: region, kind: SimCloud.deploymentGroupKind, id: id) else {
                throw AWSError("DeploymentGroupDoesNotExistException", "No Deployment Group found for name: \(input.currentDeploymentGroupName)")
            }
            if let minutes = input.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes,
               !(0...2880).contains(minutes) {
                throw AWSError("InvalidBlueGreenDeploymentConfigurationException", "terminationWaitTimeInMinutes must be 0-2880")
            }
            if let blueGreen = input.blueGreenDeploymentConfiguration { info.blueGreenDeploymentConfiguration = blueGreen }
            if let alarms = input.alarmConfiguration { info.alarmConfiguration = alarms }
            if let rollback = input.autoRollbackConfiguration { info.autoRollbackConfiguration = rollback }
            try tx.put(info, region: region, kind: SimCloud.deploymentGroupKind, id: id, name: input.currentDeploymentGroupName)
            return UpdateDeploymentGroupOutput()
        }
    }

    public func getDeploymentGroup(_ input: GetDeploymentGroupInput) throws -> GetDeploymentGroupOutput {
        try read("GetDeploymentGroup") { tx in
            _ = try requireApplication(tx, input.applicationName)
            guard let info = try tx.get(DeploymentGroupInfo.self, region: region, kind: SimCloud.deploymentGroupKind,
                                        id: "\(input.applicationName)/\(input.deploymentGroupName)") else {
                throw AWSError("DeploymentGroupDoesNotExistException", "No Deployment Group found for name: \(input.deploymentGroupName)")
            }
            return GetDeploymentGroupOutput(deploymentGroupInfo: info)
        }
    }

    public func listDeploymentGroups(_ input: ListDeploymentGroupsInput) throws -> ListDeploymentGroupsOutput {
        try read("ListDeploymentGroups") { tx in
            _ = try requireApplication(tx, input.applicationName)
            let groups = try tx.all(DeploymentGroupInfo.self, region: region, kind: SimCloud.deploymentGroupKind)
                .filter { $0.applicationName == input.applicationName }.compactMap(\.deploymentGroupName)
            return ListDeploymentGroupsOutput(applicationName: input.applicationName, deploymentGroups: groups)
        }
    }

    public func listApplications(_ input: ListApplicationsInput) throws -> ListApplicationsOutput {
        try read("ListApplications") { tx in
            let names = try tx.all(ApplicationInfo.self, region: region, kind: SimCloud.applicationKind).compactMap(\.applicationName).sorted()
            // CodeDeploy pages by 100.
            let start = try input.nextToken.map { token -> Int in
                guard let n = Int(token), n >= 0, n <= names.count else { throw AWSError("InvalidNextTokenException", "The next token was specified in an invalid format.") }
                return n
            } ?? 0
            let end = min(names.count, start + 100)
            return ListApplicationsOutput(applications: Array(names[start..<end]), nextToken: end < names.count ? String(end) : nil)
        }
    }

    public func deleteDeploymentGroup(_ input: DeleteDeploymentGroupInput) throws {
        try write("DeleteDeploymentGroup") { tx in
            _ = try requireApplication(tx, input.applicationName)
            try tx.delete(region: region, kind: SimCloud.deploymentGroupKind, id: "\(input.applicationName)/\(input.deploymentGroupName)")
        }
    }
}
