import Foundation
import Testing
import TestSupport

/// A line break inside a folder or file name given on the command line (`validate`, `export --out`,
/// a corpus or import folder that is missing or empty) shows as `␊` in the result lines and error
/// messages: it never starts a line of its own that reads like one of the program's ("FORGED/x.json:
/// valid: …").
@Suite("Line breaks inside paths given on the command line")
struct LineBreakInPathsTests {
    /// A scratch folder holding a folder named `d` LF `FORGED` with a copy of the example session and
    /// of the seeds corpus in it.
    static func forgedFolder() throws -> (root: String, forged: String) {
        let root = TestScratch.path("line-break-paths-")
        let forged = root + "/d\nFORGED"
        let manager = FileManager.default
        try manager.createDirectory(atPath: forged, withIntermediateDirectories: true)
        let package = WorkbenchProcess.packageRoot.path
        for name in ["example.json", "example.jsonl"] {
            try manager.copyItem(atPath: package + "/sessions/" + name, toPath: forged + "/" + name)
        }
        try manager.copyItem(atPath: package + "/seeds", toPath: forged + "/seeds")
        try manager.createDirectory(atPath: forged + "/empty", withIntermediateDirectories: true)
        return (root, forged)
    }

    /// The lines of `output` that begin with the forged part of the folder name.
    static func forgedLines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("FORGED") }
    }

    @Test("validate's result line and export's summary show the line break as ␊")
    func resultLines() async throws {
        let (_, forged) = try Self.forgedFolder()
        let validate = try await WorkbenchProcess.run(["validate", forged + "/example.json", "--corpus", forged + "/seeds"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(Self.forgedLines(validate.stdout + validate.stderr).isEmpty, "\(validate.stdout)")
        #expect(validate.stdout.contains("d␊FORGED/example.json: valid:"), "\(validate.stdout)")

        let out = forged + "/out"
        let export = try await WorkbenchProcess.run(["export", forged + "/example.json", "--format", "csv", "--out", out, "--corpus", forged + "/seeds"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(Self.forgedLines(export.stdout + export.stderr).isEmpty, "\(export.stdout)\(export.stderr)")
        #expect((export.stdout + export.stderr).contains("/d␊FORGED/out from 1 session(s)"))
        // Again into the folder now full: the refusal names it on one line too.
        let again = try await WorkbenchProcess.run(["export", forged + "/example.json", "--format", "csv", "--out", out, "--corpus", forged + "/seeds"])
        #expect(again.status == 1)
        #expect(Self.forgedLines(again.stderr).isEmpty, "\(again.stderr)")
        #expect(again.stderr.contains("d␊FORGED/out: the folder is not empty"), "\(again.stderr)")
    }

    @Test("import spkatt --corpus-out names the corpus it wrote on one line")
    func corpusOut() async throws {
        let (root, forged) = try Self.forgedFolder()
        let export = try await WorkbenchProcess.run(
            ["export", forged + "/example.json", "--format", "spkatt", "--out", root + "/spk", "--corpus", forged + "/seeds"])
        #expect(export.status == 0, "\(export.stderr)")
        let result = try await WorkbenchProcess.run(
            ["import", "spkatt", root + "/spk/example", "--session", root + "/imported", "--corpus-out", forged + "/corpus.jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.forgedLines(result.stdout + result.stderr).isEmpty, "\(result.stdout)")
        #expect(result.stdout.contains("/d␊FORGED/corpus.jsonl"), "\(result.stdout)")
    }

    @Test("errors naming a missing or empty folder (corpus, brat and SpkAtt import) show the line break as ␊")
    func errorMessages() async throws {
        let (root, forged) = try Self.forgedFolder()
        for arguments in [
            ["segment", forged + "/nosuch"],
            ["validate", forged + "/example.json", "--corpus", forged + "/nosuch"],
            ["suggest", forged + "/empty"],
            ["import", "brat", forged + "/empty", "--session", root + "/b1", "--corpus-out", root + "/c1.jsonl"],
            ["import", "brat", forged + "/seeds", "--session", root + "/b2", "--corpus", forged + "/seeds"],
            ["import", "spkatt", forged + "/nosuch", "--session", root + "/s1"],
            ["import", "webanno", forged + "/nosuch", "--session", root + "/w1", "--corpus", forged + "/seeds"],
            ["import", "labelstudio", forged + "/nosuch", "--session", root + "/l1", "--corpus", forged + "/seeds"],
            ["import", "jsonl", forged + "/nosuch", "--session", root + "/j1", "--corpus", forged + "/seeds"],
        ] {
            let result = try await WorkbenchProcess.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(Self.forgedLines(result.stdout + result.stderr).isEmpty, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("d␊FORGED/"), "\(arguments): \(result.stderr)")
        }
    }
}
