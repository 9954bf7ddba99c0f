/// AWS's commercial regions (as of 2026): what `region` takes and TAB offers.
public enum Regions {
    public static let known = [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
        "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
        "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
        "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ]

    /// The availability zones of a region, as their names go (`us-east-1a`…): six in
    /// us-east-1, four in us-west-2, three elsewhere (the simulator takes these).
    public static func zones(of region: String) -> [String] {
        let letters: [String]
        switch region {
        case "us-east-1": letters = ["a", "b", "c", "d", "e", "f"]
        case "us-west-2": letters = ["a", "b", "c", "d"]
        default: letters = ["a", "b", "c"]
        }
        return letters.map { region + $0 }
    }
}
