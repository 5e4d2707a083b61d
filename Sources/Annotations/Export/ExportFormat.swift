/// The export formats.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    case brat, webanno, conllu, iob, jsonl, w3c, csv, html, spkatt, labelstudio

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
