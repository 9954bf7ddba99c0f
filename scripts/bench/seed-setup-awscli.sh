#!/usr/bin/env bash
# The seed's setup (scripts/examples/seed-setup.bgsh, its `sim` lines aside) as an aws CLI script:
# the baseline scripts/bench/aws.py times bgsh against. Same resources, same settings.
# Usage: seed-setup-awscli.sh ENDPOINT REGION SEED_DIR    (dummy credentials in the environment)
set -euo pipefail
ep="$1"; region="$2"; seed="$3"
aws() { command aws --endpoint-url "$ep" --region "$region" --output text "$@"; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
aws ecr create-repository --repository-name ecs-demo-app --query repository.repositoryArn >/dev/null
aws ecs create-cluster --cluster-name ECS-BlueGreenCluster --query cluster.clusterArn >/dev/null
aws ecs register-task-definition --cli-input-json "file://$seed/taskdef.json" --query taskDefinition.taskDefinitionArn >/dev/null
vpc=$(aws ec2 create-vpc --cidr-block 10.0.0.0/16 --tag-specifications 'ResourceType=vpc,Tags=[{Key=Name,Value=my-ecs-vpc}]' --query Vpc.VpcId)
aws ec2 modify-vpc-attribute --vpc-id "$vpc" --enable-dns-support '{"Value":true}'
aws ec2 modify-vpc-attribute --vpc-id "$vpc" --enable-dns-hostnames '{"Value":true}'
sub1=$(aws ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.1.0/24 --availability-zone "${region}a" --query Subnet.SubnetId)
sub2=$(aws ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.2.0/24 --availability-zone "${region}b" --query Subnet.SubnetId)
sg=$(aws ec2 create-security-group --group-name ecs-bg-sg --description ecs-bg-sg --vpc-id "$vpc" --query GroupId)
aws ec2 authorize-security-group-ingress --group-id "$sg" --ip-permissions \
  'IpProtocol=tcp,FromPort=80,ToPort=80,IpRanges=[{CidrIp=0.0.0.0/0}]' 'IpProtocol=tcp,FromPort=8080,ToPort=8080,IpRanges=[{CidrIp=0.0.0.0/0}]' >/dev/null
alb=$(aws elbv2 create-load-balancer --name my-ecs-alb --subnets "$sub1" "$sub2" --security-groups "$sg" --query 'LoadBalancers[0].LoadBalancerArn')
blue=$(aws elbv2 create-target-group --name blue-tg --protocol HTTP --port 80 --vpc-id "$vpc" --target-type ip --query 'TargetGroups[0].TargetGroupArn')
green=$(aws elbv2 create-target-group --name green-tg --protocol HTTP --port 80 --vpc-id "$vpc" --target-type ip --query 'TargetGroups[0].TargetGroupArn')
listener=$(aws elbv2 create-listener --load-balancer-arn "$alb" --protocol HTTP --port 80 \
  --default-actions "Type=forward,TargetGroupArn=$blue" --query 'Listeners[0].ListenerArn')
aws ecs create-service --cluster ECS-BlueGreenCluster --service-name myBGService --task-definition ecs-bg-task-def-v1 \
  --load-balancers "targetGroupArn=$blue,containerName=php-app,containerPort=80" --desired-count 1 --launch-type FARGATE \
  --network-configuration "awsvpcConfiguration={subnets=[$sub1,$sub2],securityGroups=[$sg],assignPublicIp=DISABLED}" \
  --deployment-controller type=CODE_DEPLOY --query service.serviceArn >/dev/null
aws deploy create-application --application-name my-ecs-deploy --compute-platform ECS >/dev/null
sed "s#\${PROD_LISTENER}#$listener#" "$seed/create-deployment-group.json" >"$work/dg.json"
aws deploy create-deployment-group --cli-input-json "file://$work/dg.json" >/dev/null
echo "$green" >/dev/null
