import AWSModel

/// The simulated AWS account in one region: implements `Cloud` with AWS's validation and errors.
public struct SimCloud: Cloud {
    let store: SimStore
    /// The region every call goes to.
    public let region: String
    let account: String

    init(store: SimStore, region: String, account: String) {
        self.store = store
        self.region = region
        self.account = account
    }

    /// `arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE`.
    func arn(_ service: String, _ resource: String) -> String {
        "arn:aws:\(service):\(region):\(account):\(resource)"
    }
}
