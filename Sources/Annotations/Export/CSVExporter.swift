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
            return map.mapValues { $0.joined(separator: "; ") }
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

    /// The rows of the claims of document `documentIndex`.
    private static func rows(_ bundle: ExportBundle, document documentIndex: Int, stancesByClaim: [[String: String]], to out: inout ExportOutput) {
        let documentID = bundle.documents[documentIndex].document.id
        for span in bundle.spans[documentIndex] where span.kind == .claim {
            let names = span.speakers.map { bundle.speaker(session: span.session, id: $0)?.name ?? "" }
            func texts(_ ids: [String]) -> String {
                ids.compactMap { bundle.span(session: span.session, id: $0) }.map { bundle.text(of: $0) }.joined(separator: "; ")
            }
            out.appendCSVField(documentID)
            out.append(byte: 0x2C)
            out.append(span.sentence + 1)
            out.append(byte: 0x2C)
            out.appendCSVField(span.id)
            out.append(byte: 0x2C)
            out.appendCSVField(names.joined(separator: "; "))
            out.append(byte: 0x2C)
            out.appendCSVField(span.speakers.joined(separator: ";"))
            out.append(byte: 0x2C)
            out.appendCSVField(texts(span.mentions))
            out.append(byte: 0x2C)
            if let cue = span.cue.flatMap({ bundle.span(session: span.session, id: $0) }) { out.appendCSVField(bundle.text(of: cue)) }
            out.append(byte: 0x2C)
            out.appendCSVField(bundle.text(of: span))
            out.append(byte: 0x2C)
            out.appendCSVField(span.form ?? "")
            out.append(byte: 0x2C)
            if span.negated { out.append(span.hedged ? "negated;hedged" : "negated") } else if span.hedged { out.append("hedged") }
            out.append(byte: 0x2C)
            out.appendCSVField(stancesByClaim[span.session][span.id] ?? "")
            out.append(byte: 0x2C)
            out.appendCSVField(span.annotator)
            out.append(byte: 0x2C)
            out.appendCSVField(bundle.sessions[span.session].label)
            out.append(byte: 0x2C)
            out.appendCSVField(texts(span.addressees))
            out.append("\r\n")
        }
    }
}
