/// One CSV row per claim (RFC 4180: UTF-8, header row, CRLF line ends, fields with commas,
/// quotes or line breaks quoted with doubled quotes): `claims.csv` with document, sentence
/// (0-based), claim id, canonical speaker and its id, mention text, cue text, claim text, form,
/// flags (`negated;hedged`), the stances this claim is evidence for (`favor: target; …`), annotator,
/// session, addressee mention texts. A claim with several speakers lists them in one cell each, main
/// first, separated by `; ` (names, mention texts) or `;` (ids); several addressees likewise. Discontinuous texts are joined with ` … `. Cells starting with `=`, `+`, `-`, `@`, tab
/// or CR get a leading `'` (see ``ExportOutput/appendCSVField(_:)``).
struct CSVExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .csv }

    /// One row per claim: the mentions, cues and stances appear only as columns of their claims.
    func writtenCounts(_ bundle: ExportBundle) -> ExportCounts {
        var counts = ExportCounts()
        counts.claims = bundle.counts.claims
        return counts
    }

    /// The header row's fields.
    static let columns = [
        "document", "sentence", "claim", "speaker", "speaker_id", "mention", "cue", "claim_text", "form", "flags", "stances",
        "annotator", "session", "addressees",
    ]

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        // Per session: claim id → the stances that cite it as evidence (`label: target`, in stance id order).
        let stancesByClaim = bundle.stances.enumerated().map { index, stances in
            let state = bundle.sessions[index].state
            var map: [String: [String]] = [:]
            for stance in stances {
                for claim in stance.evidence {
                    map[claim, default: []].append("\(stance.label): \(state.targets[stance.target]?.text ?? stance.target)")
                }
            }
            var table = ExportIDTable<String>()
            for (claim, cells) in map { table[claim] = cells.joined(separator: "; ") }
            return table
        }
        out.begin("claims.csv")
        out.append(Self.columns.joined(separator: ","))
        out.append("\r\n")
        // Each document's rows are built on all cores and written in document order.
        ExportDocumentParts.build(bundle) { documentIndex in
            var part = ExportOutput()
            Self.rows(bundle, document: documentIndex, stancesByClaim: stancesByClaim, to: &part)
            return part.bytes
        } _: { _, bytes in
            out.appendPart(bytes)
        }
        out.end()
    }

    /// The rows of the claims of document `documentIndex`. Fields made of several pieces (names,
    /// texts cut from the document) are put together as bytes in one reused buffer and escaped
    /// from there: no `String` per cut text or joined cell.
    private static func rows(_ bundle: ExportBundle, document documentIndex: Int, stancesByClaim: [ExportIDTable<String>], to out: inout ExportOutput) {
        let documentID = bundle.documents[documentIndex].document.id
        let spans = bundle.spans[documentIndex]
        var field: [UInt8] = []
        /// Appends one field made by `fill` in `field`.
        func appendField(_ fill: (inout [UInt8]) -> Void) {
            field.removeAll(keepingCapacity: true)
            fill(&field)
            field.withUnsafeBufferPointer { out.appendCSVField(utf8: $0) }
        }
        /// The texts of the exported spans among `ids`, joined by `; `.
        func appendTexts(_ ids: [String], session: Int) {
            appendField { field in
                var first = true
                for id in ids {
                    guard let location = bundle.location(session: session, id: id) else { continue }
                    if !first { field.append(contentsOf: [0x3B, 0x20]) }
                    first = false
                    bundle.appendText(document: location.document, index: location.index, to: &field)
                }
            }
        }
        for index in spans.indices where spans[index].kind == .claim {
            let session = spans[index].session
            out.appendCSVField(documentID)
            out.append(byte: 0x2C)
            out.append(spans[index].sentence + 1)
            out.append(byte: 0x2C)
            out.appendCSVField(spans[index].id)
            out.append(byte: 0x2C)
            let speakers = spans[index].speakers
            appendField { field in
                for (position, id) in speakers.enumerated() {
                    if position > 0 { field.append(contentsOf: [0x3B, 0x20]) }
                    if let name = bundle.speaker(session: session, id: id)?.name { field.append(contentsOf: name.utf8) }
                }
            }
            out.append(byte: 0x2C)
            appendField { field in
                for (position, id) in speakers.enumerated() {
                    if position > 0 { field.append(0x3B) }
                    field.append(contentsOf: id.utf8)
                }
            }
            out.append(byte: 0x2C)
            appendTexts(spans[index].mentions, session: session)
            out.append(byte: 0x2C)
            if let cue = spans[index].cue, let location = bundle.location(session: session, id: cue) {
                appendField { bundle.appendText(document: location.document, index: location.index, to: &$0) }
            }
            out.append(byte: 0x2C)
            appendField { bundle.appendText(document: documentIndex, index: index, to: &$0) }
            out.append(byte: 0x2C)
            out.appendCSVField(spans[index].form ?? "")
            out.append(byte: 0x2C)
            if spans[index].negated { out.append(spans[index].hedged ? "negated;hedged" : "negated") } else if spans[index].hedged { out.append("hedged") }
            out.append(byte: 0x2C)
            out.appendCSVField(stancesByClaim[session][spans[index].id] ?? "")
            out.append(byte: 0x2C)
            out.appendCSVField(spans[index].annotator)
            out.append(byte: 0x2C)
            out.appendCSVField(bundle.sessions[session].label)
            out.append(byte: 0x2C)
            appendTexts(spans[index].addressees, session: session)
            out.append("\r\n")
        }
    }
}
