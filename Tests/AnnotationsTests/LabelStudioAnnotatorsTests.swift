import Foundation
import Testing
@testable import Annotations

/// A Label Studio project annotated by several people, exported from Label Studio itself: its
/// annotations carry no `meta.session` but `completed_by` (a user id, or an object with `email`),
/// and a task someone skipped holds a cancelled annotation with an empty result. The skip was taken
/// for a second annotation, and tasks with two annotations were refused with "choose one session
/// with --only LABEL" although no label could choose one.
@Suite("Label Studio import: annotations of several annotators, skipped tasks")
struct LabelStudioAnnotatorsTests {
    /// The fixture's tasks as Label Studio exports them, each task's annotation followed by `others`.
    static func tasks(_ others: (Int, [String: Any]) -> [[String: Any]]) throws -> String {
        let state = try ExportFixture.anna().state
        let tasks = try #require(try LabelStudioTests.files(state).last).contents
        var list = try #require(try JSONSerialization.jsonObject(with: Data(tasks.utf8)) as? [[String: Any]])
        for index in list.indices {
            var annotation = try #require((list[index]["annotations"] as? [[String: Any]])?.first)
            annotation["meta"] = nil
            annotation["completed_by"] = 1
            annotation["was_cancelled"] = false
            list[index]["annotations"] = [annotation] + others(index, annotation)
        }
        let data = try JSONSerialization.data(withJSONObject: list)
        return try LabelStudioTests.write(String(decoding: data, as: UTF8.self))
    }

    static func load(_ path: String, only: String? = nil) throws -> Session {
        try LabelStudioImporter().load(path: path, corpus: ExportFixture.corpus, annotator: "anna", only: only, time: LabelStudioTests.time)
    }

    @Test("a task skipped by another annotator (a cancelled annotation) imports as if it were not there")
    func skippedTaskIsNoAnnotation() throws {
        let path = try Self.tasks { index, _ in [["id": 900 + index, "completed_by": 2, "was_cancelled": true, "result": []]] }
        let state = try Self.load(path).state
        let expected = try ExportFixture.anna().state
        #expect(state.claims.count == expected.claims.count && state.mentions.count == expected.mentions.count)
    }

    @Test("two annotators' annotations: refused naming them, and --only picks one by completed_by (id or email)")
    func onlyByCompletedBy() throws {
        let path = try Self.tasks { _, annotation in
            var bob = annotation
            bob["completed_by"] = ["id": 2, "email": "bob@example.org"]
            bob["result"] = []
            return [bob]
        }
        let problems = importProblems { _ = try Self.load(path) }
        #expect(!problems.isEmpty)
        #expect(problems.first?.reason.contains("it holds 2 annotations (1, bob@example.org); choose one with --only NAME") == true)
        let expected = try ExportFixture.anna().state
        #expect(try Self.load(path, only: "1").state.claims.count == expected.claims.count)
        #expect(try Self.load(path, only: "bob@example.org").state.claims.isEmpty)
        do {
            _ = try Self.load(path, only: "carol")
            Issue.record("the import went through")
        } catch {
            #expect(String(describing: error).contains("no session 'carol'; the tasks hold completed_by 1, completed_by bob@example.org"))
        }
    }
}
