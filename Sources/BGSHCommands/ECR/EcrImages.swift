import AWSModel
import BGSHCore
import Foundation

/// `ecr images NAME`: DescribeImages.
struct EcrImages: Command {
    static let spec = CommandSpec(
        ["ecr", "images"], group: .resources,
        summary: "list a repository's images (DescribeImages)",
        arguments: [ArgumentSpec("NAME", .resource(.ecrRepository), help: "the repository")],
        examples: [Example("ecr images ecs-demo-app", "tags, digest, size and push time of each image")])

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        let images: [ImageDetail]
        do {
            images = try invocation.cloud().describeAllImages(DescribeImagesRequest(repositoryName: name))
        } catch let error as AWSError where error.code == "RepositoryNotFoundException" {
            throw Resolve.notFound("repository", name, (try? ResourceNames.all(.ecrRepository, in: invocation.session)) ?? [], invocation,
                                   at: "NAME", create: "ecr create NAME")
        }
        let rows = images.map { i in
            [(i.imageTags ?? []).joined(separator: ","), String((i.imageDigest ?? "").prefix(19)) + "…",
             i.imageSizeInBytes.map { String(format: "%.1f MB", Double($0) / 1_000_000) } ?? "-",
             i.imagePushedAt.map(isoSeconds) ?? "-"]
        }
        invocation.show(View(json: try JSONValue.from(DescribeImagesResponse(imageDetails: images)),
                             table: Table(headers: ["TAGS", "DIGEST", "SIZE", "PUSHED"], rows: rows),
                             text: images.flatMap { $0.imageTags ?? [] }))
    }
}
