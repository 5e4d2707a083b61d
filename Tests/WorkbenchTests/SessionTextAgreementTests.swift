@testable import Annotations
import Foundation
import Testing

/// `validate`, `annotate` and `replay --verify` judge a session against its text the same way.
@Suite("validate, annotate and replay --verify agree on sessions that do not fit their text")
struct SessionTextAgreementTests {
    /// sessions/example.json and its log as one format-1 document (older versions' single file:
    /// what a hand-damaged copy is made from; opening it migrates it).
    static func exampleAsOneFile() throws -> Data {
        var file = try SessionStore.read(path: WorkbenchProcess.packageRoot.appendingPathComponent("sessions/example.json").path).file
        file.version = 1
        file.log = nil
        return try SessionCodec.encode(file)
    }

    /// A change to the example session (as JSON objects) and the message all three must give.
    struct Damage: Sendable, CustomStringConvertible {
        var description: String
        var expected: String
        var apply: @Sendable (inout [String: Any]) -> Void
    }

    static func changeM1(_ session: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        func fix(_ record: inout [String: Any]) {
            guard record["id"] as? String == "M1", var anchor = record["anchor"] as? [String: Any] else { return }
            change(&anchor)
            record["anchor"] = anchor
        }
        var annotations = session["annotations"] as? [[String: Any]] ?? []
        for index in annotations.indices { fix(&annotations[index]) }
        session["annotations"] = annotations
        var events = session["events"] as? [[String: Any]] ?? []
        for index in events.indices {
            guard var record = events[index]["record"] as? [String: Any] else { continue }
            fix(&record)
            events[index]["record"] = record
        }
        session["events"] = events
    }

    static let damages: [Damage] = [
        Damage(description: "offsets past the text", expected: "M1: offsets 4–99999 lie outside the document") { session in
            changeM1(&session) { anchor in
                var segments = anchor["segments"] as? [[String: Any]] ?? []
                segments[0]["end"] = 99999
                anchor["segments"] = segments
            }
        },
        Damage(description: "an unknown document", expected: "M1: document 'nope' is not in the corpus") { session in
            changeM1(&session) { anchor in anchor["document"] = "nope" }
        },
        Damage(description: "a sentence that does not exist", expected: "sentence 999 does not exist in") { session in
            var statuses = session["statuses"] as? [[String: Any]] ?? []
            let document = statuses[0]["document"] as? String, sentence = statuses[0]["sentence"] as? Int
            statuses[0]["sentence"] = 999
            session["statuses"] = statuses
            var events = session["events"] as? [[String: Any]] ?? []
            for index in events.indices
            where events[index]["action"] as? String == "status" && events[index]["document"] as? String == document
                && events[index]["sentence"] as? Int == sentence {
                events[index]["sentence"] = 999
            }
            session["events"] = events
        },
        Damage(description: "an annotation stored twice", expected: "M1 (mention) is stored twice") { session in
            var annotations = session["annotations"] as? [[String: Any]] ?? []
            annotations.insert(annotations[0], at: 1)
            session["annotations"] = annotations
        },
    ]

    @Test("refused with the same message by all three; annotate leaves the file untouched", arguments: damages)
    func allThreeAgree(damage: Damage) async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let example = try Self.exampleAsOneFile()
        var session = try #require(try JSONSerialization.jsonObject(with: example) as? [String: Any])
        damage.apply(&session)
        let path = workspace.folder.appendingPathComponent("sessions/x.json")
        let bytes = try JSONSerialization.data(withJSONObject: session)
        try bytes.write(to: path)
        let validate = try await workspace.run(["validate", "sessions/x.json"], commands: [])
        let replay = try await workspace.run(["replay", "sessions/x.json", "--verify"], commands: [])
        let annotate = try await workspace.run(["annotate", "seeds", "--session", "x", "--annotator", "example"], commands: ["quit"])
        for (name, result) in [("validate", validate), ("replay --verify", replay), ("annotate", annotate)] {
            #expect(result.status != 0, "\(name) accepted \(damage)")
            #expect((result.stdout + result.stderr).contains(damage.expected), "\(name): \(result.stdout) \(result.stderr)")
        }
        #expect(try Data(contentsOf: path) == bytes)
    }

    @Test("replay --verify without a corpus says the text was not checked")
    func verifyWithoutCorpus() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let example = try Self.exampleAsOneFile()
        try example.write(to: workspace.folder.appendingPathComponent("sessions/x.json"))
        try FileManager.default.removeItem(at: workspace.folder.appendingPathComponent("seeds"))
        let result = try await workspace.run(["replay", "sessions/x.json", "--verify"], commands: [])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("text NOT checked"))
    }

    @Test("a number too large, null as the whole file and a folder as session name get clear messages", arguments: [
        ("{\"format\":\"workbench-session\",\"version\":1,\"annotator\":\"a\",\n \"created\": 123456789012345678901234567890}", "line 2, column 13"),
        ("null", "the whole file is null"),
    ])
    func clearMessages(content: String, expected: String) async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        try Data(content.utf8).write(to: workspace.folder.appendingPathComponent("sessions/x.json"))
        for arguments in [["validate", "sessions/x.json"], ["annotate", "seeds", "--session", "x"]] {
            let result = try await workspace.run(arguments, commands: ["quit"])
            #expect(result.status != 0)
            #expect(result.stderr.contains(expected) || result.stdout.contains(expected), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("DecodingError"))
        }
    }

    @Test("a session name that is a folder is named as one, not as a permission problem")
    func folderSession() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(at: workspace.folder.appendingPathComponent("sessions/x.json"), withIntermediateDirectories: true)
        let result = try await workspace.run(["annotate", "seeds", "--session", "x"], commands: ["quit"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is a folder, not a session file"))
        #expect(!result.stderr.contains("permissions?"))
    }
}
