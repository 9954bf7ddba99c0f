import AWSSigV4
import Foundation
import Testing

/// One request signed by botocore (Support/sigv4_botocore.py), as bgsh's signer must sign it.
struct SignedCase: Decodable, CustomTestStringConvertible {
    let name: String
    let method: String
    let host: String
    let path: String
    let query: [[String]]
    let headers: [[String]]
    let body: [UInt8]
    let key: String
    let secret: String
    let token: String?
    let region: String
    let service: String
    let authorization: String
    var testDescription: String { name }

    /// bgsh's Authorization header for the same request at the same date.
    func signedByBGSH() -> String {
        let signer = Signer(service: service, region: region)
        // botocore signs the path as it goes on the wire (percent-encoded once), then encodes it again.
        let request = SigningRequest(method: method, host: host, path: PercentEncoding.encode(path, keeping: "/~"),
                                     query: query.map { ($0[0], $0[1]) }, headers: headers.map { ($0[0], $0[1]) }, body: body)
        let headers = signer.sign(request, credentials: Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: token),
                                  date: SigV4Tests.fixedDate)
        return headers.first { $0.0 == "Authorization" }?.1 ?? ""
    }
}

@Suite struct SigV4Tests {
    /// 2015-08-30T12:36:00Z, the date of AWS's published test suite.
    static let fixedDate: Double = 1_440_938_160

    static func cases(_ arguments: [String]) throws -> [SignedCase] {
        try runPython("sigv4_botocore.py", arguments).split(separator: "\n").map {
            try JSONDecoder().decode(SignedCase.self, from: Data($0.utf8))
        }
    }

    /// Signatures published with AWS's SigV4 test suite (aws-sig-v4-test-suite), written here as
    /// they are published, so neither botocore nor bgsh can drift from them.
    static let published: [String: String] = [
        "get-vanilla": "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        "get-vanilla-query-order-key-case": "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
        "get-vanilla-empty-query-key": "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb",
        "get-unreserved": "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f",
        "get-header-key-duplicate": "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea",
        "get-header-value-order": "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01",
        "get-header-value-trim": "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
        "post-vanilla": "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
        "post-vanilla-query": "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
        "post-header-key-case": "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
        "post-header-key-sort": "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c",
        "post-header-value-case": "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d",
        "post-x-www-form-urlencoded": "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
        "post-x-www-form-urlencoded-parameters": "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe",
    ]

    @Test func getVanillaByHand() {
        let signer = Signer(service: "service", region: "us-east-1")
        let headers = signer.sign(SigningRequest(method: "GET", host: "example.amazonaws.com"),
                                  credentials: Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                  date: SigV4Tests.fixedDate)
        #expect(headers.first { $0.0 == "X-Amz-Date" }?.1 == "20150830T123600Z")
        #expect(headers.first { $0.0 == "Authorization" }?.1 ==
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func publishedVectors() throws {
        let cases = try SigV4Tests.cases(["vectors"])
        #expect(cases.count >= 20)
        for c in cases {
            let ours = c.signedByBGSH()
            #expect(ours == c.authorization, "\(c.name): botocore signs it \(c.authorization)")
            if let published = SigV4Tests.published[c.name] {
                #expect(ours.hasSuffix("Signature=" + published), "\(c.name) differs from AWS's published signature")
            }
        }
        #expect(cases.filter { SigV4Tests.published[$0.name] != nil }.count == SigV4Tests.published.count)
    }

    @Test func threeHundredGeneratedRequestsAgreeWithBotocore() throws {
        let cases = try SigV4Tests.cases(["random", "300", "20261201"])
        #expect(cases.count == 300)
        var differing: [String] = []
        for c in cases where c.signedByBGSH() != c.authorization { differing.append(c.name) }
        #expect(differing.isEmpty, "differ from botocore: \(differing.prefix(10))")
    }

    @Test func theSessionTokenIsSignedAndTheSecretNeverShows() {
        let creds = Credentials(accessKeyId: "ASIAEXAMPLE", secretAccessKey: "very-secret", sessionToken: "tok")
        let headers = Signer(service: "ecs", region: "us-east-1").sign(SigningRequest(method: "POST", host: "ecs.us-east-1.amazonaws.com"),
                                                                       credentials: creds, date: SigV4Tests.fixedDate)
        #expect(headers.contains { $0.0 == "X-Amz-Security-Token" && $0.1 == "tok" })
        #expect(headers.first { $0.0 == "Authorization" }?.1.contains("SignedHeaders=host;x-amz-date;x-amz-security-token") == true)
        #expect(!"\(creds)".contains("very-secret") && !"\(creds)".contains("tok"))
    }
}
