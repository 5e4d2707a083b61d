/// The export formats.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    case brat, webanno, conllu, iob, jsonl, w3c, csv, html, spkatt, labelstudio

    /// Whether the format's exporter reads annotation records from a session's state beyond the
    /// bundle's spans (the claims' attributes): its sessions are then loaded with their annotations
    /// in their states, not apart (``ExportSession/annotations``).
    public var readsAnnotationState: Bool {
        switch self {
        case .spkatt: return true
        default: return false
        }
    }

    /// The exporter for the format.
    public var exporter: any Exporter {
        switch self {
        case .brat: return BratExporter()
        case .webanno: return WebAnnoExporter()
        case .conllu: return CoNLLUExporter()
        case .iob: return IOBExporter()
        case .jsonl: return JSONLExporter()
        case .w3c: return W3CExporter()
        case .csv: return CSVExporter()
        case .html: return HTMLExporter()
        case .spkatt: return SpkAttExporter()
        case .labelstudio: return LabelStudioExporter()
        }
    }
}
