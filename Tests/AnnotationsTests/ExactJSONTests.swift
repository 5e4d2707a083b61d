import Foundation
import Testing
@testable import Annotations

/// Strings read from JSON files to import keep a U+FEFF they begin with (a zero-width no-break
/// space inside a text, or a byte-order mark a task text was made with). JSONSerialization
/// dropped it, so our own JSONL and Label Studio exports of a span beginning with one were refused
/// on import ("region text 'Rutte' is not the text at 9–15").
@Suite("JSON to import is read with its strings exact")
struct ExactJSONTests {
    static let text = "Er sagte \u{FEFF}Rutte ist da."

    static func session() throws -> (SegmentedCorpus, AnnotationState) {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: text)], paths: ["x.jsonl"]))
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "\u{FEFF}Rutte"))), time: "t")
        let anchor = try builder.anchor(document: "d", sentence: 0, segments: [SpanSegment(start: 9, end: 15)])
        #expect(anchor.text == "\u{FEFF}Rutte")
        try session.perform(.add(.mention(Mention(id: "M1", anchor: anchor, speaker: "S1"))), time: "t")
        return (corpus, session.state)
    }

    static func export(_ format: ExportFormat, _ corpus: SegmentedCorpus, _ state: AnnotationState) throws -> String {
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: state)])
        let folder = TestCorpus.temporaryFolder() + "/" + format.rawValue
        try ExportWriter(folder: folder).write(format.exporter, bundle)
        return folder
    }

    @Test("a value beginning with U+FEFF keeps it, written raw or escaped")
    func values() throws {
        let raw = ExactJSON.value(from: Data("{\"a\":\"\u{FEFF}x\",\"b\":[1,2.5,true,null]}".utf8)) as? [String: Any]
        #expect(raw?["a"] as? String == "\u{FEFF}x")
        let list = raw?["b"] as? [Any]
        #expect(list?[0] as? Int == 1 && list?[1] as? Double == 2.5 && list?[2] as? Bool == true && list?[3] is NSNull)
        #expect(ExactJSON.value(from: Data("\"\\ufeffx\"".utf8)) as? String == "\u{FEFF}x")
        #expect(ExactJSON.value(from: Data("{\"a\":".utf8)) == nil)
        // A byte-order mark that begins the file is no part of the value (with and without another one inside).
        #expect(ExactJSON.value(from: Data("\u{FEFF}[\"x\"]".utf8)) as? [String] == ["x"])
        #expect(ExactJSON.value(from: Data("\u{FEFF}[\"\u{FEFF}x\"]".utf8)) as? [String] == ["\u{FEFF}x"])
        #expect(ExportText.exactValue("\"\u{FEFF}Notiz\\nzwei\"") as? String == "\u{FEFF}Notiz\nzwei")
    }

    @Test("JSONL export of a span beginning with U+FEFF imports back")
    func jsonl() throws {
        let (corpus, state) = try Self.session()
        let folder = try Self.export(.jsonl, corpus, state)
        let back = try JSONLImporter().load(
            paths: [folder + "/annotations.jsonl", folder + "/entities.jsonl"], corpus: corpus, annotator: nil, time: "t").state
        #expect(back.mentions["M1"]?.anchor.text == "\u{FEFF}Rutte")
        #expect(back.speakers["S1"]?.name == "\u{FEFF}Rutte")
    }

    @Test("Label Studio export of a span beginning with U+FEFF imports back")
    func labelStudio() throws {
        let (corpus, state) = try Self.session()
        let folder = try Self.export(.labelstudio, corpus, state)
        let back = try LabelStudioImporter().load(path: folder + "/tasks.json", corpus: corpus, annotator: nil, time: "t").state
        #expect(back.mentions["M1"]?.anchor.text == "\u{FEFF}Rutte")
        #expect(back.speakers["S1"]?.name == "\u{FEFF}Rutte")
    }
}
