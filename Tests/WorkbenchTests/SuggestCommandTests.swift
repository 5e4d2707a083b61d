@testable import Annotations
import Foundation
import Testing

@Suite("workbench suggest")
struct SuggestCommandTests {
    static let texts = [
        "a": "„Wir müssen handeln“, sagte Mark Rutte. Die Polizei teilte mit, dass niemand verletzt worden sei.",
        "b": "Der Ökonom Jürgen Müller erklärte, die Lage sei ernst.",
    ]

    func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func text(of spans: Any?, in document: String) -> String {
        let scalars = Array((Self.texts[document] ?? "").unicodeScalars)
        let pairs = (spans as? [[Int]]) ?? []
        return pairs.map { pair in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[pair[0]..<pair[1]])
            return String(view)
        }.joined(separator: " … ")
    }

    @Test("jsonl: the required keys, scalar offsets into the document text")
    func jsonl() async throws {
        let (folder, _) = try SessionFixture.corpus(Self.texts)
        let result = try await WorkbenchProcess.run(["suggest", folder + "/corpus", "--format", "jsonl"])
        #expect(result.status == 0)
        let objects = try objects(result.stdout)
        #expect(objects.count == 3)
        for object in objects {
            for key in ["document", "sentence", "speaker", "cue", "claim", "addressee", "frame", "form", "confidence", "rule"] {
                #expect(object[key] != nil, "missing \(key)")
            }
        }
        let quote = try #require(objects.first { ($0["form"] as? String) == "direct" })
        #expect(text(of: quote["claim"], in: "a") == "„Wir müssen handeln“")
        #expect(text(of: quote["speaker"], in: "a") == "Mark Rutte")
        #expect(quote["sentence"] as? Int == 0)
        let police = try #require(objects.first { ($0["document"] as? String) == "a" && text(of: $0["cue"], in: "a") == "teilte mit" })
        #expect(police["sentence"] as? Int == 1)
        let mueller = try #require(objects.first { ($0["document"] as? String) == "b" })
        #expect(text(of: mueller["speaker"], in: "b") == "Der Ökonom Jürgen Müller")
        #expect(text(of: mueller["claim"], in: "b") == "die Lage sei ernst")
    }

    @Test("text: one block per proposal, the same output every run")
    func textFormat() async throws {
        let (folder, _) = try SessionFixture.corpus(Self.texts)
        let first = try await WorkbenchProcess.run(["suggest", folder + "/corpus"])
        let second = try await WorkbenchProcess.run(["suggest", folder + "/corpus"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("a#1  direct  0.80  direct.quote-then-cue\n  speaker:   Mark Rutte\n  cue:       sagte\n  claim:     \"„Wir müssen handeln“\""))
        #expect(first.stdout.hasSuffix("3 proposal(s) in 2 document(s)\n"))
    }

    @Test("--min-confidence leaves out proposals below it; a value outside 0–1 fails with one clear line")
    func minimumConfidence() async throws {
        let (folder, _) = try SessionFixture.corpus(Self.texts)
        let high = try await WorkbenchProcess.run(["suggest", folder + "/corpus", "--format", "jsonl", "--min-confidence", "0.78"])
        #expect(high.status == 0)
        let objects = try objects(high.stdout)
        #expect(objects.count == 1)
        #expect(objects.first?["rule"] as? String == "direct.quote-then-cue")
        let all = try await WorkbenchProcess.run(["suggest", folder + "/corpus", "--format", "jsonl", "--min-confidence", "0"])
        #expect(try self.objects(all.stdout).count == 3)
        let wrong = try await WorkbenchProcess.run(["suggest", folder + "/corpus", "--min-confidence", "1.5"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("--min-confidence must be a number from 0 to 1"), "\(wrong.stderr)")
        #expect(wrong.stdout.isEmpty)
        // A negative value is a value out of range, not a missing one.
        let negative = try await WorkbenchProcess.run(["suggest", folder + "/corpus", "--min-confidence", "-0.5"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("--min-confidence must be a number from 0 to 1, e.g. 0.5 (got -0.5)"), "\(negative.stderr)")
    }

    @Test("--session leaves out held claims and names known speakers")
    func session() async throws {
        let (folder, corpus) = try SessionFixture.corpus(Self.texts)
        var fixture = SessionFixture(annotator: "anna", folder: folder, corpus: corpus)
        try fixture.perform(.add(.speaker(Speaker(id: "S1", name: "Jürgen Müller"))))
        try fixture.perform(.add(.claim(Claim(id: "C1", anchor: try fixture.anchor("„Wir müssen handeln“", in: "a"), form: "direct"))))
        let path = try fixture.write("anna")
        let result = try await WorkbenchProcess.run(["suggest", folder + "/corpus", "--format", "jsonl", "--session", path])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try objects(result.stdout)
        #expect(objects.count == 2)
        #expect(!objects.contains { ($0["form"] as? String) == "direct" })
        #expect(objects.first { ($0["document"] as? String) == "b" }?["speakerID"] as? String == "S1")
    }

    @Test("a missing corpus or session fails with one clear line")
    func missing() async throws {
        let corpus = try await WorkbenchProcess.run(["suggest", "no/such/folder"])
        #expect(corpus.status != 0)
        #expect(corpus.stderr.contains("no/such/folder"))
        let (folder, _) = try SessionFixture.corpus(Self.texts)
        let session = try await WorkbenchProcess.run(["suggest", folder + "/corpus", "--session", folder + "/nobody.json"])
        #expect(session.status != 0)
        #expect(!session.stderr.isEmpty)
    }
}
