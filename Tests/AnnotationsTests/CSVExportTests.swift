import Foundation
import Testing
@testable import Annotations

@Suite("CSV export")
struct CSVExportTests {
    /// The rows of `claims.csv` (after the header) as fields; quoted fields are unquoted.
    static func rows(_ bundle: ExportBundle) -> [[String]] {
        let text = CSVExporter().export(bundle)[0].contents
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r" {
                continue
            } else if scalar == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return Array(rows.dropFirst())
    }

    static func column(_ name: String) -> Int { CSVExporter.columns.firstIndex(of: name)! }

    @Test("The stances column holds the stances the claim is evidence for, not every stance of its speaker")
    func stancesOfTheClaim() throws {
        let rows = Self.rows(try ExportFixture.bundle())
        func stances(_ claim: String, session: String = "anna") -> String? {
            rows.first { $0[Self.column("claim")] == claim && $0[Self.column("session")] == session }?[Self.column("stances")]
        }
        #expect(stances("C1") == "favor: Es muss gehandelt werden")
        #expect(stances("C2") == "favor: Es muss gehandelt werden")
        #expect(stances("C3") == "favor: Nordkorea schickt Truppen nach Russland")
        #expect(stances("C5") == "")  // P3 (S3 against T1) has no evidence
        #expect(stances("C1", session: "bob") == "")
    }

    @Test(
        "Cells that a spreadsheet would run as a formula start with a quote",
        arguments: ["+cmd|' /C calc'!A0", "=HYPERLINK(\"http://x.example\",\"klick\")", "-2+3", "@SUM(A1)", "\tTab", "\rCR"])
    func formulaInjection(name: String) throws {
        var session = try ExportFixture.anna()
        try session.perform(.replace(.speaker(Speaker(id: "S1", name: name, aliases: ["Rutte"]))), time: "2026-11-21T10:00:02.000Z")
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let text = CSVExporter().export(bundle)[0].contents
        let rows = Self.rows(bundle)
        let row = try #require(rows.first { $0[Self.column("claim")] == "C1" })
        #expect(row[Self.column("speaker")] == "'" + name)
        // Quoted, so the quote and the rest stay one cell.
        let escaped = name.replacingOccurrences(of: "\"", with: "\"\"")
        #expect(text.contains(",\"'\(escaped)\","))
        // Ordinary cells are unchanged.
        #expect(row[Self.column("claim_text")] == "Wir müssen handeln.")
    }

    @Test(
        "Controls a terminal would act on are written as the REPL shows them, not raw (cat claims.csv)",
        arguments: [
            ("Müller\u{1B}[31m\u{07}", "Müller␛[31m␇"), ("Rutte\u{7F}\u{9B}2J\u{85}", "Rutte␡<U+009B>2J<U+0085>"),
            ("=A1\u{1B}]0;x\u{07}", "'=A1␛]0;x␇"), ("\u{1B}=1", "␛=1"), ("Tab\there, \"and\"\r\nnew", "Tab\there, \"and\"\r\nnew"),
        ])
    func controlCharacters(name: String, shown: String) throws {
        var session = try ExportFixture.anna()
        try session.perform(.replace(.speaker(Speaker(id: "S1", name: name, aliases: ["Rutte"]))), time: "2026-11-21T10:00:02.000Z")
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let text = CSVExporter().export(bundle)[0].contents
        let row = try #require(Self.rows(bundle).first { $0[Self.column("claim")] == "C1" })
        #expect(row[Self.column("speaker")] == shown)
        // Only tab, CR and LF are left of the controls.
        let controls = text.unicodeScalars.filter { ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || (0x7F...0x9F).contains($0.value) }
        #expect(controls.isEmpty, "\(controls.map(\.value))")
    }
}
