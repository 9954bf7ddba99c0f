import AWSModel
import BGSHDeploy
import BGSHSyntax
import Foundation
import Testing

/// The build and pipeline commands with `--backend aws` against moto, read back by the aws CLI.
@Suite struct BuildPipelineOnMotoTests {
    /// The seed's codebuild-project.json, as it is: made by `codebuild create`, read back by the
    /// aws CLI with the same settings; re-run, it changes nothing; a build started is seen by the
    /// aws CLI and by `build status` and `build list`.
    @Test func theSeedsProjectAndABuild() throws {
        let home = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let region = "ca-central-1"
        try FileManager.default.copyItem(atPath: repositoryRoot + "/scripts/examples/seed", toPath: home + "/seed")
        let env = try Moto.environment(home: home)
        let bgsh = { (command: String) in try run(bgshBinary, ["--backend", "aws", "--region", region, "-c", command], environment: env, in: home) }

        let made = try bgsh("codebuild create seed/codebuild-project.json")
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out == "arn:aws:codebuild:\(region):123456789012:project/my-ecs-app-build\n")
        let again = try bgsh("codebuild create seed/codebuild-project.json")
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out == made.out && again.err.contains("exists with these settings"))

        let seed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: home + "/seed/codebuild-project.json"))) as? [String: Any] ?? [:]
        let projects = try awsCLI(["codebuild", "batch-get-projects", "--names", "my-ecs-app-build"], region: region, home: home)["projects"] as? [[String: Any]] ?? []
        let project = try #require(projects.first)
        let source = project["source"] as? [String: Any], seedSource = seed["source"] as? [String: Any]
        #expect(source?["location"] as? String == seedSource?["location"] as? String)
        #expect(source?["buildspec"] as? String == "buildspec.yaml" && source?["type"] as? String == "GITHUB")
        #expect(project["serviceRole"] as? String == seed["serviceRole"] as? String)
        let variables = ((project["environment"] as? [String: Any])?["environmentVariables"] as? [[String: Any]] ?? []).compactMap { "\($0["name"] ?? "")=\($0["value"] ?? "")" }
        #expect(variables == ["AWS_REGION=us-east-1", "AWS_ACCOUNT_ID=123456789012", "IMAGE_REPO_NAME=ecs-demo-app", "IMAGE_TAG=v1", "CONTAINER_NAME=php-app"])
        #expect((project["artifacts"] as? [String: Any])?["type"] as? String == "NO_ARTIFACTS")

        let started = try bgsh("build start my-ecs-app-build --env IMAGE_TAG=v9")
        #expect(started.status == 0, "\(started.err)")
        let id = started.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasPrefix("my-ecs-app-build:"))
        let ids = try awsCLI(["codebuild", "list-builds-for-project", "--project-name", "my-ecs-app-build"], region: region, home: home)["ids"] as? [String]
        #expect(ids == [id])
        let builds = try awsCLI(["codebuild", "batch-get-builds", "--ids", id], region: region, home: home)["builds"] as? [[String: Any]] ?? []
        #expect(builds.first?["projectName"] as? String == "my-ecs-app-build")
        let status = try bgsh("build status \(id) --get builds.0.projectName")
        #expect(status.status == 0 && status.out == "my-ecs-app-build\n", "\(status.err)")
        let list = try bgsh("build list my-ecs-app-build --output text")
        #expect(list.status == 0 && list.out == id + "\n", "\(list.err)")
        let stop = try bgsh("build stop \(id)")
        #expect(stop.status == 0, "\(stop.err)")
        let deleted = try bgsh("codebuild delete my-ecs-app-build --yes")
        #expect(deleted.status == 0, "\(deleted.err)")
        let left = try awsCLI(["codebuild", "list-projects"], region: region, home: home)["projects"] as? [String]
        #expect(left == [])
    }

    /// A pipeline (source, build) made by `pipeline create`, read back by the aws CLI; re-run with
    /// the same file, nothing changes; with a changed one, UpdatePipeline. moto wants a role that
    /// CodePipeline may assume: the aws CLI makes it first (bgsh has no IAM commands).
    @Test func aPipelineIsCreatedAndReadBack() throws {
        let home = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let region = "sa-east-1"
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codepipeline.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let role = try awsCLI(["iam", "create-role", "--role-name", "bgsh-pipeline-role-\(UUID().uuidString.prefix(8))", "--assume-role-policy-document", trust],
                              region: region, home: home)
        let roleArn = try #require((role["Role"] as? [String: Any])?["Arn"] as? String)
        let pipeline = #"""
        {"pipeline": {"name": "bgsh-moto-pipeline", "roleArn": "${ROLE}",
          "artifactStore": {"type": "S3", "location": "bgsh-artifacts"},
          "stages": [
            {"name": "Source", "actions": [{"name": "Source", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
              "configuration": {"S3Bucket": "bgsh-source", "S3ObjectKey": "app.zip"}, "outputArtifacts": [{"name": "SourceArtifact"}]}]},
            {"name": "Build", "actions": [{"name": "Build", "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
              "configuration": {"ProjectName": "${PROJECT}"}, "inputArtifacts": [{"name": "SourceArtifact"}], "outputArtifacts": [{"name": "BuildArtifact"}]}]}
          ], "version": 1}}
        """#
        try pipeline.write(toFile: home + "/pipeline.json", atomically: true, encoding: .utf8)
        let env = try Moto.environment(home: home)
        let bgsh = { (command: String) in
            try run(bgshBinary, ["--backend", "aws", "--region", region, "-c", "set ROLE \(roleArn); " + command], environment: env, in: home)
        }
        let made = try bgsh("set PROJECT app-build; pipeline create pipeline.json")
        #expect(made.status == 0, "\(made.err)")
        let got = try awsCLI(["codepipeline", "get-pipeline", "--name", "bgsh-moto-pipeline"], region: region, home: home)
        let declaration = try #require(got["pipeline"] as? [String: Any])
        #expect(declaration["roleArn"] as? String == roleArn)
        let stages = declaration["stages"] as? [[String: Any]] ?? []
        #expect(stages.compactMap { $0["name"] as? String } == ["Source", "Build"])
        let build = (stages.last?["actions"] as? [[String: Any]])?.first
        #expect((build?["configuration"] as? [String: String])?["ProjectName"] == "app-build")
        #expect(made.out.hasPrefix("arn:aws:codepipeline:\(region):"))

        let again = try bgsh("set PROJECT app-build; pipeline create pipeline.json")
        #expect(again.status == 0 && again.err.contains("exists with this declaration"), "\(again.err)")
        let changed = try bgsh("set PROJECT other-build; pipeline create pipeline.json")
        #expect(changed.status == 0 && changed.err.contains("updated pipeline bgsh-moto-pipeline"), "\(changed.err)")
        let after = try awsCLI(["codepipeline", "get-pipeline", "--name", "bgsh-moto-pipeline"], region: region, home: home)["pipeline"] as? [String: Any]
        let action = ((after?["stages"] as? [[String: Any]])?.last?["actions"] as? [[String: Any]])?.first
        #expect((action?["configuration"] as? [String: String])?["ProjectName"] == "other-build")

        let list = try bgsh("pipeline list --output text")
        #expect(list.status == 0 && list.out == "bgsh-moto-pipeline\n", "\(list.err)")
        let describe = try bgsh("pipeline describe bgsh-moto-pipeline --get pipeline.stages.1.actions.0.configuration.ProjectName")
        #expect(describe.status == 0 && describe.out == "other-build\n", "\(describe.err)")
        let deleted = try bgsh("pipeline delete bgsh-moto-pipeline --yes")
        #expect(deleted.status == 0, "\(deleted.err)")
        let left = try awsCLI(["codepipeline", "list-pipelines"], region: region, home: home)["pipelines"] as? [[String: Any]]
        #expect(left?.isEmpty == true)
    }

    /// The seed as one runbook (scripts/examples/seed-pipeline.bgsh) makes the same calls on both
    /// backends: its --dry-run on the simulator and on AWS (moto answering the reads) print the
    /// same writes, in the same order, with the same inputs. (moto has no CodePipeline executions
    /// nor ECS blue/green deployments, so the run itself is the simulator's.)
    @Test func theSeedRunbookMakesTheSameCallsOnBothBackends() throws {
        let home = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        // A region of its own, so that no other test's resources change the path it takes.
        for folder in ["seed", "pipeline"] {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/scripts/examples/" + folder, toPath: home + "/" + folder)
        }
        let text = try String(contentsOfFile: repositoryRoot + "/scripts/examples/seed-pipeline.bgsh", encoding: .utf8)
        try text.replacingOccurrences(of: "us-east-1", with: "ap-south-1").write(toFile: home + "/seed-pipeline.bgsh", atomically: true, encoding: .utf8)
        let env = try Moto.environment(home: home)
        let sim = try run(bgshBinary, ["--state", home + "/sim.db", "--dry-run", home + "/seed-pipeline.bgsh"], environment: env)
        let aws = try run(bgshBinary, ["--backend", "aws", "--dry-run", home + "/seed-pipeline.bgsh"], environment: env)
        #expect(sim.status == 0, "\(sim.err)")
        #expect(aws.status == 0, "\(aws.err)")
        let writes = { (ran: Ran) in ran.out.split(separator: "\n").filter { $0.hasPrefix("dry-run: ") && $0.contains(":") } }
        #expect(writes(sim).count > 40)
        #expect(writes(aws) == writes(sim))
        #expect(writes(sim).contains { $0.hasPrefix("dry-run: codebuild:StartBuild ") } && writes(sim).contains { $0.hasPrefix("dry-run: codepipeline:CreatePipeline ") })
    }
}

/// `service create --controller ecs` through the aws backend, read back by the aws CLI.
@Suite struct NativeServiceOnMotoTests {
    /// The service's deploymentController and advancedConfiguration as asked (the default rule's
    /// ARN from DescribeRules), the production listener a weighted forward blue 100 / green 0.
    @Test func anEcsControllerServiceIsMadeAsAsked() throws {
        let home = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let region = "eu-north-1"
        let env = try Moto.environment(home: home)
        let role = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers"
        let runbook = """
            cluster create web
            cluster web
            taskdef register --family web --container web --image nginx:1.27 --port 80
            vpc create 10.1.0.0/16 --name web-vpc
            subnet create 10.1.1.0/24 --vpc web-vpc --az \(region)a --as A
            subnet create 10.1.2.0/24 --vpc web-vpc --az \(region)b --as B
            sg create web --vpc web-vpc --ingress tcp/80 --as SG
            lb create web-alb --subnets $A,$B --security-groups $SG
            tg create web-blue --vpc web-vpc
            tg create web-green --vpc web-vpc
            listener create --lb web-alb --port 80 --forward web-blue
            service create web --controller ecs --lb-role \(role) --taskdef web --blue-tg web-blue --green-tg web-green --listener web-alb:80 --container web --port 80 --subnets $A,$B --security-groups $SG
            """
        try runbook.write(toFile: home + "/native.bgsh", atomically: true, encoding: .utf8)
        let ran = try run(bgshBinary, ["--backend", "aws", "--region", region, home + "/native.bgsh"], environment: env)
        #expect(ran.status == 0, "\(ran.err)")
        let services = try awsCLI(["ecs", "describe-services", "--cluster", "web", "--services", "web"], region: region, home: home)["services"] as? [[String: Any]] ?? []
        let service = try #require(services.first)
        #expect((service["deploymentController"] as? [String: Any])?["type"] as? String == "ECS")
        let lb = (service["loadBalancers"] as? [[String: Any]])?.first ?? [:]
        let advanced = lb["advancedConfiguration"] as? [String: Any] ?? [:]
        let tgs = try awsCLI(["elbv2", "describe-target-groups", "--names", "web-blue", "web-green"], region: region, home: home)["TargetGroups"] as? [[String: Any]] ?? []
        let arn = { (name: String) in tgs.first { $0["TargetGroupName"] as? String == name }?["TargetGroupArn"] as? String }
        #expect(lb["targetGroupArn"] as? String == arn("web-blue"))
        #expect(advanced["alternateTargetGroupArn"] as? String == arn("web-green") && advanced["roleArn"] as? String == role)
        let lbs = try awsCLI(["elbv2", "describe-load-balancers", "--names", "web-alb"], region: region, home: home)["LoadBalancers"] as? [[String: Any]] ?? []
        let listeners = try awsCLI(["elbv2", "describe-listeners", "--load-balancer-arn", lbs.first?["LoadBalancerArn"] as? String ?? ""], region: region, home: home)["Listeners"] as? [[String: Any]] ?? []
        let rules = try awsCLI(["elbv2", "describe-rules", "--listener-arn", listeners.first?["ListenerArn"] as? String ?? ""], region: region, home: home)["Rules"] as? [[String: Any]] ?? []
        let defaultRule = rules.first { $0["IsDefault"] as? Bool == true }
        #expect(advanced["productionListenerRule"] as? String == defaultRule?["RuleArn"] as? String)
        let forward = ((listeners.first?["DefaultActions"] as? [[String: Any]])?.first?["ForwardConfig"] as? [String: Any])?["TargetGroups"] as? [[String: Any]] ?? []
        #expect(Set(forward.map { "\($0["TargetGroupArn"] ?? ""):\($0["Weight"] ?? "")" }) == ["\(arn("web-blue") ?? ""):100", "\(arn("web-green") ?? ""):0"])

        // A deploy's UpdateService: the whole configuration EcsController sends, read back.
        let cloud = try Moto.cloud(region: region)
        var update = UpdateServiceInput(cluster: "web", service: "web", taskDefinition: "web:1")
        update.deploymentConfiguration = try EcsController.configuration(Strategy.parse("canary:10%:5m").get(), bakeMinutes: 5, alarms: [], autoRollback: true,
                                                                          gate: ("POST_TEST_TRAFFIC_SHIFT", 60))
        _ = try cloud.updateService(update)
        let after = try awsCLI(["ecs", "describe-services", "--cluster", "web", "--services", "web"], region: region, home: home)["services"] as? [[String: Any]] ?? []
        let configuration = after.first?["deploymentConfiguration"] as? [String: Any] ?? [:]
        #expect(configuration["strategy"] as? String == "CANARY" && configuration["bakeTimeInMinutes"] as? Int == 5)
        #expect((configuration["canaryConfiguration"] as? [String: Any])?["canaryPercent"] as? Double == 10)
        let hook = (configuration["lifecycleHooks"] as? [[String: Any]])?.first
        #expect(hook?["targetType"] as? String == "PAUSE" && hook?["lifecycleStages"] as? [String] == ["POST_TEST_TRAFFIC_SHIFT"])
    }
}
