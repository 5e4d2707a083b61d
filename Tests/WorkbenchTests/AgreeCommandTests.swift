@testable import Annotations
import Foundation
import Testing

@Suite("agree command")
struct AgreeCommandTests {
    static let documents = [
        "a": "Mark Rutte sagte: „Wir müssen handeln.“ Peskow erklärte, die Lage sei ernst.",
        "b": "Die Ukraine warf Russland vor, zu lügen.",
    ]

    /// Two annotators: same claims, one form and one stance differ; only anna touched document b.
    static func sessions() throws -> (folder: String, anna: String, ben: String) {
        let (folder, corpus) = try SessionFixture.corpus(documents)
        var anna = SessionFixture(annotator: "anna", folder: folder, corpus: corpus)
        var ben = SessionFixture(annotator: "ben", folder: folder, corpus: corpus)
        for (f, form, label) in [(0, "direct", "favor"), (1, "indirect", "against")] {
            var fixture = f == 0 ? anna : ben
            try fixture.perform(.add(.speaker(Speaker(id: "S1", name: f == 0 ? "Mark Rutte" : "Rutte", aliases: f == 0 ? [] : ["Mark Rutte"]))))
            try fixture.perform(.add(.speaker(Speaker(id: "S2", name: "Dmitri Peskow", aliases: ["Peskow"]))))
            try fixture.perform(.add(.mention(Mention(id: "M1", anchor: try fixture.anchor("Mark Rutte", in: "a"), speaker: "S1"))))
            try fixture.perform(.add(.cue(Cue(id: "Q1", anchor: try fixture.anchor("sagte", in: "a")))))
            try fixture.perform(.add(.claim(Claim(id: "C1", anchor: try fixture.anchor("Wir müssen handeln.", in: "a"), speaker: "S1", form: "direct"))))
            try fixture.perform(.add(.claim(Claim(id: "C2", anchor: try fixture.anchor("die Lage sei ernst", in: "a"), speaker: "S2", form: form))))
            try fixture.perform(.add(.target(Target(id: "T1", text: "Sanktionen verschärfen"))))
            try fixture.perform(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: label))))
            try fixture.perform(.setStatus(SentenceKey(document: "a", sentence: 0), .done))
            try fixture.perform(.setStatus(SentenceKey(document: "a", sentence: 1), .done))
            if f == 0 {
                try fixture.perform(.setStatus(SentenceKey(document: "b", sentence: 0), .skipped))
                anna = fixture
            } else {
                ben = fixture
            }
        }
        return (folder, try anna.write("anna"), try ben.write("ben"))
    }

    @Test("Prints a table per layer, warns about documents only some annotators touched")
    func table() async throws {
        let (folder, anna, ben) = try Self.sessions()
        let result = try await WorkbenchProcess.run(["agree", anna, ben], directory: URL(fileURLWithPath: folder))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("annotators: anna, ben"))
        #expect(result.stdout.contains("warning: document b was annotated only by anna; it is not scored"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("claims") && $0.contains("exact F1") && $0.contains("anna/ben") && $0.contains("1.000") })
        #expect(lines.contains { $0.hasPrefix("attribution") && $0.contains("same speaker") && $0.contains("1.000") })
        #expect(lines.contains { $0.hasPrefix("stance") && $0.contains("Cohen κ") && $0.contains("0.000") })
        // Both marked every sentence done: one category, κ undefined.
        #expect(lines.contains { $0.hasPrefix("status") && $0.contains("Cohen κ") && $0.contains("n/a") })
    }

    @Test("--json gives numbers and null for undefined values; --disagreements names the sentence")
    func json() async throws {
        let (folder, anna, ben) = try Self.sessions()
        let result = try await WorkbenchProcess.run(["agree", anna, ben, "--json", "--disagreements", "--by-document"], directory: URL(fileURLWithPath: folder))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["documents"] as? [String] == ["a"])
        let measures = try #require(object["measures"] as? [[String: Any]])
        let formKappa = try #require(measures.first { $0["layer"] as? String == "claims" && $0["measure"] as? String == "form κ" })
        #expect(formKappa["value"] as? Double == 0)
        let statusKappa = try #require(measures.first { $0["layer"] as? String == "status" && $0["measure"] as? String == "Cohen κ" })
        #expect(statusKappa["value"] is NSNull)
        let disagreements = try #require(object["disagreements"] as? [[String: Any]])
        let form = try #require(disagreements.first { ($0["detail"] as? String)?.hasPrefix("form") == true })
        #expect(form["sentence_text"] as? String == "Peskow erklärte, die Lage sei ernst.")
        #expect(form["detail"] as? String == "form — anna: direct; ben: indirect")
        #expect((object["by_document"] as? [[String: Any]])?.count == 1)
    }

    @Test("Sessions of different corpora are refused with exit status 1")
    func differentCorpora() async throws {
        let (_, anna, _) = try Self.sessions()
        let (folder, corpus) = try SessionFixture.corpus(["a": "Ein anderer Text.", "b": "Die Ukraine warf Russland vor, zu lügen."])
        var other = SessionFixture(annotator: "carl", folder: folder, corpus: corpus)
        try other.perform(.setStatus(SentenceKey(document: "a", sentence: 0), .done))
        let carl = try other.write("carl")
        let result = try await WorkbenchProcess.run(["agree", anna, carl])
        #expect(result.status == 1)
        #expect(result.stderr.contains("anna and carl annotate different corpora (document a has a different text (fingerprint))"))
        #expect(result.stdout.isEmpty)
    }

    @Test("One session named twice (again, by its log, through a link) is a usage error for agree and adjudicate: no perfect score against itself")
    func sameSessionTwice() async throws {
        let (folder, anna, ben) = try Self.sessions()
        try FileManager.default.createSymbolicLink(atPath: folder + "/alias.json", withDestinationPath: anna)
        let log = String(anna.dropLast(".json".count)) + ".jsonl"
        for others in [[anna], [log], [folder + "/alias.json"], [ben, anna]] {
            for command in [["agree"], ["adjudicate", "--out", folder + "/gold", "--adjudicator", "carla"]] {
                let arguments = [command[0], anna] + others + command.dropFirst()
                let result = try await WorkbenchProcess.run(arguments, stdin: "q\n")
                #expect(result.status == 2, "\(arguments): \(result.stdout)")
                #expect(result.stderr.contains("are the same session; give each annotator's session once"), "\(arguments): \(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/gold.json"))
    }

    @Test("One session named twice is a usage error for export and stats too: its annotations are not exported or counted twice")
    func sameSessionTwiceForExportAndStats() async throws {
        let (folder, anna, _) = try Self.sessions()
        let log = String(anna.dropLast(".json".count)) + ".jsonl"
        let out = folder + "/export"
        for arguments in [["export", anna, log, "--format", "csv", "--out", out], ["stats", anna, anna], ["stats", anna, log, "--json"]] {
            let result = try await WorkbenchProcess.run(arguments)
            // Before: exported as "anna" and "anna-2" (every row twice); stats gave a total of the session twice.
            #expect(result.status == 2, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("are the same session; give each annotator's session once"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("One session is not enough")
    func oneSession() async throws {
        let (_, anna, _) = try Self.sessions()
        let result = try await WorkbenchProcess.run(["agree", anna])
        #expect(result.status != 0)
        #expect(result.stderr.contains("at least two session files"))
    }
}

@Suite("diff command")
struct DiffCommandTests {
    @Test("Shows changes per document and sentence with the sentence text")
    func diff() async throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        let result = try await WorkbenchProcess.run(["diff", anna, ben], directory: URL(fileURLWithPath: folder))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("document a\n  sentence 2: Peskow erklärte, die Lage sei ernst.\n    ~ claim „die Lage sei ernst“ (C2): form: direct → indirect\n"))
        #expect(result.stdout.contains("    ~ status: skipped → open\n"))
        #expect(!result.stdout.contains("matched by id"))
    }

    @Test("Sessions of different corpora are refused")
    func differentCorpora() async throws {
        let (_, anna, _) = try AgreeCommandTests.sessions()
        let (folder, corpus) = try SessionFixture.corpus(["a": "Ganz anders."])
        let other = try SessionFixture(annotator: "carl", folder: folder, corpus: corpus).write("carl")
        let result = try await WorkbenchProcess.run(["diff", anna, other])
        #expect(result.status == 1)
        #expect(result.stderr.contains("different corpora"))
    }
}
