import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Annotators' sessions with the same file name in different folders (`x/anna.json`, `y/anna.json`):
/// the adjudicated session's origins name them `anna` and `anna-2`, in the order `adjudicate` was
/// given them, and `diff` and a continued `adjudicate` must read those labels the same way.
@Suite("Sessions named alike in different folders")
struct SameNamedSessionsTests {
    /// Two sessions holding the same annotations with other ids: x/anna numbers Mark Rutte first,
    /// y/anna Peskow first (without `peskowInX`, x/anna has Mark Rutte only).
    static func sessions(peskowInX: Bool = true) throws -> (folder: String, x: String, y: String) {
        let (folder, corpus) = try SessionFixture.corpus(["a": "Mark Rutte sagte: „Wir müssen handeln.“ Peskow erklärte, die Lage sei ernst.\n"])
        for sub in ["x", "y"] { try FileManager.default.createDirectory(atPath: "\(folder)/\(sub)", withIntermediateDirectories: true) }
        var paths: [String] = []
        for (sub, order) in [("x", peskowInX ? ["Mark Rutte", "Peskow"] : ["Mark Rutte"]), ("y", ["Peskow", "Mark Rutte"])] {
            var fixture = SessionFixture(annotator: sub == "x" ? "anna" : "ben", folder: folder, corpus: corpus)
            for (index, name) in order.enumerated() {
                let claim = name == "Peskow" ? "die Lage sei ernst" : "Wir müssen handeln."
                try fixture.perform(.add(.speaker(Speaker(id: "S\(index + 1)", name: name))))
                try fixture.perform(.add(.mention(Mention(id: "M\(index + 1)", anchor: try fixture.anchor(name, in: "a"), speaker: "S\(index + 1)"))))
                try fixture.perform(.add(.claim(Claim(id: "C\(index + 1)", anchor: try fixture.anchor(claim, in: "a"), speaker: "S\(index + 1)", mention: "M\(index + 1)"))))
            }
            paths.append(try fixture.write("\(sub)/anna"))
        }
        return (folder, paths[0], paths[1])
    }

    @Test("diff of the second input against the adjudication: no differences (was paired with the first input's ids)")
    func diffOfTheSecond() async throws {
        let (folder, x, y) = try Self.sessions()
        let out = folder + "/adj.json"
        let adjudicated = try await WorkbenchProcess.run(["adjudicate", x, y, "--out", out, "--adjudicator", "carla"], stdin: "")
        #expect(adjudicated.status == 0, "\(adjudicated.stderr)")
        for input in [x, y] {
            let diff = try await WorkbenchProcess.run(["diff", input, out])
            #expect(diff.status == 0, "\(diff.stderr)")
            #expect(diff.stdout.contains("no differences"), "\(input):\n\(diff.stdout)")
            let reversed = try await WorkbenchProcess.run(["diff", out, input])
            #expect(reversed.stdout.contains("no differences"), "\(input):\n\(reversed.stdout)")
        }
    }

    @Test("adjudicate stopped, then continued with the inputs in another order: asks what is left, nothing twice")
    func continuedInAnotherOrder() async throws {
        let (folder, x, y) = try Self.sessions(peskowInX: false)
        let out = folder + "/adj.json"
        // Mark Rutte's mention is merged, then the run stops at Peskow's (only in y/anna).
        let first = try await WorkbenchProcess.run(["adjudicate", x, y, "--out", out, "--adjudicator", "carla"], stdin: "q\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try SessionStore.load(path: out).state.mentions.count == 1)
        let again = try await WorkbenchProcess.run(["adjudicate", y, x, "--out", out, "--adjudicator", "carla"], stdin: "1\n1\n")
        #expect(again.status == 0, "\(again.stdout)\n\(again.stderr)")
        #expect(again.stdout.contains("1 already decided, 2 disagreements to go"), "\(again.stdout)")
        let after = try SessionStore.load(path: out).state
        #expect(after.mentions.values.map(\.anchor.text).sorted() == ["Mark Rutte", "Peskow"])
        #expect(after.claims.count == 2 && after.speakers.count == 2)
    }
}
