@testable import Annotations
import Foundation
import Testing
import TestSupport

/// The generic input classes of the bad-input catalogue as a user meets them through the commands:
/// damaged session files are refused and left byte for byte as they were, session names that try
/// to leave the sessions folder are refused, and a session name that is a symbolic link to a
/// foreign file is not written through.
@Suite("Bad-input catalogue: commands")
struct BadInputCommandTests {
    /// A scratch folder with `corpus/doc.txt`, an empty `sessions/` and a valid session's bytes.
    static func workspace() async throws -> (folder: URL, session: [UInt8]) {
        let folder = URL(fileURLWithPath: TestScratch.path("bad-input-"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        try Data("Herr Müller sagte: „Es ist vorbei.“ Dann ging er.\n".utf8).write(to: folder.appendingPathComponent("corpus/doc.txt"))
        let setup = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "good", "--annotator", "anna"], stdin: "speaker 1-2\ndone\nquit\n", directory: folder,
            environment: ["WORKBENCH_FAKE_CLOCK": "2026-01-01T09:00:00Z"])
        #expect(setup.status == 0, "\(setup.stderr)")
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("sessions/good.json")))
        for suffix in ["json", "jsonl", "json.lock"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("sessions/good.\(suffix)"))
        }
        return (folder, bytes)
    }

    @Test("A damaged session (truncated, bit-flipped, empty, NUL, newer, foreign, wrong shape) is refused by annotate, named, and left untouched")
    func damagedSessionsAreNeverOverwritten() async throws {
        let (folder, good) = try await Self.workspace()
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        var nul = good
        nul.insert(0x00, at: good.firstIndex(of: 0x0A).map { $0 + 1 } ?? 1)
        let newer = Array(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"version\": 2", with: "\"version\": 7").utf8)
        #expect(newer != good)
        let cases: [(String, [UInt8])] = [
            ("truncated", Array(good.prefix(good.count / 3))), ("flipped", flipped), ("empty", []), ("blank", Array(" \n".utf8)),
            ("nul", nul), ("newer", newer), ("foreign", Array("{\"format\": \"brat\"}".utf8)), ("shape", Array("[1, 2, 3]".utf8)),
            ("badutf8", [0xFF] + good),
        ]
        for (name, bytes) in cases {
            let url = folder.appendingPathComponent("sessions/\(name).json")
            try Data(bytes).write(to: url)
            let result = try await WorkbenchProcess.run(
                ["annotate", "corpus", "--session", name, "--annotator", "anna"], stdin: "speaker 1-2\nsave\nquit\n", directory: folder)
            #expect(result.status != 0, "\(name) was opened")
            #expect(result.stderr.contains("sessions/\(name).json"), "\(name): \(result.stderr)")
            #expect(try [UInt8](Data(contentsOf: url)) == bytes, "\(name) was changed")
            let journal = (try? Data(contentsOf: URL(fileURLWithPath: url.path + ".journal"))) ?? Data()
            #expect(journal.isEmpty, "\(name): edits were journaled for a session that was refused")
        }
    }

    @Test("Session names with .., newlines, a leading dot or nothing are refused; nothing is written")
    func sessionNameTricks() async throws {
        let (folder, _) = try await Self.workspace()
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        // A path outside sessions/ is a session there (see SessionsAnywhereTests); one escaping through '..' is refused.
        for name in ["../escape", "sessions/../../escape", "/tmp/../escape-\(UUID().uuidString)", "a\nb", "tab\there", ".hidden", "", "  "] {
            let result = try await WorkbenchProcess.run(
                ["annotate", "corpus", "--session", name, "--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: folder)
            #expect(result.status != 0, "\(name.debugDescription) was accepted")
            #expect(result.stderr.contains("refused"), "\(name.debugDescription): \(result.stderr)")
            if name.contains("\n") {
                #expect(result.stderr.contains("'a\\nb'"), "a line break in the name cannot start a forged line: \(result.stderr)")
            }
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() == before)
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("escape.json").path))
    }

    @Test("A session in the corpus folder is refused before anything is written; one put there by hand is named as a session log by every reader")
    func sessionInTheCorpusFolder() async throws {
        let (folder, _) = try await Self.workspace()
        let corpus = folder.appendingPathComponent("corpus")
        let before = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        // The corpus folder named directly, through ./, or as the working folder.
        for (arguments, directory) in [
            (["annotate", "corpus", "--session", "corpus/anna"], folder), (["annotate", "./corpus", "--session", "corpus/anna.json"], folder),
            (["annotate", ".", "--session", "./anna"], corpus),
        ] {
            let result = try await WorkbenchProcess.run(arguments + ["--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: directory)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("is in the corpus folder"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("keep sessions outside the corpus folder, e.g. --session sessions/anna"), "\(arguments): \(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() == before)
        }
        // A session copied into the corpus folder: the corpus does not load, and says why.
        let made = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        for suffix in ["json", "jsonl"] {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent("sessions/anna.\(suffix)"), to: corpus.appendingPathComponent("anna.\(suffix)"))
        }
        let reading = try await WorkbenchProcess.run(["segment", "corpus"], stdin: "", directory: folder)
        #expect(reading.status != 0)
        #expect(reading.stderr.contains("corpus/anna.jsonl:1: this is a Workbench session log, not a corpus file"), "\(reading.stderr)")
    }

    @Test("export ./NAME.json from the session's folder finds the recorded corpus in the parent folder (it crashed: Foundation traps on the folder '.')")
    func exportFromTheSessionsFolder() async throws {
        let (folder, _) = try await Self.workspace()
        let made = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let sessions = folder.appendingPathComponent("sessions")
        for (name, out) in [("./anna.json", "out1"), ("anna.json", "out2"), (".//anna.json", "out3")] {
            let result = try await WorkbenchProcess.run(["export", name, "--format", "csv", "--out", out], stdin: "", directory: sessions)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: sessions.appendingPathComponent(out + "/claims.csv").path), "\(name)")
        }
    }

    @Test("validate, replay --verify and stats run from the session's folder find the recorded corpus there or in its parent, as export does")
    func recordedCorpusFromTheSessionsFolder() async throws {
        let (folder, _) = try await Self.workspace()
        let made = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let sessions = folder.appendingPathComponent("sessions")
        let validate = try await WorkbenchProcess.run(["validate", "anna.json"], stdin: "", directory: sessions)
        #expect(validate.status == 0 && !validate.stderr.contains("corpus not loadable"), "\(validate.stdout) \(validate.stderr)")
        let replay = try await WorkbenchProcess.run(["replay", "anna.json", "--verify"], stdin: "", directory: sessions)
        #expect(replay.status == 0 && (replay.stdout + replay.stderr).contains("text checked against the corpus"), "\(replay.stdout) \(replay.stderr)")
        let stats = try await WorkbenchProcess.run(["stats", "anna.json"], stdin: "", directory: sessions)
        #expect(stats.status == 0 && !stats.stderr.contains("warning"), "\(stats.stdout) \(stats.stderr)")
    }

    @Test("A snapshot ahead of its log (the log restored from an older copy): validate and replay --verify fail naming it, stats, export and diff warn and show the log's state")
    func snapshotAheadOfItsLog() async throws {
        let (folder, _) = try await Self.workspace()
        let made = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], stdin: "speaker 1-2\nspeaker 3\nquit\n", directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let log = folder.appendingPathComponent("sessions/anna.jsonl")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        let second = try #require(lines.firstIndex { $0.contains("\"seq\":2") })
        try (lines[..<second].joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let snapshot = try Data(contentsOf: folder.appendingPathComponent("sessions/anna.json"))
        for arguments in [["validate", "sessions/anna.json"], ["replay", "sessions/anna.json", "--verify"]] {
            let result = try await WorkbenchProcess.run(arguments, stdin: "", directory: folder)
            #expect(result.status == 1, "\(arguments): \(result.stdout) \(result.stderr)")
            #expect((result.stdout + result.stderr).contains("the snapshot does not describe its log"), "\(arguments): \(result.stdout) \(result.stderr)")
        }
        for arguments in [["stats", "sessions/anna.json"], ["export", "sessions/anna.json", "--format", "csv", "--out", "out"], ["diff", "sessions/anna.json", "sessions/anna.json"]] {
            let result = try await WorkbenchProcess.run(arguments, stdin: "", directory: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("warning: sessions/anna.json"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("log"), "\(arguments): \(result.stderr)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("sessions/anna.json")) == snapshot, "readers change no file")
    }

    @Test("export --out naming the folder you are in (an earlier export folder, with --force) is refused and the folder kept; from elsewhere it is replaced")
    func exportIntoTheWorkingFolder() async throws {
        let (folder, _) = try await Self.workspace()
        let made = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let first = try await WorkbenchProcess.run(["export", "sessions/anna.json", "--format", "csv", "--out", "out"], stdin: "", directory: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let out = folder.appendingPathComponent("out")
        for target in [".", "./", "../out"] {
            let inside = try await WorkbenchProcess.run(
                ["export", "../sessions/anna.json", "--format", "csv", "--out", target, "--force"], stdin: "", directory: out)
            #expect(inside.status == 1, "\(target): \(inside.stderr)")
            #expect(inside.stderr.contains("it is the folder you are in"), "\(target): \(inside.stderr)")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("claims.csv").path))
        }
        let again = try await WorkbenchProcess.run(
            ["export", "sessions/anna.json", "--format", "csv", "--out", "out", "--force"], stdin: "", directory: folder)
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test("A piped line that is not UTF-8 (Latin-1 'Müller') is refused, never stored with a replacement character; NUL and CRLF lines are read as before")
    func pipedLineNotUTF8() async throws {
        let (folder, _) = try await Self.workspace()
        var input = Data("note a".utf8) + Data([0x00]) + Data("b\r\nnote M".utf8) + Data([0xFC]) + Data("ller\n".utf8)
        input += Data("note Müller\nquit\n".utf8)
        let result = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], directory: folder, stdinBytes: input)
        #expect(result.status == 1, "a rejected line makes the run fail: \(result.stderr)")
        #expect(result.stdout.contains("error: the line is not UTF-8 (byte 7 of the line starts a bad sequence"), "\(result.stdout)")
        #expect(result.stdout.contains("1 command(s) were rejected") || result.stderr.contains("1 command(s) were rejected"))
        let log = try String(contentsOf: folder.appendingPathComponent("sessions/anna.jsonl"), encoding: .utf8)
        #expect(log.contains("\"text\":\"a\\u0000b\""), "\(log)")
        #expect(log.contains("\"text\":\"Müller\""))
        #expect(!log.contains("\u{FFFD}"))
    }

    @Test("A login name ($USER) that cannot be an annotator's name is refused saying where it came from and how to give another")
    func loginNameRefusedSaysWhereItCameFrom() async throws {
        let (folder, _) = try await Self.workspace()
        let made = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let cases: [([String], String)] = [
            (["annotate", "corpus", "--session", "login"], "annotator name 'a/b' (taken from $USER or $LOGNAME) refused"),
            (["review", "sessions/anna.json", "--out", "checked"], "reviewer name 'a/b' (taken from $USER or $LOGNAME) refused"),
        ]
        for (arguments, expected) in cases {
            let result = try await WorkbenchProcess.run(arguments, stdin: "quit\n", directory: folder, environment: ["USER": "a/b"])
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("may not hold '/' or control characters"), "\(result.stderr)")
        }
        // Given on the command line, the name is not said to come from the login.
        let given = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "login", "--annotator", "a/b"], stdin: "quit\n", directory: folder)
        #expect(given.status == 1)
        #expect(given.stderr.contains("annotator name 'a/b' refused"), "\(given.stderr)")
        #expect(given.stderr.contains("pass --annotator NAME"), "\(given.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/login.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/checked.json").path))
    }

    @Test("A reviewer or adjudicator name with a control character (ESC, a line break) is refused like an annotator's; nothing is written")
    func reviewerAndAdjudicatorNames() async throws {
        let (folder, _) = try await Self.workspace()
        for name in ["anna", "ben"] {
            let made = try await WorkbenchProcess.run(
                ["annotate", "corpus", "--session", name, "--annotator", name], stdin: "speaker 1-2\nquit\n", directory: folder)
            #expect(made.status == 0, "\(made.stderr)")
        }
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sessions").path).sorted()
        // A C1 control (CSI) and a bidi override were taken as names too.
        for bad in ["x\u{1B}[31my", "x\ny", "x\u{9B}31my", "x\u{202E}y"] {
            for (role, arguments, input) in [
                ("reviewer", ["review", "sessions/anna.json", "--out", "checked", "--reviewer", bad], "accept\nquit\n"),
                ("adjudicator", ["adjudicate", "sessions/anna.json", "sessions/ben.json", "--out", "gold", "--adjudicator", bad], "q\n"),
            ] {
                let result = try await WorkbenchProcess.run(arguments, stdin: input, directory: folder)
                #expect(result.status == 1, "\(role): \(result.stdout)")
                #expect(result.stderr.contains("\(role) name 'x"), "\(role): \(result.stderr)")
                #expect(result.stderr.contains("y' refused: a name may not hold '/' or control characters"), "\(role): \(result.stderr)")
                #expect(!result.stderr.contains("\u{1B}"))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sessions").path).sorted() == before)
    }

    @Test("A name of more than 100 characters or 200 bytes (annotator, reviewer) is refused and nothing is written; 100 umlauts are not")
    func overlongNames() async throws {
        let (folder, _) = try await Self.workspace()
        let made = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sessions").path).sorted()
        for (name, shown) in [(String(repeating: "a", count: 101), "101 characters (101 bytes)"), (String(repeating: "ü", count: 101), "101 characters (202 bytes)")] {
            let annotate = try await WorkbenchProcess.run(
                ["annotate", "corpus", "--session", "long", "--annotator", name], stdin: "speaker 1-2\nquit\n", directory: folder)
            #expect(annotate.status == 1, "\(annotate.stdout)")
            #expect(annotate.stderr.contains("annotator name of \(shown) refused: a name holds at most 100 characters and 200 bytes; pass --annotator NAME"), "\(annotate.stderr)")
            let review = try await WorkbenchProcess.run(
                ["review", "sessions/anna.json", "--out", "checked", "--reviewer", name], stdin: "accept\nquit\n", directory: folder)
            #expect(review.status == 1, "\(review.stdout)")
            #expect(review.stderr.contains("reviewer name of \(shown) refused"), "\(review.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sessions").path).sorted() == before)
        let umlauts = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "umlauts", "--annotator", String(repeating: "ü", count: 100)], stdin: "quit\n", directory: folder)
        #expect(umlauts.status == 0, "\(umlauts.stderr)")
    }

    @Test("A piped review line longer than a command line may be (a 5000-character note) is refused like the annotation REPL's; nothing is recorded")
    func overlongReviewLine() async throws {
        let (folder, _) = try await Self.workspace()
        let made = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let note = "note " + String(repeating: "ä", count: 4996)
        let review = try await WorkbenchProcess.run(
            ["review", "sessions/anna.json", "--out", "checked", "--reviewer", "ben"], stdin: note + "\nquit\n", directory: folder)
        #expect(review.status == 1, "\(review.stdout)")
        #expect(review.stdout.contains("error: the line is too long (5001 characters; at most 4000); nothing changed"), "\(review.stdout)")
        let log = try String(contentsOf: folder.appendingPathComponent("sessions/checked.jsonl"), encoding: .utf8)
        #expect(!log.contains("ääää"))
    }

    @Test("A session name that is a symbolic link to a foreign file outside sessions/ is refused and the file is left untouched")
    func symlinkToForeignFile() async throws {
        let (folder, _) = try await Self.workspace()
        let outside = folder.appendingPathComponent("notes.json")
        try Data("{\"meine\": \"Notizen\"}".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("sessions/link.json").path, withDestinationPath: outside.path)
        let result = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "link", "--annotator", "anna"], stdin: "speaker 1-2\nsave\nquit\n", directory: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("sessions/link.json"), "\(result.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "{\"meine\": \"Notizen\"}")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("sessions/link.json").path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    }

    @Test("validate names a damaged session and its place: truncated, invalid UTF-8, raw control byte")
    func validateNamesThePlace() async throws {
        let (folder, good) = try await Self.workspace()
        let cases: [(String, [UInt8], String)] = [
            ("truncated", Array(good.prefix(100)), "ends early (truncated?) at byte 100"),
            ("badutf8", Array(good.prefix(10)) + [0xC3, 0x28] + Array(good.dropFirst(10)), "invalid UTF-8 at byte offset 10"),
            ("escape", [0x1B] + good, "line 1, column 1: unexpected byte 0x1B"),
        ]
        for (name, bytes, expected) in cases {
            try Data(bytes).write(to: folder.appendingPathComponent("sessions/\(name).json"))
            let result = try await WorkbenchProcess.run(["validate", "sessions/\(name).json"], directory: folder)
            #expect(result.status != 0)
            #expect(result.stderr.contains("sessions/\(name).json") && result.stderr.contains(expected), "\(name): \(result.stderr)")
            #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
        }
    }

    @Test("A session name that is a named pipe is named as one by readers and writers, never waited on or replaced")
    func sessionThatIsAPipe() async throws {
        let (folder, _) = try await Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("sessions/p.json").path
        #expect(mkfifo(pipe, 0o600) == 0)
        for arguments in [["validate", "sessions/p.json"], ["stats", "sessions/p.json"], ["annotate", "corpus", "--session", "p"], ["review", "sessions/p.json"]] {
            let result = try await WorkbenchProcess.run(arguments, stdin: "quit\n", directory: folder, timeout: 30)
            // Before: "cannot read the file (permissions?)".
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("sessions/p.json: it is a named pipe, not a file"), "\(arguments): \(result.stderr)")
            var info = stat()
            #expect(lstat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        }
    }

    /// No corpus named, run where there is no `seeds/` (another folder than the project's): the refusal
    /// was "seeds: no such file or folder", naming a folder the user never gave.
    @Test("No corpus named and no default corpus here: the refusal says so and how to name one")
    func noCorpusNamed() async throws {
        let folder = URL(fileURLWithPath: TestScratch.path("no-corpus-"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"text\": \"Er sagte: Ja.\"}\n".utf8).write(to: folder.appendingPathComponent("in.jsonl"))
        for (arguments, naming) in [
            (["annotate", "--session", "anna", "--annotator", "anna"], "workbench annotate CORPUS… --session NAME"), (["segment"], "workbench segment CORPUS…"),
            (["suggest"], "workbench suggest CORPUS…"), (["import", "jsonl", "in.jsonl", "--session", "imported"], "--corpus PATH"),
        ] {
            let result = try await WorkbenchProcess.run(arguments, stdin: "quit\n", directory: folder)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
            #expect(
                result.stderr.contains("no corpus was named, and the default corpus seeds/ is not in this folder: name the corpus files or folders (\(naming))"),
                "\(arguments): \(result.stderr)")
        }
    }
}
