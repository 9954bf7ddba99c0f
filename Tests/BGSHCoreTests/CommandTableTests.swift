import BGSHCommands
import BGSHSyntax
import Testing
@testable import BGSHCore

/// The table is the one source of truth: these check the table itself.
@Suite struct CommandTableTests {
    static let specs = CommandTable.standard.specs

    @Test func pathsAreUnique() {
        let paths = Self.specs.map(\.name)
        #expect(Set(paths).count == paths.count)
    }

    @Test(arguments: specs.map(\.name))
    func everyCommandIsDocumentedAndItsExamplesBind(name: String) throws {
        let spec = try #require(Self.specs.first { $0.name == name })
        #expect(!spec.summary.isEmpty)
        #expect(spec.summary.first?.isLowercase == true, "summaries start lower-case")
        #expect(!spec.summary.hasSuffix("."))
        #expect(!spec.examples.isEmpty)
        for example in spec.examples {
            let commands = try Parser.parse(SourceFile(name: "example", text: example.line))
            #expect(commands.count == 1, "\(example.line)")
            let binding = try Binder.bind(commands[0].words.map(BindWord.init(unexpanded:)), in: .standard)
            #expect(binding.spec.path == spec.path, "example '\(example.line)' binds to \(binding.spec.name)")
        }
        for argument in spec.arguments { #expect(!argument.help.isEmpty) }
        for option in spec.options {
            #expect(!option.help.isEmpty)
            #expect(option.name.allSatisfy { $0.isLowercase || $0 == "-" }, "flags are kebab-case")
        }
        let variadic = spec.arguments.filter(\.isVariadic)
        #expect(variadic.count <= 1 && (variadic.isEmpty || spec.arguments.last?.isVariadic == true))
    }

    @Test func everyMutatingCommandHonoursDryRun() throws {
        let shell = try Harness()
        try shell.runSeed()
        // What the delete examples name, beyond the seed.
        #expect(shell.run("cluster create old-cluster\nalarm create green-5xx --tg green-tg --threshold 5\nvpc create 10.9.0.0/16 --name old-vpc\n"
                          + "nat create --subnet $SUB1 --name my-nat\nlistener create --lb my-ecs-alb --port 8080 --forward green-tg\n"
                          + "set IMAGE_TAG v1\nset PRIV1 $SUB1\nset PRIV2 $SUB2\n"
                          + "codebuild create \(Harness.root)/scripts/examples/pipeline/codebuild-project.json\n"
                          + "pipeline create \(Harness.root)/scripts/examples/pipeline/pipeline.json", name: "extra.bgsh") == 0, "\(shell.out.stderr)")
        shell.session.isDryRun = true
        for spec in Self.specs where spec.isMutating {
            for example in spec.examples {
                let before = try shell.state()
                let printed = shell.out.stdout.count
                _ = shell.run(example.line)
                #expect(try shell.state() == before, "'\(example.line)' changed the state under --dry-run")
                if spec.name.hasSuffix("delete") || spec.path.first == "sim" {
                    #expect(shell.out.stdout.dropFirst(printed).contains("dry-run: "), "'\(example.line)' printed no dry-run line")
                }
            }
        }
    }

    @Test func everyValueKindCompletes() throws {
        let shell = try Harness()
        shell.run("cluster create alpha")
        let completer = Completer(table: .standard, session: shell.session, baseDirectory: shell.folder)
        for spec in Self.specs {
            for kind in spec.arguments.map(\.kind) + spec.options.compactMap(\.kind) {
                switch kind {
                case .choice(let words):
                    #expect(completer.values(kind, partial: "").candidates == words.sorted())
                case .resource(.cluster):
                    #expect(completer.values(kind, partial: "").candidates == ["alpha"])
                case .file, .duration:
                    _ = completer.values(kind, partial: "")
                default:
                    #expect(completer.values(kind, partial: "zz-no-such").candidates.isEmpty)
                }
            }
        }
    }
}
