/// One CSV row per claim (RFC 4180: UTF-8, header row, CRLF line ends, fields with commas,
/// quotes or line breaks quoted with doubled quotes): `claims.csv` with document, sentence
/// (0-based), claim id, canonical speaker and its id, mention text, cue text, claim text, form,
/// flags (`negated;hedged`), the stances of that speaker (`favor: target; …`), annotator, session.
/// Discontinuous texts are joined with ` … `.
public struct CSVExporter: Exporter {
    /// Creates the exporter.
    public init() {}

    public var format: ExportFormat { .csv }

    /// The header row's fields.
    public static let columns = [
        "document", "sentence", "claim", "speaker", "speaker_id", "mention", "cue", "claim_text", "form", "flags", "stances",
        "annotator", "session",
    ]

    public func export(_ bundle: ExportBundle) -> [ExportFile] {
        var stancesBySpeaker: [[String: String]] = []
        for (index, stances) in bundle.stances.enumerated() {
            let state = bundle.sessions[index].state
            var map: [String: [String]] = [:]
            for stance in stances {
                map[stance.speaker, default: []].append("\(stance.label): \(state.targets[stance.target]?.text ?? stance.target)")
            }
            stancesBySpeaker.append(map.mapValues { $0.joined(separator: "; ") })
        }
        var out = Self.columns.joined(separator: ",") + "\r\n"
        for (documentIndex, spans) in bundle.spans.enumerated() {
            let documentID = bundle.documents[documentIndex].document.id
            for span in spans where span.kind == .claim {
                let speaker = span.speaker.flatMap { bundle.speaker(session: span.session, id: $0) }
                let mention = span.mention.flatMap { bundle.span(session: span.session, id: $0) }.map { bundle.text(of: $0) } ?? ""
                let cue = span.cue.flatMap { bundle.span(session: span.session, id: $0) }.map { bundle.text(of: $0) } ?? ""
                var flags: [String] = []
                if span.negated { flags.append("negated") }
                if span.hedged { flags.append("hedged") }
                let fields = [
                    documentID, String(span.sentence), span.id, speaker?.name ?? "", span.speaker ?? "", mention, cue,
                    bundle.text(of: span), span.form ?? "", flags.joined(separator: ";"),
                    span.speaker.flatMap { stancesBySpeaker[span.session][$0] } ?? "", span.annotator, bundle.sessions[span.session].label,
                ]
                out += fields.map(ExportText.csvField).joined(separator: ",") + "\r\n"
            }
        }
        return [ExportFile(path: "claims.csv", contents: out)]
    }
}
