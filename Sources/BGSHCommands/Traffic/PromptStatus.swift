import AWSModel
import BGSHCore
import BGSHDeploy
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
            let left = max(0, Int(at - view.now))
            return " [green 100 | blue ends in \(left / 60)m\(String(format: "%02d", left % 60))s]"
        }
        return " " + DeployContext.split(view)
    }
}
