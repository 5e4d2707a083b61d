import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Label Studio out and in: tasks in Unicode scalars with the labeling config, checked with
/// label-studio-sdk; export → import → export gives the same tasks; bad input named with the task.
@Suite("Label Studio")
struct LabelStudioTests {
    static let time = "2026-12-01T10:00:00.000Z"

    static func files(_ state: AnnotationState, corpus: SegmentedCorpus = ExportFixture.corpus) throws -> [ExportFile] {
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: state)])
        return LabelStudioExporter().export(bundle)
    }

    /// Writes tasks.json into a new folder; returns its path.
    static func write(_ text: String) throws -> String {
        let folder = TestScratch.path("ls-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/tasks.json"))
        return folder + "/tasks.json"
    }

    static func problems(_ path: String) -> [String] {
        do {
            _ = try LabelStudioImporter().load(path: path, corpus: ExportFixture.corpus, annotator: nil, time: time)
            Issue.record("the import went through")
            return []
        } catch {
            guard case .importProblems(_, let problems) = error else { return [error.description] }
            return problems.map(\.description)
        }
    }

    @Test("export → import → export gives the same tasks (emoji, combining marks, discontinuous spans, stances)")
    func roundTrip() throws {
        let state = try ExportFixture.anna().state
        let files = try Self.files(state)
        #expect(files.map(\.path) == ["labeling-config.xml", "tasks.json"])
        let tasks = try #require(files.last).contents
        let path = try Self.write(tasks)
        let imported = try LabelStudioImporter().load(path: path, corpus: ExportFixture.corpus, annotator: nil, time: Self.time)
        let back = imported.state
        #expect(back.mentions.count == state.mentions.count && back.cues.count == state.cues.count && back.claims.count == state.claims.count)
        #expect(back.stances.count == state.stances.count && back.targets.count == state.targets.count)
        #expect(back.claims.values.allSatisfy { $0.origin?.kind == .imported })
        for claim in state.claims.values {
            let copy = try #require(back.claims[claim.id])
            #expect(copy.anchor.segments == claim.anchor.segments && copy.form == claim.form && copy.speaker == claim.speaker)
            #expect(copy.mention == claim.mention && copy.cue == claim.cue && copy.negated == claim.negated && copy.hedged == claim.hedged)
        }
        #expect(try Self.files(back) == files)
    }

    @Test("SpkAtt → Label Studio → import → SpkAtt gives the same document (claim attributes, addressees, further sources)")
    func spkattThroughLabelStudio() throws {
        let folder = try SpkAttTests.folder(["doc 1": SpkAttTests.fixture])
        let (corpus, session) = try SpkAttTests.load(folder)
        let tasks = try #require(try Self.files(session.state, corpus: corpus).last).contents
        let imported = try LabelStudioImporter().load(path: try Self.write(tasks), corpus: corpus, annotator: nil, time: Self.time)
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "x", annotator: "x", state: imported.state)])
        let file = try #require(SpkAttExporter().export(bundle).first)
        #expect(try JSONDecoder().decode(SpkAttDocument.self, from: Data(file.bytes)) == SpkAttTests.fixture)
    }

    @Test("what Label Studio exports for such a project (its own task and annotation fields, no meta) imports the same")
    func labelStudioOwnExport() throws {
        let state = try ExportFixture.anna().state
        let tasks = try #require(try Self.files(state).last).contents
        var list = try #require(try JSONSerialization.jsonObject(with: Data(tasks.utf8)) as? [[String: Any]])
        for index in list.indices {
            var annotation = try #require((list[index]["annotations"] as? [[String: Any]])?.first)
            annotation["meta"] = nil
            annotation["id"] = 100 + index
            annotation["completed_by"] = 1
            annotation["was_cancelled"] = false
            annotation["ground_truth"] = false
            annotation["created_at"] = "2026-12-01T10:00:00.000000Z"
            annotation["lead_time"] = 12.5
            annotation["task"] = index + 1
            var results = try #require(annotation["result"] as? [[String: Any]])
            for r in results.indices where results[r]["type"] as? String != "relation" { results[r]["origin"] = "manual"; results[r]["to_name"] = "text" }
            annotation["result"] = results
            list[index]["annotations"] = [annotation]
            list[index]["predictions"] = []
            list[index]["inner_id"] = index + 1
            list[index]["total_annotations"] = 1
        }
        let data = try JSONSerialization.data(withJSONObject: list)
        let imported = try LabelStudioImporter().load(
            path: try Self.write(String(decoding: data, as: UTF8.self)), corpus: ExportFixture.corpus, annotator: "anna", time: Self.time)
        #expect(imported.state.claims.count == state.claims.count && imported.state.mentions.count == state.mentions.count)
        #expect(imported.state.stances.count == state.stances.count)
    }

    @Test("a claim drawn in Label Studio (random region id, speaker text area with a name) gets a new id and its speaker")
    func regionsFromLabelStudio() throws {
        let text = ExportFixture.corpus.documents[1].document.text
        let scalars = Array(text.unicodeScalars)
        let start = 0, end = 10  // "Kommentar:" is not a claim, but any span will do
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[start..<end])
        let tasks = """
            [{"data": {"document": "plain", "text": \(JSONValue.string(text).serialized())},
              "annotations": [{"result": [
                {"id": "xY7_aB", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": \(start), "end": \(end), "text": \(JSONValue.string(String(slice)).serialized()), "labels": ["Claim"]}},
                {"id": "xY7_aB", "from_name": "speaker", "to_name": "text", "type": "textarea", "value": {"start": \(start), "end": \(end), "text": ["Zoë 👍🏽"]}},
                {"id": "xY7_aB", "from_name": "form", "to_name": "text", "type": "choices", "value": {"start": \(start), "end": \(end), "choices": ["reported"]}}
              ]}]}]
            """
        let session = try LabelStudioImporter().load(path: try Self.write(tasks), corpus: ExportFixture.corpus, annotator: "ls", time: Self.time)
        let claim = try #require(session.state.claims["C1"])
        #expect(claim.form == "reported" && claim.speaker.flatMap { session.state.speakers[$0]?.name } == "Zoë 👍🏽")
    }

    @Test("bad tasks are reported with file, task and result, and nothing is imported")
    func badInput() throws {
        let text = ExportFixture.corpus.documents[1].document.text
        let quoted = JSONValue.string(text).serialized()
        func task(_ results: String, document: String = "plain", text: String = quoted) -> String {
            #"{"data": {"document": "\#(document)", "text": \#(text)}, "annotations": [{"result": [\#(results)]}]}"#
        }
        let region = #"{"id": "C1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 9, "text": "Kommentar", "labels": ["Claim"]}}"#
        let path = try Self.write("[" + [
            task(#"{"id": "C1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 999, "labels": ["Claim"]}}"#),
            task(#"{"id": "C1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 9, "labels": ["Person"]}}"#),
            task(#"{"id": "C1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 9, "text": "Komentar", "labels": ["Claim"]}}"#),
            task(region + #", {"id": "C1", "from_name": "mood", "to_name": "text", "type": "choices", "value": {"choices": ["x"]}}"#),
            task(region + #", {"from_id": "C1", "to_id": "C1", "type": "relation", "labels": ["blames"]}"#),
            task(region, document: "nope"),
            task(region, text: #""Anderer Text""#),
            #"{"annotations": []}"#,
            // The region copied (here moved to the sentence's start): was joined to C1 as a second piece.
            task(region + ", " + region.replacingOccurrences(of: #""start": 0, "end": 9, "text": "Kommentar""#, with: #""start": 0, "end": 4, "text": "Komm""#)),
        ].joined(separator: ",") + "]")
        let found = Self.problems(path)
        let expected = [
            "tasks.json: task 1, result 1: offsets 0–999 lie outside the text",
            "tasks.json: task 2, result 1: unknown label 'Person' (expected Speaker, Cue or Claim)",
            "tasks.json: task 3, result 1: region text 'Komentar' is not the text at 0–9 ('Kommentar')",
            "tasks.json: task 4, result 2: unknown control 'mood'",
            "tasks.json: task 5, result 2: unknown relation 'blames'",
            "tasks.json: task 6: no document 'nope' in the corpus",
            "tasks.json: task 7: data.text differs from corpus document 'plain'",
            "tasks.json: task 8: expected an object with \"data\"",
            "tasks.json: task 9, result 2: region C1 is given twice; give each region once (further pieces of a span are C1~2, C1~3, …)",
        ]
        for item in expected { #expect(found.contains { $0.contains(item) }, "missing \(item) in \(found)") }
        #expect(found.count == expected.count, "\(found)")
        #expect(Self.problems(try Self.write(#"{"data": {}}"#)).first?.contains("expected a JSON list of Label Studio tasks, found an object") == true)
    }

    @Test("A truncated or broken tasks file names where it stops being JSON (a cut-off download, a hand edit)")
    func truncatedTasksFile() throws {
        let truncated = Self.problems(try Self.write("[{\"data\": {\"text\": \"Müller sagte „ja“ 👍🏽\"}}"))
        #expect(truncated.first?.contains("not JSON: it ends early (truncated?) at byte") == true, "\(truncated)")
        let broken = Self.problems(try Self.write("[\n  {\"data\": {}},\n  }\n]"))
        #expect(broken.first?.contains(":3: not JSON: stopped at column 3: unexpected character") == true, "\(broken)")
    }

    @Test("label-studio-sdk validates every annotation against the exported labeling config", .enabled(if: ConsumerPython.enabled))
    func consumer() async throws {
        let folder = TestScratch.path("ls-out-")
        try ExportWriter(folder: folder).write(try Self.files(try ExportFixture.anna().state))
        let (status, output) = try await ConsumerPython.run("check_labelstudio.py", [folder])
        #expect(status == 0, "\(output)")
        #expect(output.contains("labelstudio ok: 2 tasks"), "\(output)")
    }
}
