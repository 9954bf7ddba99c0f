import AWSModel
import BGSHCore

/// `sim push REPO:TAG`: stands for `docker push` on the simulator (PutImage); on AWS it checks
/// that the image is there (DescribeImages), so one runbook serves both backends.
struct SimPush: Command {
    static let spec = CommandSpec(
        ["sim", "push"], group: .simulator,
        summary: "stand for `docker push REPO:TAG` (PutImage); on the aws backend, check the image is in ECR",
        arguments: [ArgumentSpec("IMAGE", .image, help: "REPO:TAG of this account's ECR")],
        options: [CommonOptions.as],
        examples: [Example("sim push ecs-demo-app:v2", "an image ecs-demo-app:v2 with a digest, as a push leaves it")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let written = invocation.string("IMAGE") ?? ""
        let parts = written.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[0].contains("/") || !parts[0].contains(".") else {
            throw invocation.failure("'\(written)' is not REPO:TAG of this account's ECR (like ecs-demo-app:v2)", at: "IMAGE")
        }
        let (repository, tag) = (parts[0], parts[1])
        let cloud = try invocation.cloud()
        let uri = ECRImageReference.registry(account: try invocation.session.backend.accountId(), region: invocation.session.region) + "\(repository):\(tag)"
        func missingRepository() -> any Error {
            invocation.failure("ECR repository '\(repository)' not found in \(invocation.session.region): make it first with `ecr create \(repository)`", at: "IMAGE")
        }
        guard invocation.session.backend.emulator != nil else {
            // On AWS the image comes from a real push (docker, a build): only look that it is there.
            do {
                let found = try cloud.describeImages(DescribeImagesRequest(repositoryName: repository, imageIds: [ImageIdentifier(imageTag: tag)]))
                invocation.session.out.writeError("\(uri) is in ECR (\(found.imageDetails.first?.imageDigest ?? "?"))\n")
                invocation.produce(uri)
            } catch let error as AWSError where error.code == "ImageNotFoundException" {
                throw invocation.failure("image \(repository):\(tag) is not in ECR: push it first (docker push \(uri))", at: "IMAGE")
            } catch let error as AWSError where error.code == "RepositoryNotFoundException" {
                throw missingRepository()
            }
            return
        }
        // A manifest like docker's, distinct per image, so each push has a digest of its own.
        let manifest = #"{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"bgsh-sim:\#(repository):\#(tag)"}}"#
        let input = PutImageRequest(repositoryName: repository, imageManifest: manifest, imageTag: tag)
        do {
            guard let pushed = try invocation.mutate("ecr:PutImage", input, { try cloud.putImage(input) }) else {
                invocation.produce(uri)
                return
            }
            invocation.session.out.writeError("pushed \(uri) (\(pushed.image.imageId?.imageDigest ?? ""))\n")
        } catch let error as AWSError where error.code == "ImageAlreadyExistsException" {
            // Like `docker push` of an image already there: nothing to do.
            invocation.session.out.writeError("\(uri) is already there\n")
        } catch let error as AWSError where error.code == "RepositoryNotFoundException" {
            throw missingRepository()
        }
        invocation.produce(uri)
    }
}
