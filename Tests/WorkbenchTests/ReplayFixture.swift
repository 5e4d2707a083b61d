@testable import Annotations
import Foundation
import Testing
import TestSupport

/// A small German corpus in a temporary folder and a session annotated on it with a fixed clock,
/// saved as `sessions/anna.json` in that folder.
struct ReplayFixture {
    static let text = "Der russische UN-Botschafter Vassili Nebenzia versicherte, Russland habe „keine Truppen“ geschickt. Die Ukraine widersprach heftig. Selenskyj sagte: „Wir brauchen mehr Hilfe für die Städte.“"

    /// The temporary working folder (holds `corpus/` and `sessions/`).
    let folder: URL
    /// The session as built.
    let session: Session
    /// The session file's path, relative to `folder`.
    let sessionPath = "sessions/anna.json"

    /// Seconds between consecutive events (event 1 is at 10:00:00).
    static let gaps: [Double] = [2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7, 8, 600, 2]

    init() throws {
        folder = URL(fileURLWithPath: TestScratch.path("replay-"))
        let corpusFolder = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpusFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        try Data(Self.text.utf8).write(to: corpusFolder.appendingPathComponent("nachricht.txt"))
        let loaded = try CorpusLoader().load(paths: [corpusFolder.path])
        let corpus = SegmentedCorpus(loaded)
        var reference = CorpusReference(corpus)
        reference.paths = ["corpus"]
        let builder = AnchorBuilder(corpus: corpus)
        func anchor(_ quote: String, _ sentence: Int) throws -> TextAnchor {
            let document = try #require(corpus.document(id: "nachricht"))
            let scalars = Array(document.sentences[sentence].text.unicodeScalars), needle = Array(quote.unicodeScalars)
            let start = try #require((0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle })
            let offset = document.sentences[sentence].start + start
            return try builder.anchor(document: "nachricht", sentence: sentence, segments: [SpanSegment(start: offset, end: offset + needle.count)])
        }
        var session = Session(annotator: "anna", corpus: reference, created: "2026-11-21T10:00:00.000Z")
        var clock = Date(timeIntervalSince1970: 1_795_255_200)  // 2026-11-21T10:00:00Z
        var gapIndex = 0
        func perform(_ action: EditAction) throws {
            try session.perform(action, time: Timestamp.string(from: clock))
            if gapIndex < Self.gaps.count { clock += Self.gaps[gapIndex] }
            gapIndex += 1
        }
        try perform(.add(.speaker(Speaker(id: "S1", name: "Vassili Nebenzia", annotator: "anna"))))
        try perform(.add(.mention(Mention(id: "M1", anchor: anchor("Vassili Nebenzia", 0), speaker: "S1", role: "russische UN-Botschafter", annotator: "anna"))))
        try perform(.add(.cue(Cue(id: "Q1", anchor: anchor("versicherte", 0), annotator: "anna"))))
        try perform(.add(.claim(Claim(
            id: "C1", anchor: anchor("Russland habe „keine Truppen“ geschickt", 0), speaker: "S1", mention: "M1", cue: "Q1",
            form: "indirect", annotator: "anna"))))
        try perform(.add(.cue(Cue(id: "Q2", anchor: anchor("widersprach", 1), annotator: "anna"))))
        try perform(.undo)
        try perform(.redo)
        try perform(.add(.target(Target(id: "T1", text: "Russland hat Truppen geschickt", annotator: "anna"))))
        try perform(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "against", evidence: ["C1"], annotator: "anna"))))
        try perform(.add(.speaker(Speaker(id: "S2", name: "Wolodymyr Selenskyj", annotator: "anna"))))
        try perform(.add(.mention(Mention(id: "M2", anchor: anchor("Selenskyj", 2), speaker: "S2", annotator: "anna"))))
        try perform(.add(.cue(Cue(id: "Q3", anchor: anchor("sagte", 2), annotator: "anna"))))
        try perform(.add(.claim(Claim(
            id: "C2", anchor: anchor("„Wir brauchen mehr Hilfe für die Städte.“", 2), speaker: "S2", mention: "M2", cue: "Q3",
            form: "direct", annotator: "anna"))))
        try perform(.setStatus(SentenceKey(document: "nachricht", sentence: 0), .done))
        try perform(.setStatus(SentenceKey(document: "nachricht", sentence: 1), .done))
        try perform(.setStatus(SentenceKey(document: "nachricht", sentence: 2), .done))
        self.session = session
        try SessionCodec.encode(session.formatOneFile).write(to: folder.appendingPathComponent(sessionPath))
    }

    /// The absolute path of a file in the folder.
    func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// The bytes of a file in the folder.
    func data(_ relative: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(relative)) }

    /// Writes a changed copy of the session's JSON (as a JSON object) under `name`.
    func writeDamaged(_ name: String, _ change: (inout [String: Any]) throws -> Void) throws {
        var object = try #require(try JSONSerialization.jsonObject(with: data(sessionPath)) as? [String: Any])
        try change(&object)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: folder.appendingPathComponent(name))
    }

    /// Runs the binary in the fixture's folder.
    func run(_ arguments: [String], stdin: String = "") async throws -> WorkbenchProcess.Result {
        try await WorkbenchProcess.run(arguments, stdin: stdin, directory: folder, environment: ["NO_COLOR": "1"])
    }
}
