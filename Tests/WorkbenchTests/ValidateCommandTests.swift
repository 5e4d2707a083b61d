@testable import Annotations
import Foundation
import Testing
import TestSupport

@Suite("workbench validate")
struct ValidateCommandTests {
    /// A temp folder with a one-document corpus and a session with a speaker, a mention and a claim.
    func fixture() throws -> (folder: URL, session: String) {
        let folder = URL(fileURLWithPath: TestScratch.path("validate-"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        let text = "🇪🇺 Herr Müller sagte: „Es ist vorbei.“ Dann ging er.\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("corpus/doc.txt"))
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [folder.appendingPathComponent("corpus").path]))
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        session.corpus.paths = ["corpus"]
        let mention = try builder.anchor(document: "doc", sentence: 0, segments: [SpanSegment(start: 3, end: 14)])
        #expect(mention.text == "Herr Müller")
        let claim = try builder.anchor(document: "doc", sentence: 0, segments: [SpanSegment(start: 23, end: 37)])
        #expect(claim.text == "Es ist vorbei.")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Müller"))), time: "2026-11-21T10:00:01.000Z")
        try session.perform(.add(.mention(Mention(id: "M1", anchor: mention, speaker: "S1"))), time: "2026-11-21T10:00:02.000Z")
        try session.perform(.add(.claim(Claim(id: "C1", anchor: claim, speaker: "S1", mention: "M1", form: "direct"))), time: "2026-11-21T10:00:03.000Z")
        let path = "sessions/anna.json"
        try SessionCodec.encode(session.formatOneFile).write(to: folder.appendingPathComponent(path))
        return (folder, path)
    }

    @Test("A good session validates")
    func valid() async throws {
        let (folder, path) = try fixture()
        let result = try await WorkbenchProcess.run(["validate", path], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid: 3 events"))
    }

    @Test("A changed offset, a broken quote and an unknown reference are each reported")
    func damaged() async throws {
        let (folder, path) = try fixture()
        let url = folder.appendingPathComponent(path)
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"Es ist vorbei.\"", with: "\"Es war vorbei.\"")
        try Data(text.utf8).write(to: url)
        let result = try await WorkbenchProcess.run(["validate", path], directory: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains("C1"))
    }

    @Test("Validating a missing or foreign file says so")
    func foreign() async throws {
        let (folder, _) = try fixture()
        try Data("{\"hello\": 1}".utf8).write(to: folder.appendingPathComponent("sessions/foreign.json"))
        let result = try await WorkbenchProcess.run(["validate", "sessions/foreign.json", "sessions/none.json"], directory: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("sessions/foreign.json: not a Workbench session"))
        #expect(result.stderr.contains("sessions/none.json: no such session file"))
    }
}
