import Foundation
import Testing
@testable import BGSHCore

/// A runbook run after the seed setup: the status it must end with and what its output (stdout
/// for successes, the first error for failures) must contain.
struct ResourceCase: CustomTestStringConvertible, Sendable {
    var text: String
    var status: Int32
    var expected: String
    var testDescription: String { text.count > 70 ? String(text.prefix(70)) + "…" : text }
}

/// Every resource command: success, re-run, a conflicting re-create, and the AWS errors it meets.
@Suite struct ResourceCommandTests {
    static let cases: [ResourceCase] = [
        // ecr
        ResourceCase(text: "ecr create ecs-demo-app", status: 0, expected: "repository/ecs-demo-app"),
        ResourceCase(text: "ecr create Bad_Name", status: 1, expected: "InvalidParameterException"),
        ResourceCase(text: "ecr delete nope --yes", status: 1, expected: "repository 'nope' not found"),
        ResourceCase(text: "ecr delete ecs-demo-app --yes", status: 1, expected: "RepositoryNotEmptyException"),
        ResourceCase(text: "ecr delete ecs-demo-app --force --yes\necr list", status: 0, expected: "deleted repository ecs-demo-app\nNAME  URI\n"),
        // cluster
        ResourceCase(text: "cluster delete ECS-BlueGreenCluster --yes", status: 1, expected: "ClusterContainsServicesException"),
        ResourceCase(text: "cluster describe --get activeServicesCount", status: 0, expected: "1\n"),
        // taskdef
        ResourceCase(text: "taskdef register taskdef.json", status: 0, expected: "task-definition/ecs-bg-task-def-v1:1\n"),
        ResourceCase(text: "taskdef register --family x --container c --image i --port 80 --cpu 256 --memory 4096", status: 1,
                     expected: "No Fargate configuration exists for given values: 256 CPU, 4096 memory"),
        ResourceCase(text: "taskdef register missing.json", status: 1, expected: "cannot read 'missing.json'"),
        ResourceCase(text: "taskdef register broken.json", status: 1, expected: "broken.json is not valid JSON"),
        ResourceCase(text: "taskdef register typo.json", status: 1, expected: "unknown parameter 'famly' (did you mean 'family'?)"),
        ResourceCase(text: "taskdef register templated.json", status: 1, expected: "templated.json:5:31: undefined variable 'IMAGE'"),
        ResourceCase(text: "set IMAGE nginx:1.27\ntaskdef register templated.json --as T\ntaskdef describe $T --get taskDefinition.containerDefinitions.0.image",
                     status: 0, expected: "nginx:1.27\n"),
        ResourceCase(text: "taskdef register taskdef.json --image x", status: 1, expected: "give either FILE or the flags"),
        ResourceCase(text: "taskdef describe ecs-bg-task-def-v2", status: 1, expected: "(did you mean 'ecs-bg-task-def-v1'?)"),
        ResourceCase(text: "taskdef describe ecs-bg-task-def-v1:7", status: 1, expected: "family ecs-bg-task-def-v1 exists"),
        ResourceCase(text: "taskdef deregister ecs-bg-task-def-v1:1 --yes\ntaskdef register taskdef.json", status: 0,
                     expected: "deregistered task definition ecs-bg-task-def-v1:1\narn:aws:ecs:us-east-1:123456789012:task-definition/ecs-bg-task-def-v1:2\n"),
        ResourceCase(text: "taskdef deregister ecs-bg-task-def-v1", status: 1, expected: "has no revision"),
        // vpc
        ResourceCase(text: "vpc create 10.0.0.0/16 --name my-ecs-vpc --as AGAIN\nassert $AGAIN == $VPC", status: 0, expected: "vpc-"),
        ResourceCase(text: "vpc create 10.9.0.0/16 --name my-ecs-vpc", status: 1, expected: "exists with CIDR 10.0.0.0/16"),
        ResourceCase(text: "vpc create 10.0.0.0/8 --name big", status: 1, expected: "InvalidVpc.Range"),
        ResourceCase(text: "vpc create 10.0.0.1/16 --name odd", status: 1, expected: "InvalidParameterValue"),
        ResourceCase(text: "vpc delete my-ecs-vpc --yes", status: 1, expected: "`subnet delete` them first"),
        ResourceCase(text: "vpc delete my-ecs-vcp --yes", status: 1, expected: "(did you mean 'my-ecs-vpc'?)"),
        // subnet
        ResourceCase(text: "subnet create 10.0.1.0/24 --vpc $VPC --az us-east-1a --as AGAIN\nassert $AGAIN == $SUB1", status: 0, expected: "subnet-"),
        ResourceCase(text: "subnet create 10.0.1.0/24 --vpc $VPC --az us-east-1b", status: 1, expected: "exists in us-east-1a, not us-east-1b"),
        ResourceCase(text: "subnet create 10.1.0.0/24 --vpc $VPC --az us-east-1a", status: 1, expected: "InvalidSubnet.Range"),
        ResourceCase(text: "subnet create 10.0.1.128/25 --vpc $VPC --az us-east-1a", status: 1, expected: "InvalidSubnet.Conflict"),
        ResourceCase(text: "subnet create 10.0.3.0/24 --vpc $VPC --az us-east-1z", status: 1, expected: "InvalidParameterValue"),
        ResourceCase(text: "subnet create 10.0.3.0/24 --az us-east-1a", status: 2, expected: "needs --vpc VPC"),
        ResourceCase(text: "subnet delete $SUB1 --yes", status: 1, expected: "DependencyViolation"),
        ResourceCase(text: "subnet list --vpc my-ecs-vpc", status: 0, expected: "10.0.2.0/24"),
        // sg
        ResourceCase(text: "sg create ecs-bg-sg --vpc $VPC --ingress tcp/80,tcp/8080", status: 0, expected: "sg-"),
        ResourceCase(text: "sg create ecs-bg-sg --vpc $VPC --ingress tcp/443", status: 1, expected: "exists in vpc-"),
        ResourceCase(text: "sg create other --vpc $VPC --ingress tcp/99999", status: 1, expected: "no valid port"),
        ResourceCase(text: "sg create other --vpc $VPC --ingress http", status: 1, expected: "is not an ingress rule"),
        ResourceCase(text: "sg delete $SG --yes", status: 1, expected: "DependencyViolation"),
        ResourceCase(text: "sg delete default --yes", status: 1, expected: "CannotDelete"),
        // lb
        ResourceCase(text: "lb create my-ecs-alb --subnets $SUB1,$SUB2 --security-groups $SG --as AGAIN\nassert $AGAIN == $ALB", status: 0, expected: "loadbalancer/app/my-ecs-alb/"),
        ResourceCase(text: "lb create my-ecs-alb --subnets $SUB1,$SUB2", status: 1, expected: "DuplicateLoadBalancerName"),
        ResourceCase(text: "lb create my-ecs-alb --subnets $SUB1,$SUB2 --security-groups $SG --internal", status: 1, expected: "exists with scheme internet-facing"),
        ResourceCase(text: "lb create other --subnets $SUB1", status: 1, expected: "At least two subnets in two different Availability Zones"),
        ResourceCase(text: "lb create other --subnets $SUB1,subnet-nope", status: 1, expected: "subnet 'subnet-nope' not found"),
        ResourceCase(text: "lb create -bad- --subnets $SUB1,$SUB2", status: 2, expected: "unknown flag '-bad-'"),
        ResourceCase(text: "lb create bad_name --subnets $SUB1,$SUB2", status: 1, expected: "ValidationError"),
        ResourceCase(text: "lb describe my-ecs-alb --get DNSName", status: 0, expected: ".us-east-1.elb.amazonaws.com\n"),
        ResourceCase(text: "lb describe my-ecs-lab", status: 1, expected: "(did you mean 'my-ecs-alb'?)"),
        // tg
        ResourceCase(text: "tg create blue-tg --vpc $VPC --port 80 --as AGAIN\nassert $AGAIN == $BLUE", status: 0, expected: "targetgroup/blue-tg/"),
        ResourceCase(text: "tg create blue-tg --vpc $VPC --port 8080", status: 1, expected: "exists with other settings (port 80)"),
        ResourceCase(text: "tg create bad_name --vpc $VPC", status: 1, expected: "ValidationError"),
        ResourceCase(text: "tg delete blue-tg --yes", status: 1, expected: "ResourceInUse"),
        ResourceCase(text: "tg delete green-tg --yes\ntg list", status: 0, expected: "deleted target group green-tg"),
        ResourceCase(text: "tg health gren-tg", status: 1, expected: "(did you mean 'green-tg'?)"),
        ResourceCase(text: "tg describe blue-tg --get HealthyThresholdCount", status: 0, expected: "5\n"),
        // listener
        ResourceCase(text: "listener create --lb my-ecs-alb --port 80 --forward blue-tg --as AGAIN\nassert $AGAIN == $PROD_LISTENER", status: 0, expected: "listener/app/my-ecs-alb/"),
        ResourceCase(text: "listener create --lb my-ecs-alb --port 80 --forward green-tg", status: 1, expected: "exists with another setting"),
        ResourceCase(text: "listener create --lb my-ecs-alb --port 443 --forward blue-tg --protocol HTTPS", status: 1, expected: "CertificateNotFound"),
        ResourceCase(text: "listener delete my-ecs-alb:81 --yes", status: 1, expected: "has no listener on port 81 (ports: 80)"),
        ResourceCase(text: "listener delete my-ecs-alb --yes", status: 1, expected: "write LB:PORT"),
        // service
        ResourceCase(text: "service create myBGService --controller codedeploy --taskdef ecs-bg-task-def-v1 --blue-tg blue-tg --green-tg green-tg --listener my-ecs-alb:80 --container php-app --port 80 --desired 1 --subnets $SUB1,$SUB2 --security-groups $SG",
                     status: 0, expected: "service/ECS-BlueGreenCluster/myBGService\n"),
        ResourceCase(text: "service create myBGService --taskdef ecs-bg-task-def-v1 --blue-tg blue-tg --green-tg green-tg --listener my-ecs-alb:80 --container php-app --port 80",
                     status: 1, expected: "exists with controller codedeploy"),
        ResourceCase(text: "service create myBGService --controller codedeploy --taskdef ecs-bg-task-def-v1 --blue-tg blue-tg --green-tg green-tg --listener my-ecs-alb:80 --container php-app --port 80 --desired 3 --subnets $SUB1 --security-groups $SG",
                     status: 1, expected: "exists with desired count 1, subnets"),
        ResourceCase(text: "service create two --taskdef ecs-bg-task-def-v1 --blue-tg blue-tg --green-tg blue-tg --listener my-ecs-alb:80 --container php-app --port 80",
                     status: 1, expected: "must be two different target groups"),
        ResourceCase(text: "service create two --taskdef ecs-bg-task-def-v1 --blue-tg blue-tg --green-tg green-tg --listener my-ecs-alb:80 --container php-ap --port 80",
                     status: 1, expected: "(did you mean 'php-app'?)"),
        ResourceCase(text: "service create two --taskdef ecs-bg-task-def-v1 --blue-tg blue-tg --green-tg green-tg --listener my-ecs-alb:80 --container php-app --port 8080",
                     status: 1, expected: "does not expose port 8080"),
        ResourceCase(text: "service create two --taskdef ecs-bg-task-def-v1 --blue-tg blue-tg --green-tg green-tg --listener my-ecs-alb:80 --container php-app --port 80",
                     status: 1, expected: "uses awsvpc networking: give the tasks' --subnets"),
        ResourceCase(text: "service nope", status: 1, expected: "service 'nope' not found"),
        ResourceCase(text: "service scale 2\nsim advance 1m\nservice describe --get runningCount", status: 0, expected: "2\n"),
        ResourceCase(text: "service delete myBGService --yes", status: 1, expected: "cannot be stopped while it is scaled above 0"),
        ResourceCase(text: "service delete myBGService --force --yes\nservice list\ncontext", status: 0, expected: "deleted service myBGService"),
        ResourceCase(text: "service events", status: 0, expected: "has started 1 tasks"),
        // alarm
        ResourceCase(text: "alarm create a --tg green-tg --threshold 5\nalarm create a --tg green-tg --threshold 5\nalarm list", status: 0, expected: "INSUFFICIENT_DATA"),
        ResourceCase(text: "alarm create a --tg green-tg --threshold 5\nalarm create a --tg green-tg --threshold 6", status: 1, expected: "exists with threshold 5"),
        ResourceCase(text: "alarm create b --tg green-tg --threshold 5 --period 45s", status: 1, expected: "--period must be"),
        ResourceCase(text: "alarm delete nope --yes", status: 1, expected: "alarm 'nope' not found"),
        // codedeploy
        ResourceCase(text: "codedeploy app create my-ecs-deploy", status: 0, expected: "-"),
        ResourceCase(text: "codedeploy group create create-deployment-group.json", status: 0, expected: "-"),
        // The seed's file as it is names the seed's own listener, not this one: a difference, named.
        ResourceCase(text: "codedeploy group create seed-unchanged.json", status: 1, expected: "exists with another production listener"),
        ResourceCase(text: "codedeploy group create --app my-ecs-deploy --name my-ecs-dg --service myBGService --config CodeDeployDefault.ECSCanary10Percent5Minutes --role arn:aws:iam::123456789012:role/other",
                     status: 1, expected: "exists with config CodeDeployDefault.ECSAllAtOnce, role arn:aws:iam::"),
        ResourceCase(text: "codedeploy group delete --app my-ecs-deploy my-ecs-dg --yes\ncodedeploy group create seed-unchanged.json", status: 1,
                     expected: "InvalidTargetGroupPairException: The listener arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-ecs-alb/0123456789abcdef/fedcba9876543210 does not exist"),
        ResourceCase(text: "codedeploy group delete --app my-ecs-deploy my-ecs-gd --yes", status: 1, expected: "(did you mean 'my-ecs-dg'?)"),
        ResourceCase(text: "assert exists codedeploy-group my-ecs-deploy/my-ecs-dg\nassert exists codedeploy-app my-ecs-deploy", status: 0, expected: ""),
        // deploy: a refused deploy registers no task definition
        ResourceCase(text: "service myBGService\ndeploy --image nginx:1.28 --alarm nope", status: 1, expected: "alarm 'nope' not found"),
        ResourceCase(text: "service myBGService\ndeploy --image nginx:1.28 --bake 5m --termination-wait 10m", status: 1, expected: "name the same wait"),
        // sim
        ResourceCase(text: "sim fail api CreateCluster --error ThrottlingException\ncluster create z", status: 1, expected: "ThrottlingException"),
        ResourceCase(text: "sim fail api ecs:CreateCluster --error ThrottlingException\non-error continue\ncluster create z\ncluster create z\nassert exists cluster z\nexit 0",
                     status: 0, expected: "arn:aws:ecs:us-east-1:123456789012:cluster/z\n"),
        ResourceCase(text: "sim pace 0", status: 1, expected: "is not a pace"),
        ResourceCase(text: "sim pace 60\nsim pace", status: 0, expected: "60\n"),
        ResourceCase(text: "sim reset --yes\ncluster list", status: 0, expected: "the simulated account is empty\nNAME  STATUS"),
    ]

