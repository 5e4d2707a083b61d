/// W3C Web Annotation Data Model as JSON-LD: `annotations.jsonld`, an array of annotations, each
/// with the context `http://www.w3.org/ns/anno.jsonld`.
///
/// One annotation per speaker mention, cue and claim: the target is the document
/// (`urn:workbench:document:<id>`) with a `TextPositionSelector` (Unicode code points,
/// end-exclusive) and a `TextQuoteSelector` (`exact`, `prefix`, `suffix`; context never splits a
/// grapheme cluster) per segment. Bodies: `classifying` (speaker, cue, claim), `tagging` (form,
/// negated, hedged, role), `identifying` (the canonical speaker, with its IRI), `linking` (claim →
/// mention and cue) and `commenting` (notes). One annotation per stance (`assessing`) whose
/// targets are its evidence claims (or the speaker when it has none).
public struct W3CExporter: Exporter {
    /// Creates the exporter.
    public init() {}

    public var format: ExportFormat { .w3c }

    /// The Web Annotation context IRI.
    public static let context = "http://www.w3.org/ns/anno.jsonld"
    /// Scalars of context in `prefix` and `suffix` (extended to whole grapheme clusters).
    public static let contextLength = 32

    static func iri(_ kind: String, _ parts: String...) -> String {
        "urn:workbench:\(kind):" + parts.map(ExportText.percentEncoded).joined(separator: ":")
    }

    public func export(_ bundle: ExportBundle) -> [ExportFile] {
        var items: [String] = []
        for (documentIndex, spans) in bundle.spans.enumerated() {
            for span in spans { items.append(annotation(for: span, document: documentIndex, bundle: bundle).serialized()) }
        }
        for (sessionIndex, stances) in bundle.stances.enumerated() {
            for stance in stances { items.append(annotation(for: stance, session: sessionIndex, bundle: bundle).serialized()) }
        }
        let contents = items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
        return [ExportFile(path: "annotations.jsonld", contents: contents)]
    }

    private func annotation(for span: ExportSpan, document: Int, bundle: ExportBundle) -> JSONValue {
        let label = bundle.sessions[span.session].label
        let table = bundle.tables[document]
        let source = Self.iri("document", bundle.documents[document].document.id)
        var bodies: [JSONValue] = [textual("classifying", span.kind.role)]
        if let form = span.form { bodies.append(textual("tagging", form)) }
        if span.negated { bodies.append(textual("tagging", "negated")) }
        if span.hedged { bodies.append(textual("tagging", "hedged")) }
        if let role = span.role { bodies.append(textual("tagging", role)) }
        if let speakerID = span.speaker, let speaker = bundle.speaker(session: span.session, id: speakerID) {
            bodies.append(.object([
                ("id", .string(Self.iri("speaker", label, speakerID))), ("type", .string("TextualBody")),
                ("purpose", .string("identifying")), ("value", .string(speaker.name)),
            ]))
        }
        for linked in [span.mention, span.cue].compactMap({ $0 }) {
            bodies.append(.object([
                ("type", .string("SpecificResource")), ("purpose", .string("linking")),
                ("source", .string(Self.iri("annotation", label, linked))),
            ]))
        }
        for note in bundle.notes(session: span.session, about: span.id) {
            bodies.append(.object([
                ("type", .string("TextualBody")), ("purpose", .string("commenting")), ("value", .string(note.text)),
                ("creator", .string(Self.iri("annotator", note.annotator))),
            ]))
        }
        let targets: [JSONValue] = span.segments.map { segment in
            var prefixStart = max(0, segment.start - Self.contextLength)
            while prefixStart > 0 && !table.isCharacterBoundary(prefixStart) { prefixStart -= 1 }
            var suffixEnd = min(table.scalarCount, segment.end + Self.contextLength)
            while suffixEnd < table.scalarCount && !table.isCharacterBoundary(suffixEnd) { suffixEnd += 1 }
            return .object([
                ("type", .string("SpecificResource")),
                ("source", .string(source)),
                ("selector", .array([
                    .object([("type", .string("TextPositionSelector")), ("start", .int(segment.start)), ("end", .int(segment.end))]),
                    .object([
                        ("type", .string("TextQuoteSelector")), ("exact", .string(bundle.slice(document, segment.start, segment.end))),
                        ("prefix", .string(bundle.slice(document, prefixStart, segment.start))),
                        ("suffix", .string(bundle.slice(document, segment.end, suffixEnd))),
                    ]),
                ])),
            ])
        }
        return .object([
            ("@context", .string(Self.context)),
            ("id", .string(Self.iri("annotation", label, span.id))),
            ("type", .string("Annotation")),
            ("motivation", .string("classifying")),
            ("creator", .string(Self.iri("annotator", span.annotator))),
            ("body", .array(bodies)),
            ("target", .array(targets)),
        ])
    }

    private func annotation(for stance: Stance, session: Int, bundle: ExportBundle) -> JSONValue {
        let label = bundle.sessions[session].label
        let state = bundle.sessions[session].state
        var bodies: [JSONValue] = [textual("assessing", stance.label)]
        bodies.append(.object([
            ("id", .string(Self.iri("speaker", label, stance.speaker))), ("type", .string("TextualBody")),
            ("purpose", .string("identifying")), ("value", .string(state.speakers[stance.speaker]?.name ?? stance.speaker)),
        ]))
        bodies.append(.object([
            ("id", .string(Self.iri("target", label, stance.target))), ("type", .string("TextualBody")),
            ("purpose", .string("tagging")), ("value", .string(state.targets[stance.target]?.text ?? stance.target)),
        ]))
        for note in bundle.notes(session: session, about: stance.id) {
            bodies.append(.object([
                ("type", .string("TextualBody")), ("purpose", .string("commenting")), ("value", .string(note.text)),
                ("creator", .string(Self.iri("annotator", note.annotator))),
            ]))
        }
        let targets: [JSONValue] = stance.evidence.isEmpty
            ? [.string(Self.iri("speaker", label, stance.speaker))]
            : stance.evidence.map { .string(Self.iri("annotation", label, $0)) }
        return .object([
            ("@context", .string(Self.context)),
            ("id", .string(Self.iri("annotation", label, stance.id))),
            ("type", .string("Annotation")),
            ("motivation", .string("assessing")),
            ("creator", .string(Self.iri("annotator", stance.annotator))),
            ("body", .array(bodies)),
            ("target", .array(targets)),
        ])
    }

    private func textual(_ purpose: String, _ value: String) -> JSONValue {
        .object([("type", .string("TextualBody")), ("purpose", .string(purpose)), ("value", .string(value))])
    }
}
