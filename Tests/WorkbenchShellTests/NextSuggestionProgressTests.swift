@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// `ns` through a long document tells the front end how far it is before each part whose proposals
/// it computes, and ends with nil (the line erased), also when Ctrl-C stops it.
@Suite("ns says how far it is")
struct NextSuggestionProgressTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    /// 1 000 quiet sentences; only the last holds `sagte`.
    static func shell(at path: String) throws -> AnnotationShell {
        let text = (1...1_000).map { number in
            number == 1_000 ? "Satz \(number) sagte Anna, es sei gut am Ort \(number) heute." : "Satz \(number) ist ruhig am Ort \(number) heute."
        }.joined(separator: " ")
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "long", rawText: text)], paths: ["test"]))
        let store = try SessionStore(path: path, now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { ContextSource() })
    }

    /// A fresh scratch folder for one test's session.
    static func scratch() throws -> String {
        let folder = TestScratch.path("ns-progress-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Shows the first view, then hands what the shell reports about its search to `recorder`.
    static func record(_ shell: inout AnnotationShell, into recorder: Recorder) {
        _ = shell.view(tokens: false)
        shell.searchProgress = { recorder.reports.append($0) }
    }

    /// Records what the shell reports.
    final class Recorder: @unchecked Sendable {
        var reports: [ShellProgress?] = []
    }

    @Test("ns from 1:1 to sentence 1000: one report per part it computes (parts 2–16), then nil; the line names the place")
    func reportsEachPart() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(at: folder + "/s.json")
        let recorder = Recorder()
        Self.record(&shell, into: recorder)
        let found = shell.handle("ns")
        #expect(!found.rejected && shell.sentenceIndex == 999, "\(Self.text(found))")
        let places = recorder.reports.compactMap { $0?.sentence }
        #expect(places == Array(stride(from: 64, to: 1_000, by: 64)), "\(places)")
        #expect(recorder.reports.last == .some(nil), "the line is erased at the end")
        #expect(recorder.reports.first??.line == "ns: looking for proposals … sentence 65/1000 (Ctrl-C stops)")
        // Everything computed now: a second ns reports nothing.
        recorder.reports = []
        _ = shell.handle("goto 1")
        _ = shell.handle("ns")
        #expect(recorder.reports.isEmpty, "\(recorder.reports)")
        try shell.store.close()
    }

    @Test("ns stopped by Ctrl-C erases the line too")
    func stoppedErases() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(at: folder + "/s.json")
        let recorder = Recorder()
        Self.record(&shell, into: recorder)
        var asked = 0
        shell.interruptRequested = {
            asked += 1
            return asked > 3
        }
        let stopped = shell.handle("ns")
        #expect(stopped.rejected && Self.text(stopped).contains("ns stopped by Ctrl-C"), "\(Self.text(stopped))")
        #expect(recorder.reports.compactMap { $0?.sentence } == [64, 128, 192])
        #expect(recorder.reports.last == .some(nil))
        try shell.store.close()
    }
}
