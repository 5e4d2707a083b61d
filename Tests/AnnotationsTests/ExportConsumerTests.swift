import Foundation
import Testing
@testable import Annotations

/// Loads every export format with the libraries other tools use (installed by scripts/test into
/// .venv): bratly and pybrat, web-anno-tsv, conllu and spaCy, seqeval, pyld, jsonschema, Chromium,
/// and Python's csv module.
@Suite("Exports load in real consumers", .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to load exports with bratly, pybrat, web-anno-tsv, conllu, spaCy, seqeval, pyld, jsonschema and Chromium"))
struct ExportConsumerTests {
    static let root = ConsumerPython.packageRoot

    /// Exports every format of the fixture into a fresh folder and writes `expected.json`.
    static func exportAll() throws -> (folder: String, expected: String) {
        let bundle = try ExportFixture.bundle()
        let folder = TestCorpus.temporaryFolder()
        for format in ExportFormat.allCases {
            try ExportWriter(folder: folder + "/" + format.rawValue).write(format.exporter.export(bundle))
        }
        var texts: [(String, JSONValue)] = []
        for document in bundle.documents { texts.append((document.document.id, .string(document.document.text))) }
        var spans: [JSONValue] = []
        var pieces: [String: Int] = [:]
        var webannoPieces = 0
        for (documentIndex, list) in bundle.spans.enumerated() {
            let sentences = bundle.documents[documentIndex].sentences
            for span in list {
                spans.append(.object([
                    ("session", .string(bundle.sessions[span.session].label)), ("id", .string(span.id)),
                    ("pieces", .array(span.segments.map { .string(bundle.text(document: documentIndex, $0)) })),
                ]))
                for segment in span.segments {
                    let count = sentences.filter { $0.start < segment.end && $0.end > segment.start }.count
                    pieces[span.kind.tag, default: 0] += count
                    webannoPieces += count
                }
            }
        }
        var brat: [(String, JSONValue)] = []
        for session in bundle.sessions {
            var perDocument: [(String, JSONValue)] = []
            for document in bundle.documents {
                let ann = try String(contentsOfFile: "\(folder)/brat/\(session.label)/\(document.document.id).ann", encoding: .utf8)
                var counts: [(String, JSONValue)] = []
                for prefix in ["T", "R", "A", "N", "#"] {
                    counts.append((prefix, .int(ann.split(separator: "\n").filter { $0.hasPrefix(prefix) }.count)))
                }
                perDocument.append((document.document.id, .object(counts)))
            }
            brat.append((session.label, .object(perDocument)))
        }
        var iob: [(String, JSONValue)] = []
        for (sessionIndex, session) in bundle.sessions.enumerated() {
            var offsets: [String: Int] = [:]
            var running = 0
            for document in bundle.documents {
                offsets[document.document.id] = running
                running += document.sentences.count
            }
            let entities = IOBExporter().entities(bundle, session: sessionIndex).map { entity -> JSONValue in
                .array([.int((offsets[entity.document] ?? 0) + entity.sentence), .string(entity.label), .int(entity.first), .int(entity.last)])
            }
            iob.append((session.label, .array(entities)))
        }
        let stanceKeys = bundle.stances.enumerated().flatMap { index, list in list.map { JSONValue.string("\(bundle.sessions[index].label):\($0.id)") } }
        // CSV: per claim row (session:claim), the stances it is evidence for.
        var csvStances: [(String, JSONValue)] = []
        for list in bundle.spans {
            for span in list where span.kind == .claim {
                let state = bundle.sessions[span.session].state
                let stances = bundle.stances[span.session].filter { $0.evidence.contains(span.id) }
                    .map { "\($0.label): \(state.targets[$0.target]?.text ?? $0.target)" }.joined(separator: "; ")
                csvStances.append(("\(bundle.sessions[span.session].label):\(span.id)", .string(stances)))
            }
        }
        let expected = JSONValue.object([
            ("csv_columns", .array(CSVExporter.columns.map(JSONValue.string))), ("csv_stances", .object(csvStances)),
            ("texts", .object(texts)), ("spans", .array(spans)), ("stances", .array(stanceKeys)), ("brat", .object(brat)),
            ("webanno_files", .int(bundle.sessions.count * bundle.documents.count)), ("webanno_pieces", .int(webannoPieces)),
            ("sentences", .int(bundle.documents.reduce(0) { $0 + $1.sentences.count })), ("iob", .object(iob)),
            ("w3c", .int(spans.count + stanceKeys.count)),
            ("jsonl_pieces", .object(pieces.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.int($0.value)) })),
        ])
        let expectedPath = folder + "/expected.json"
        try Data(expected.pretty().utf8).write(to: URL(fileURLWithPath: expectedPath))
        return (folder, expectedPath)
    }

    func check(_ script: String, _ arguments: [String]) async throws {
        let result = try await ConsumerPython.run(script, arguments)
        #expect(result.status == 0, "\(script): \(result.output)")
    }

    @Test("brat: bratly checks offsets against the text and counts every line; pybrat's text[start:end] equals each mention")
    func brat() async throws {
        let (folder, expected) = try Self.exportAll()
        try await check("check_brat.py", [folder + "/brat", expected])
    }

    @Test("WebAnno TSV 3.3: web-anno-tsv reads every file without bad offsets (UTF-16 over the document)")
    func webanno() async throws {
        let (folder, expected) = try Self.exportAll()
        try await check("check_webanno.py", [folder + "/webanno", expected])
    }

    @Test("CoNLL-U: conllu parses 10 columns and the Plus span column; spaCy's converter rebuilds every sentence text")
    func conllu() async throws {
        let (folder, expected) = try Self.exportAll()
        try await check("check_conllu.py", [folder + "/conllu", expected])
    }

    @Test("IOB2: seqeval's strict IOB2 extraction finds exactly the exported entities")
    func iob() async throws {
        let (folder, expected) = try Self.exportAll()
        try await check("check_iob.py", [folder + "/iob", expected])
    }

    @Test("W3C: pyld expands every annotation with the vendored context; exact equals the text at the position")
    func w3c() async throws {
        let (folder, expected) = try Self.exportAll()
        try await check("check_w3c.py", [folder + "/w3c/annotations.jsonld", Self.root.appendingPathComponent("Tests/Fixtures/anno.jsonld").path, expected])
    }

    @Test("JSONL: every line validates against the schemas in docs/")
    func jsonl() async throws {
        let (folder, expected) = try Self.exportAll()
        try await check("check_jsonl.py", [
            folder + "/jsonl/annotations.jsonl", Self.root.appendingPathComponent("docs/export-jsonl.schema.json").path,
            folder + "/jsonl/entities.jsonl", Self.root.appendingPathComponent("docs/export-jsonl-entities.schema.json").path, expected,
        ])
    }

    @Test("CSV: Python's csv module reads one row per claim, no cell starts a formula, stances are the claim's")
    func csv() async throws {
        let (folder, expected) = try Self.exportAll()
        try await check("check_csv.py", [folder + "/csv/claims.csv", expected])
    }

    @Test("HTML: Chromium renders the page; every annotation is on it with its text")
    func html() async throws {
        let (folder, expected) = try Self.exportAll()
        try await check("check_html.py", [folder + "/html/review.html", folder + "/review.png", expected])
    }
}
