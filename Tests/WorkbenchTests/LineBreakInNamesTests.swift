import Foundation
import Testing
@testable import Annotations
import TestSupport

/// A line break inside a speaker name or a note (brat's notes.tsv and hand-edited sessions bring
/// them) is shown as `␊` by `diff`, `agree --disagreements` and `adjudicate`, as by `stats`: it
/// never starts a line of its own that reads like a line of the output ("    + speaker Evil").
@Suite("Line breaks inside names and notes in comparison output")
struct LineBreakInNamesTests {
    static let forged = "USA\n    + speaker Evil"

    static func sessions() throws -> (folder: String, anna: String, ben: String) {
        let (folder, corpus) = try SessionFixture.corpus(["a": "Die USA forderten, Nordkorea müsse abziehen.\n"])
        var paths: [String] = []
        for (annotator, name) in [("anna", Self.forged), ("ben", "USA")] {
            var fixture = SessionFixture(annotator: annotator, folder: folder, corpus: corpus)
            try fixture.perform(.add(.speaker(Speaker(id: "S1", name: name))))
            try fixture.perform(.add(.mention(Mention(id: "M1", anchor: try fixture.anchor("Die USA", in: "a"), speaker: "S1"))))
            let form = annotator == "anna" ? "indirect" : "direct"
            try fixture.perform(.add(.claim(Claim(id: "C1", anchor: try fixture.anchor("Nordkorea müsse abziehen", in: "a"), speaker: "S1", mention: "M1", form: form))))
            if annotator == "anna" {
                try fixture.perform(.add(.note(Note(id: "N1", subject: .annotation("C1"), text: "sicher\n    - claim „gefälscht“ (C9)", annotator: "anna"))))
            }
            paths.append(try fixture.write(annotator))
        }
        return (folder, paths[0], paths[1])
    }

    static func forgedLines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("    + speaker Evil") || $0.hasPrefix("    - claim „gefälscht“") }
    }

    @Test("diff, agree --disagreements and adjudicate show the line break as ␊")
    func shownAsPlaceholder() async throws {
        let (folder, anna, ben) = try Self.sessions()
        let runs = [
            ["diff", ben, anna],
            ["agree", anna, ben, "--disagreements"],
            ["adjudicate", anna, ben, "--out", folder + "/adj.json", "--adjudicator", "carla"],
        ]
        for arguments in runs {
            let result = try await WorkbenchProcess.run(arguments, stdin: "q\n")
            #expect(result.status == 0, "\(arguments[0]): \(result.stderr)")
            #expect(Self.forgedLines(result.stdout).isEmpty, "\(arguments[0]):\n\(result.stdout)")
            #expect(result.stdout.contains("␊"), "\(arguments[0]):\n\(result.stdout)")
        }
    }
}
