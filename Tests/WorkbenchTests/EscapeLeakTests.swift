@testable import Annotations
import Foundation
import Testing
import TestSupport

/// Corpus text, document ids (file names), speaker names, session file names and user arguments full of
/// escape sequences and control characters: no command lets one reach standard output or error. Every
/// output is checked for ESC, BEL, other C0 controls but line breaks, DEL, C1 controls (U+0080–U+009F,
/// among them the 8-bit CSI U+009B) and bidi overrides; the program's own colours are off in piped mode.
@Suite("No escape reaches the terminal")
struct EscapeLeakTests {
    /// A document id (its file name) that would set the window title.
    static let documentID = "ev\u{1B}]0;pwned\u{07}il"
    /// Text with a screen clear, an 8-bit CSI, a right-to-left override and a title change.
    static let text = "Der Botschafter \u{1B}[2J Mark sagte: „Wir bleiben\u{9B}31m hier.“ Sanktionen \u{202E}gnuhcsR\u{1B}]0;title\u{07} verschärfen sei nötig, erklärte Peskow."
    /// A speaker name that clears the screen.
    static let speakerName = "Mark\u{1B}[2J\u{1B}[H Rutte\u{9B}1m"

    /// The scalars in `output` that a terminal would act on.
    static func leaks(in output: String) -> [String] {
        output.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: return false
            case 0x00...0x1F, 0x7F...0x9F: return true
            default: return InvisibleScalar.isBidiControl(scalar)
            }
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Expects no leak in either stream of `result`.
    static func expectClean(_ result: WorkbenchProcess.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(leaks(in: result.stdout).isEmpty, "\(what) stdout: \(leaks(in: result.stdout)) in \(result.stdout)", sourceLocation: sourceLocation)
        #expect(leaks(in: result.stderr).isEmpty, "\(what) stderr: \(leaks(in: result.stderr)) in \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// Two annotators' sessions (hostile file names) over the hostile corpus, disagreeing on a claim's form.
    static func sessions() throws -> (folder: String, anna: String, ben: String) {
        let (folder, corpus) = try SessionFixture.corpus([documentID: text])
        var written: [String] = []
        for (annotator, form) in [("an\u{1B}[31mna", "direct"), ("be\u{9B}2Jn", "indirect")] {
            var fixture = SessionFixture(annotator: annotator, folder: folder, corpus: corpus)
            try fixture.perform(.add(.speaker(Speaker(id: "S1", name: speakerName))))
            try fixture.perform(.add(.mention(Mention(id: "M1", anchor: try fixture.anchor("Mark", in: documentID), speaker: "S1"))))
            try fixture.perform(.add(.claim(Claim(id: "C1", anchor: try fixture.anchor("bleiben\u{9B}31m hier", in: documentID), speaker: "S1", form: form))))
            try fixture.perform(.add(.target(Target(id: "T1", text: "Sanktionen \u{1B}]0;x\u{07}"))))
            try fixture.perform(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: form == "direct" ? "favor" : "against"))))
            written.append(try fixture.write(annotator))
        }
        return (folder, written[0], written[1])
    }

    @Test("diff, agree (table, --disagreements, --json), adjudicate, stats and replay show escapes as placeholders")
    func sessionCommands() async throws {
        let (folder, anna, ben) = try Self.sessions()
        let directory = URL(fileURLWithPath: folder)
        let diff = try await WorkbenchProcess.run(["diff", anna, ben], directory: directory)
        Self.expectClean(diff, "diff")
        #expect(diff.stdout.contains("␛"), "\(diff.stdout)")
        let agree = try await WorkbenchProcess.run(["agree", anna, ben, "--disagreements", "--by-document"], directory: directory)
        Self.expectClean(agree, "agree --disagreements")
        #expect(agree.stdout.contains("␛") || agree.stdout.contains("<U+009B>"), "\(agree.stdout)")
        let json = try await WorkbenchProcess.run(["agree", anna, ben, "--json", "--disagreements"], directory: directory)
        Self.expectClean(json, "agree --json")
        #expect(json.status == 0, "\(json.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil, "agree --json is not JSON: \(json.stdout)")
        // A result name with escapes is refused as review --out refuses it, and the message is clean.
        let refused = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", folder + "/adj\u{1B}[2J.json"], stdin: "1\n1\n1\n1\n", directory: directory)
        Self.expectClean(refused, "adjudicate --out with escapes")
        #expect(refused.status == 1 && refused.stderr.contains("control characters"), "\(refused.stderr)")
        let adjudicate = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", folder + "/adj.json"], stdin: "1\n1\n1\n1\n", directory: directory)
        Self.expectClean(adjudicate, "adjudicate")
        #expect(adjudicate.stdout.contains("[1/"), "\(adjudicate.stdout) \(adjudicate.stderr)")
        for arguments in [["stats", anna, ben], ["stats", anna, "--json"], ["replay", anna], ["replay", anna, "--verify"]] {
            let result = try await WorkbenchProcess.run(arguments, directory: directory)
            Self.expectClean(result, arguments.joined(separator: " "))
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test("segment (lines and jsonl), validate and export: corpus text and file names as placeholders")
    func corpusCommands() async throws {
        let (folder, anna, _) = try Self.sessions()
        let directory = URL(fileURLWithPath: folder)
        let lines = try await WorkbenchProcess.run(["segment", "corpus"], directory: directory)
        Self.expectClean(lines, "segment")
        #expect(lines.stdout.contains("Der Botschafter ␛[2J Mark sagte"), "\(lines.stdout)")
        let jsonl = try await WorkbenchProcess.run(["segment", "corpus", "--format", "jsonl"], directory: directory)
        Self.expectClean(jsonl, "segment --format jsonl")
        let first = try #require(jsonl.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect((object["text"] as? String)?.contains("\u{1B}[2J") == true, "jsonl keeps the exact text")
        #expect(object["document"] as? String == Self.documentID)
        let out = folder + "/seg\u{1B}]0;x\u{07}"
        let files = try await WorkbenchProcess.run(["segment", "corpus", "--out", out], directory: directory)
        Self.expectClean(files, "segment --out")
        // The file is named as export names files: the id's control characters percent-encoded.
        let written = try String(contentsOfFile: out + "/" + ExportText.fileName(Self.documentID) + ".txt", encoding: .utf8)
        #expect(Self.leaks(in: written).isEmpty, "segment --format lines files are sanitised too")

        let validate = try await WorkbenchProcess.run(["validate", anna, "--corpus", "corpus"], directory: directory)
        Self.expectClean(validate, "validate")
        let missing = try await WorkbenchProcess.run(["validate", "x\u{1B}]0;title\u{07}y.json"], directory: directory)
        Self.expectClean(missing, "validate missing file")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("x␛]0;title␇y.json"), "\(missing.stderr)")
        let export = try await WorkbenchProcess.run(["export", anna, "--format", "csv", "--out", folder + "/ex\u{1B}[2J"], directory: directory)
        Self.expectClean(export, "export")
        #expect(export.status == 0, "\(export.stderr)")
        let exportAgain = try await WorkbenchProcess.run(["export", anna, "--format", "csv", "--out", folder + "/ex\u{1B}[2J"], directory: directory)
        Self.expectClean(exportAgain, "export refusing to overwrite")
        #expect(exportAgain.status != 0)
        let badCorpus = try await WorkbenchProcess.run(["segment", "no\u{1B}[2Jcorpus"], directory: directory)
        Self.expectClean(badCorpus, "segment of a missing corpus")
        #expect(badCorpus.status != 0)
    }

    @Test("the REPL in piped mode: views, lists, searches and rejected commands show placeholders")
    func pipedREPL() async throws {
        let (folder, _, _) = try Self.sessions()
        let commands = [
            "show", "tokens", "speaker 1-2 = \"Evil\u{1B}]0;x\u{07} Name\"", "claim /bleiben.*hier/ by S1", "list all", "speakers",
            "targets", "stances", "docs", "status", "/Botsch", "/\u{1B}\\[2J", "bogus\u{1B}[2J", "goto \u{1B}[2J", "note \u{1B}]0;n\u{07}",
            "help", "quit",
        ]
        let result = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "hostile", "--annotator", "anna"], stdin: commands.joined(separator: "\n") + "\n",
            directory: URL(fileURLWithPath: folder))
        Self.expectClean(result, "annotate (piped)")
        #expect(result.stdout.contains("␛[2J"), "\(result.stdout) \(result.stderr)")
        let annotator = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "other", "--annotator", "a\u{1B}[31mb"], stdin: "quit\n", directory: URL(fileURLWithPath: folder))
        Self.expectClean(annotator, "annotate with an escape in the annotator name")
    }

    @Test("error messages: a session name, an unknown option and a bad value echo the argument as placeholders")
    func errorMessages() async throws {
        let folder = TestScratch.path("escape-errors-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let directory = URL(fileURLWithPath: folder)
        let session = try await WorkbenchProcess.run(["annotate", "--session", "a\u{1B}[31mb"], directory: directory)
        Self.expectClean(session, "--session with an escape")
        #expect(session.status != 0)
        #expect(session.stderr.contains("a␛[31mb"), "\(session.stderr)")
        let option = try await WorkbenchProcess.run(["--bogus\u{1B}[2J"], directory: directory)
        Self.expectClean(option, "unknown option")
        #expect(option.stderr.contains("--bogus␛[2J"), "\(option.stderr)")
        let value = try await WorkbenchProcess.run(["segment", "--format", "x\u{9B}2J"], directory: directory)
        Self.expectClean(value, "bad option value")
        #expect(value.status != 0)
        let replay = try await WorkbenchProcess.run(["replay", "s\u{1B}]0;t\u{07}.json", "--verify"], directory: directory)
        Self.expectClean(replay, "replay of a missing session")
        let diff = try await WorkbenchProcess.run(["diff", "a\u{1B}[2J.json", "b.json"], directory: directory)
        Self.expectClean(diff, "diff of missing sessions")
        let help = try await WorkbenchProcess.run(["segment", "--help"], directory: directory)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE"), "help goes to standard output")
    }
}
