import Foundation
import Testing

/// One behaviour for a line boundary in corpus text in every view. NEL (U+0085) and the line
/// separator U+2028 end a line: the segmenter ends a sentence there, so the REPL and `review` show the
/// text after each as the next sentence (never the character), and the review page (`export --format
/// html`) shows each as a line break. Other control characters such as ESC are a visible marker,
/// never raw: `␛` on the terminal, U+FFFD on the page. Before, the page showed NEL as U+FFFD (a
/// marker where the REPL showed a break) while it showed U+2028 as a break.
@Suite("NEL, U+2028 and ESC in corpus text: the same in the REPL, review and the review page")
struct LineBoundaryViewsTests {
    static let text = "Anna Berg sagte, es werde\u{85}morgen\u{2028}regnen \u{1B}[31m rot.\n"

    static func workspace() throws -> REPLWorkspace {
        let workspace = try REPLWorkspace()
        try Data(Self.text.utf8).write(to: workspace.folder.appendingPathComponent("nel.txt"))
        return workspace
    }

    static func noRawControls(_ output: String) -> Bool {
        !output.unicodeScalars.contains { $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x1B }
    }

    @Test("the REPL shows three sentences, ESC as ␛, nothing raw; review shows the claim's sentence alike")
    func terminalViews() async throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        let annotated = try await workspace.run(["annotate", "nel.txt", "--session", "s", "--annotator", "anna"], commands: ["y", "n", "n", "quit"])
        #expect(annotated.status == 0, "\(annotated.stderr)")
        #expect(annotated.stdout.contains(" » [S1 Anna Berg] <Q1 sagte>, {C1 es werde}"), "\(annotated.stdout)")
        #expect(annotated.stdout.contains("sentence 2/3") && annotated.stdout.contains(" » morgen\n"), "\(annotated.stdout)")
        #expect(annotated.stdout.contains(" » regnen ␛[31m rot."), "\(annotated.stdout)")
        #expect(Self.noRawControls(annotated.stdout + annotated.stderr))
        let reviewed = try await workspace.run(["review", "s", "--reviewer", "rita"], commands: ["quit"])
        #expect(reviewed.stdout.contains("es werde"), "\(reviewed.stdout)")
        #expect(!reviewed.stdout.contains("\u{FFFD}"), "\(reviewed.stdout)")
        #expect(Self.noRawControls(reviewed.stdout + reviewed.stderr))
    }

    @Test("the review page shows NEL as U+2028 does, a line break; ESC as U+FFFD; no raw NEL or ESC")
    func reviewPage() async throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        try await workspace.prepare(["annotate", "nel.txt", "--session", "s", "--annotator", "anna"], commands: ["y", "quit"])
        let exported = try await workspace.run(["export", "sessions/s.json", "--format", "html", "--out", "page", "--corpus", "nel.txt"], commands: [])
        #expect(exported.status == 0, "\(exported.stderr)")
        let page = try String(contentsOf: workspace.folder.appendingPathComponent("page/review.html"), encoding: .utf8)
        #expect(page.contains("<span class=\"ls\">\u{2028}</span>morgen<span class=\"ls\">\u{2028}</span>regnen \u{FFFD}[31m rot."), "\(page)")
        #expect(!page.unicodeScalars.contains { $0.value == 0x85 || $0.value == 0x1B })
    }
}
