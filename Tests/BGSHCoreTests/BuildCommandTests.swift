import Testing
@testable import BGSHCore

/// Build and pipeline commands that are refused change nothing, the simulator's own records
/// (where it reads a project's or pipeline's source) included.
@Suite struct BuildCommandTests {
    @Test func aRefusedCreateRecordsNoSourceFolder() throws {
        let shell = try Harness()
        let before = try shell.state()
        // The seed's file as it is names a VPC this account does not have: CreateProject refuses it.
        #expect(shell.run("codebuild create \(Harness.root)/scripts/examples/seed/codebuild-project.json", name: "build.bgsh") == 1)
        // A pipeline whose deploy action names a deployment group that does not exist.
        #expect(shell.run("pipeline create \(Harness.root)/scripts/examples/pipeline/pipeline.json", name: "pipeline.bgsh") == 1)
        #expect(try shell.state() == before)
    }
}
