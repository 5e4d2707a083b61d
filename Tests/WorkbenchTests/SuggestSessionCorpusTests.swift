import Foundation
import Testing

/// `suggest CORPUS --session S` where S was made on another corpus (nothing of it can be taken into
/// account) or on older texts of some documents: a warning says so, instead of proposals that look
/// as if the session had been taken into account.
@Suite("suggest --session of another corpus")
struct SuggestSessionCorpusTests {
    @Test("a session of other documents is named in a warning; one of this corpus is not")
    func otherCorpus() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let other = workspace.folder.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("Anna sagte, es regne.\n".utf8).write(to: other.appendingPathComponent("x.txt"))
        let made = try await workspace.run(["annotate", "other", "--session", "o"], commands: ["quit"])
        #expect(made.status == 0, "\(made.stderr)")
        let result = try await workspace.run(["suggest", "seeds", "--session", "o"], commands: [])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: o was made on other documents (none of its 1 is in this corpus)"), "\(result.stderr)")

        let own = try await workspace.run(["annotate", "seeds", "--session", "s"], commands: ["quit"])
        #expect(own.status == 0, "\(own.stderr)")
        let fitting = try await workspace.run(["suggest", "seeds", "--session", "s"], commands: [])
        #expect(fitting.status == 0)
        #expect(!fitting.stderr.contains("warning"), "\(fitting.stderr)")
    }

    @Test("a document changed since the session was made is named")
    func changedDocument() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let own = try await workspace.run(["annotate", "seeds", "--session", "s"], commands: ["quit"])
        #expect(own.status == 0, "\(own.stderr)")
        let seeds = workspace.folder.appendingPathComponent("seeds")
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().first)
        let file = seeds.appendingPathComponent(first)
        try (Data("Vorweg: ".utf8) + Data(contentsOf: file)).write(to: file)
        let result = try await workspace.run(["suggest", "seeds", "--session", "s"], commands: [])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: 1 document(s) changed since s was made ("), "\(result.stderr)")
    }
}