    static let seedFiles = Harness.root + "/scripts/examples/seed"

    @Test(arguments: cases)
    func resourceCommand(_ c: ResourceCase) throws {
        let shell = try Harness()
        try shell.runSeed()
        for name in ["taskdef.json", "create-deployment-group.json"] {
            shell.write(name, try String(contentsOfFile: Self.seedFiles + "/" + name, encoding: .utf8))
        }
        // The seed's file exactly as it is (a copy of ../shared/seed/, kept under Tests/Fixtures).
        shell.write("seed-unchanged.json", try String(contentsOfFile: Harness.root + "/Tests/Fixtures/seed/create-deployment-group.json", encoding: .utf8))
        shell.write("broken.json", "{\"family\": ")
        shell.write("typo.json", "{\"famly\": \"x\", \"containerDefinitions\": []}")
        shell.write("templated.json", """
            {
              "family": "templated", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
              "cpu": "256", "memory": "512",
              "containerDefinitions": [
                {"name": "web", "image": "${IMAGE}", "portMappings": [{"containerPort": 80}]}
              ]
            }
            """)
        let printed = shell.out.stdout.count
        let reported = shell.out.stderr.count
        let before = try shell.state()
        let status = shell.run(c.text)
        #expect(status == c.status, "stderr: \(shell.out.stderr.suffix(300))")
        if c.status == 0 {
            #expect(c.expected.isEmpty || String(shell.out.stdout.dropFirst(printed)).contains(c.expected), "stdout: \(shell.out.stdout.dropFirst(printed).prefix(600))")
        } else {
            let first = shell.out.stderr.dropFirst(reported).split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix("t.bgsh:"), "errors name the runbook's place: \(first)")
            #expect(first.contains(c.expected), "stderr: \(first)")
            // `service NAME` only selects: runbooks that start with it count as one command here.
            if !c.text.replacingOccurrences(of: "service myBGService\n", with: "").contains("\n") {
                #expect(try shell.state() == before, "a failed command changes nothing")
            }
        }
    }
}

@Suite struct SeedFileTests {
    /// The runbook's taskdef.json is the seed's, byte for byte: bgsh takes the seed's files as they are.
    @Test func theExampleUsesTheSeedsTaskDefinitionUnchanged() throws {
        let example = try Data(contentsOf: URL(fileURLWithPath: Harness.root + "/scripts/examples/seed/taskdef.json"))
        let seed = try Data(contentsOf: URL(fileURLWithPath: Harness.root + "/Tests/Fixtures/seed/taskdef.json"))
        #expect(example == seed)
    }

    /// The example's deployment group differs from the seed's only in where the listener ARN comes from.
    @Test func theExampleDeploymentGroupDiffersOnlyInTheListener() throws {
        let example = try String(contentsOfFile: Harness.root + "/scripts/examples/seed/create-deployment-group.json", encoding: .utf8)
        let seed = try String(contentsOfFile: Harness.root + "/Tests/Fixtures/seed/create-deployment-group.json", encoding: .utf8)
        let seedArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-ecs-alb/0123456789abcdef/fedcba9876543210"
        #expect(seed.replacingOccurrences(of: seedArn, with: "${PROD_LISTENER}") == example)
    }
}
