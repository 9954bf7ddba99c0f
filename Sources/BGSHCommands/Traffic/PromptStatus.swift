import AWSModel
import BGSHCore
import BGSHDeploy
import BGSHSyntax
import Foundation

/// What the interactive prompt shows of a deployment in progress: the split, and the
/// blue-termination countdown while baking.
public enum PromptStatus {
    /// ` [blue 90 | green 10]`, ` [green 100 | blue ends in 4m12s]`, or "" (no deployment in progress).
    public static func suffix(_ session: Session) -> String {
        guard let cluster = session.cluster, let name = session.service, let cloud = try? session.cloud(),
              let service = try? cloud.describeServices(DescribeServicesInput(cluster: cluster, services: [name])).services.first,
              ServiceTags(service.tags) != nil,
              let view = try? DeployContext.controller(for: service, cluster: cluster, session: session).observe(),
              view.state.isActive else { return "" }
        if view.state == .baking, let at = view.terminationAt {
            return " [green 100 | blue ends in \(Duration.format(seconds: at - view.now))]"
        }
        return " " + DeployContext.split(view)
    }
}
