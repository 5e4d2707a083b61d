@testable import Annotations
import Foundation
import Testing

@Suite("annotate REPL, piped")
struct AnnotateREPLTests {
    static let firstDocument = "000_f8d7a53538fa2d5e"

    @Test("tagging by quoted text with umlauts and „“ quotes stores exact offsets and text")
    func taggingEndToEnd() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "t"], commands: [
            "goto 1:10",
            "speaker \"Sergiy Kyslytsya\" role ukrainischer UN-Botschafter",
            "cue \"fügte\",\"hinzu\"",
            "claim \"im November mit der direkten Teilnahme\" form indirect",
            "goto 1:14",
            "claim „zu einer Eskalation der Bedrohungen für die Sicherheit“ by S1 negated",
            "quit",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[S1 Sergiy Kyslytsya]"))
        #expect(result.stdout.contains("<Q1 fügte> <Q1 hinzu>"))
        #expect(result.stdout.contains("„{C2←S1 zu einer Eskalation der Bedrohungen für die Sicherheit}"), "its speaker is tagged in another sentence")
        let annotations = try workspace.annotations("t")
        let text = try workspace.documentText(Self.firstDocument)
        func check(_ id: String, _ expected: String) throws {
            let anchor = try #require(annotations[id]?["anchor"] as? [String: Any])
            #expect(anchor["text"] as? String == expected)
            let segments = try #require(anchor["segments"] as? [[String: Int]])
            let pieces = segments.map { segment -> String in
                var view = String.UnicodeScalarView()
                view.append(contentsOf: text[(segment["start"] ?? 0)..<(segment["end"] ?? 0)])
                return String(view)
            }
            #expect(pieces.joined(separator: " … ") == expected)
        }
        try check("M1", "Sergiy Kyslytsya")
        try check("Q1", "fügte … hinzu")
        try check("C1", "im November mit der direkten Teilnahme")
        try check("C2", "zu einer Eskalation der Bedrohungen für die Sicherheit")
        #expect(annotations["M1"]?["role"] as? String == "ukrainischer UN-Botschafter")
        #expect(annotations["C1"]?["speaker"] as? String == "S1")
        #expect(annotations["C1"]?["cue"] as? String == "Q1")
        #expect(annotations["C1"]?["form"] as? String == "indirect")
        #expect(annotations["C2"]?["negated"] as? Bool == true)
        #expect(annotations["C2"]?["mention"] == nil)
    }

    @Test("without $USER and $LOGNAME the account name names the annotator and the session")
    func annotatorFromAccount() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let account = try #require(getpwuid(getuid())?.pointee.pw_name.map { String(cString: $0) })
        let result = try await workspace.run(["annotate"], commands: ["done", "quit"], environment: ["USER": "", "LOGNAME": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try workspace.session(account)["annotator"] as? String == account)
    }

    @Test("a bare family name is suggested, not linked; the editor names the speaker")
    func familyNameSuggestion() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "t"], commands: [
            "/Kim Yong-hyun",
            "speaker \"Kim Yong-hyun\"",
            "goto 1:1",
            "/Präsidenten Kim",
            "speaker \"Präsidenten Kim\"",
            "speaker \"Präsidenten Kim\" = Kim Jong-un",
            "quit",
        ])
        #expect(result.status == 1, "the rejected line fails the piped run")
        #expect(result.stdout.contains("„Präsidenten Kim“ may be S1 Kim Yong-hyun; say which: speaker \"Präsidenten Kim\" = S1"))
        #expect(result.stdout.contains("new speaker S2 Kim Jong-un"))
        let annotations = try workspace.annotations("t")
        #expect(annotations["M2"]?["speaker"] as? String == "S2")
        // The inflected office is put in the nominative.
        #expect(annotations["M2"]?["role"] as? String == "Präsident")
    }

    @Test("every rejection says why, changes nothing and the run exits non-zero")
    func rejections() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let cases: [(String, String)] = [
            ("speakr 4", "did you mean: speaker"),
            ("speaker 99", "this sentence has tokens 1–45"),
            ("speaker 7-4", "write 4-7"),
            ("cue \"gibt es nicht\"", "is not in this sentence"),
            ("cue \"sagte", "not closed"),
            ("cue /[unclosed/", "invalid regular expression"),
            ("/(", "invalid regular expression"),
            ("claim 4 form poem", "use one of: direct, indirect"),
            ("stance S9 T1 favor", "no speaker S9"),
            ("delete C42", "no annotation C42"),
            ("goto 9:1", "documents 1–5"),
            ("goto 1:999", "sentences 1–25"),
            ("cue 4-+1:2", "only claims may run on"),
            ("edit C1 form direct", "no annotation C1"),
            ("undo", "nothing to undo"),
            ("speaker \u{1B}[31m\u{7}", "cannot read span"),
            (String(repeating: "x", count: 5000), "too long"),
        ]
        let result = try await workspace.run(["annotate", "--session", "r"], commands: [""] + cases.map(\.0) + ["quit"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(cases.count) command(s) were rejected"))
        #expect(!result.stdout.contains("\u{1B}"))
        let errors = result.stdout.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(errors.count == cases.count)
        for ((command, expected), error) in zip(cases, errors) {
            #expect(error.contains(expected), "\(command.prefix(30)) → \(error)")
        }
        #expect(try workspace.events("r").isEmpty)
    }

    @Test("undo and redo work across quit and reopen; the cursor is where the user stopped")
    func undoRedoAcrossRuns() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        var result = try await workspace.run(["annotate", "--session", "u"], commands: ["goto 2:3", "speaker 1", "cue 2", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        result = try await workspace.run(["annotate", "--session", "u"], commands: ["undo", "list", "quit"])
        #expect(result.stdout.hasPrefix("── document 2/5"))
        #expect(result.stdout.contains("sentence 3/"))
        #expect(result.stdout.contains("undone: Q1 (cue)"))
        #expect(try workspace.annotations("u")["Q1"] == nil)
        result = try await workspace.run(["annotate", "--session", "u"], commands: ["redo", "quit"])
        #expect(result.stdout.contains("redone: Q1 (cue)"))
        #expect(try workspace.annotations("u")["Q1"] != nil)
        let events = try workspace.events("u")
        #expect(events.compactMap { $0["action"] as? String } == ["add", "add", "add", "undo", "redo"])
    }

    @Test("one undo takes back everything a command did (new speaker and its mention)")
    func undoGroups() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "g"], commands: ["speaker 5", "undo", "speakers", "redo", "speakers", "quit"])
        #expect(result.stdout.contains("undone: M1 (mention), S1 (speaker)"))
        #expect(result.stdout.contains("no speakers yet"))
        #expect(result.stdout.contains("S1   Südkorea (institution) · 1 mention"))
    }

    @Test("after reopening, one undo still takes back the whole last command (new speaker and its mention)")
    func undoGroupsAfterReopening() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        try await workspace.prepare(["annotate", "--session", "g"], commands: ["speaker \"Die Vereinigten Staaten\"", "quit"])
        let result = try await workspace.run(["annotate", "--session", "g"], commands: ["undo", "speakers", "redo", "speakers", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("undone: M1 (mention), S1 (speaker)"))
        #expect(result.stdout.contains("no speakers yet"))
        #expect(result.stdout.contains("redone: S1 (speaker), M1 (mention)"))
    }

    @Test("NO_COLOR output uses bracket notation, nested spans nest, no escape codes")
    func bracketNotation() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(
            ["annotate", "--session", "b"],
            commands: ["speaker 5", "cue 6", "claim 5-10 by M1 cue Q1", "show", "quit"], environment: ["NO_COLOR": "1"])
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("{C1 [S1 Südkorea] <Q1 forderten> Nordkorea am Mittwoch auf}"))
    }

    @Test("a claim may run on into the next sentence")
    func crossSentenceClaim() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "x"], commands: ["claim 41-+1:3", "next", "quit"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("{C1 Informationen über ihre Anwesenheit.…}"))
        #expect(result.stdout.contains("{C1… Nach Angaben Washingtons}"))
        let anchor = try #require(try workspace.annotations("x")["C1"]?["anchor"] as? [String: Any])
        #expect(anchor["text"] as? String == "Informationen über ihre Anwesenheit.\nNach Angaben Washingtons")
    }

    @Test("control characters and escapes in corpus text are shown as placeholders")
    func hostileCorpus() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let corpus = workspace.folder.appendingPathComponent("hostile.txt")
        try Data("Er sagte \u{1B}[31mrot\u{1B}[0m und \u{7}klingelte.\n".utf8).write(to: corpus)
        let result = try await workspace.run(["annotate", "hostile.txt", "--session", "h"], commands: ["speaker 1 = Jemand", "tokens", "list", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{7}"))
        #expect(result.stdout.contains("␛[31mrot␛[0m und ␇klingelte"))
    }

    @Test("session names that escape through '..' are refused")
    func pathTraversal() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        for name in ["../x", "sessions/../../x", "/tmp/../x"] {
            let result = try await workspace.run(["annotate", "--session", name], commands: ["quit"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("refused"), "\(name): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("a locked session names its holder; a corrupt one names the file and JSON path")
    func lockedAndCorrupt() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let path = workspace.folder.appendingPathComponent("sessions/held.json").path
        let lock = try LockedSessionFile(path: path, now: "2026-01-01T08:00:00Z")
        var result = try await workspace.run(["annotate", "--session", "held"], commands: ["quit"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("in use by pid \(getpid())"))
        lock.release()
        try Data("{\"format\":\"workbench-session\",\"version\":1,\"annotator\":5}".utf8)
            .write(to: workspace.folder.appendingPathComponent("sessions/bad.json"))
        result = try await workspace.run(["annotate", "--session", "bad"], commands: ["quit"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("sessions/bad.json"))
        #expect(result.stderr.contains("$.annotator"))
    }

    @Test("a changed corpus is reported when a session is reopened")
    func corpusChanged() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        try await workspace.prepare(["annotate", "--session", "c"], commands: ["quit"])
        let seed = workspace.folder.appendingPathComponent("seeds/\(Self.firstDocument).txt")
        try (try Data(contentsOf: seed) + Data("Ein neuer Satz.\n".utf8)).write(to: seed)
        let result = try await workspace.run(["annotate", "--session", "c"], commands: ["quit"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("the corpus differs"))
        #expect(result.stderr.contains(Self.firstDocument))
    }

    @Test("help lists every command; help CMD explains it with examples")
    func help() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "h"], commands: ["help", "help claim", "h spans", "quit"])
        for name in ["next (n)", "speaker (sp)", "claim (cl)", "stances (sts)", "undo (u)", "quit (q)"] {
            #expect(result.stdout.contains(name))
        }
        #expect(result.stdout.contains("claim 8-20 by S1 form indirect"))
        #expect(result.stdout.contains("4-+1:5"))
    }

    @Test("the scripted example reproduces sessions/example.json and its log byte for byte")
    func exampleSession() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let commands = try String(
            contentsOf: WorkbenchProcess.packageRoot.appendingPathComponent("Tests/Fixtures/example-commands.txt"), encoding: .utf8)
        let result = try await workspace.run(
            ["annotate", "--session", "example", "--annotator", "example"],
            commands: commands.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["sessions/example.json", "sessions/example.jsonl"] {
            let made = try Data(contentsOf: workspace.folder.appendingPathComponent(name))
            let kept = try Data(contentsOf: WorkbenchProcess.packageRoot.appendingPathComponent(name))
            #expect(made == kept, "regenerate \(name) from Tests/Fixtures/example-commands.txt (see README)")
        }
    }
}
