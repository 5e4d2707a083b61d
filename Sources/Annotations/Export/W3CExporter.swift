/// W3C Web Annotation Data Model as JSON-LD: `annotations.jsonld`, an array of annotations, each
/// with the context `http://www.w3.org/ns/anno.jsonld`.
///
/// One annotation per speaker mention, cue and claim: the target is the document
/// (`urn:workbench:document:<id>`) with a `TextPositionSelector` (Unicode code points,
/// end-exclusive) and a `TextQuoteSelector` (`exact`, `prefix`, `suffix`; context never splits a
/// grapheme cluster) per segment. Bodies: `classifying` (speaker, cue, claim), `tagging` (form,
/// negated, hedged, role), `identifying` (the canonical speakers, one body each, main first), `linking` (claim →
/// each speaker mention and the cue; → each addressee mention with `"role":"addressee"`) and `commenting` (notes). One annotation per stance (`assessing`) whose
/// targets are its evidence claims (or the speaker when it has none).
struct W3CExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .w3c }

    /// Spans and stances with their notes; sentence notes and notes on speakers or targets have no place.
    func writtenCounts(_ bundle: ExportBundle) -> ExportCounts {
        bundle.counts.keeping(stances: true, notes: bundle.noteCount(spansAndStances: true, sentences: false), speakers: true, targets: true)
    }

    /// The Web Annotation context IRI.
    static let context = "http://www.w3.org/ns/anno.jsonld"
    /// Scalars of context in `prefix` and `suffix` (extended to whole grapheme clusters).
    static let contextLength = 32

    static func iri(_ kind: String, _ parts: String...) -> String {
        "urn:workbench:\(kind):" + parts.map(ExportText.percentEncoded).joined(separator: ":")
    }

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        out.begin("annotations.jsonld")
        var first = true
        func separate(_ out: inout ExportOutput) {
            out.append(first ? "[\n" : ",\n")
            first = false
        }
        // IRI prefixes per session, ending in `:`.
        let labels = bundle.sessions.map { ExportText.percentEncoded($0.label) }
        let annotationPrefix = labels.map { "urn:workbench:annotation:\($0):" }
        let speakerPrefix = labels.map { "urn:workbench:speaker:\($0):" }
        // Each document's annotations are built on all cores, as elements joined by ",\n", and
        // written in document order, each part after the separator like any element.
        ExportDocumentParts.build(bundle) { documentIndex in
            var part = ExportOutput()
            let source = Self.iri("document", bundle.documents[documentIndex].document.id)
            let spans = bundle.spans[documentIndex]
            guard !spans.isEmpty else { return part.bytes }
            // The covered texts and under 700 bytes per segment besides at the benchmark's
            // million annotations (``ExportBundle/partCapacity(document:perTextByte:perSegment:)``).
            part.bytes.reserveCapacity(bundle.partCapacity(document: documentIndex, perTextByte: 1, perSegment: 768))
            // Grapheme clusters of several scalars are looked up in the document's offset table,
            // made only for a document that has such clusters.
            let index = bundle.scalarIndex[documentIndex]
            let table = index.everyScalarACharacter ? nil : bundle.tables[documentIndex]
            let boundaries = Boundaries(index: index, table: table)
            for position in spans.indices {
                if position > 0 { part.append(",\n") }
                writeAnnotation(
                    for: spans[position], document: documentIndex, source: source, annotationPrefix: annotationPrefix[spans[position].session],
                    speakerPrefix: speakerPrefix[spans[position].session], boundaries: boundaries, bundle: bundle, to: &part)
            }
            return part.bytes
        } _: { _, bytes in
            guard !bytes.isEmpty else { return }
            separate(&out)
            out.appendPart(bytes)
        }
        for (sessionIndex, stances) in bundle.stances.enumerated() {
            for stance in stances {
                separate(&out)
                out.append(annotation(for: stance, session: sessionIndex, bundle: bundle).serialized())
            }
        }
        out.append(first ? "[]\n" : "\n]\n")
        out.end()
    }

    /// Appends an IRI as a JSON string: `prefix` (already encoded) and `part` percent-encoded. Encoded
    /// IRIs hold nothing JSON escapes (letters, digits, `_-.:%`).
    private func appendIRI(_ prefix: String, _ part: String, to out: inout ExportOutput) {
        out.append(byte: UInt8(ascii: "\""))
        out.append(prefix)
        out.append(ExportText.percentEncoded(part))
        out.append(byte: UInt8(ascii: "\""))
    }

    private func appendTextual(_ purpose: String, _ value: String, to out: inout ExportOutput) {
        out.append("{\"type\":\"TextualBody\",\"purpose\":\"")
        out.append(purpose)
        out.append("\",\"value\":")
        out.appendJSONString(value)
        out.append(byte: UInt8(ascii: "}"))
    }

    /// One span's annotation, as `annotation(for:document:bundle:)` of JSON values serialized compactly.
    private func writeAnnotation(
        for span: ExportSpan, document: Int, source: String, annotationPrefix: String, speakerPrefix: String, boundaries: Boundaries,
        bundle: ExportBundle, to out: inout ExportOutput
    ) {
        let scalarCount = boundaries.index.scalarCount
        out.append("{\"@context\":\"")
        out.append(Self.context)
        out.append("\",\"id\":")
        appendIRI(annotationPrefix, span.id, to: &out)
        out.append(",\"type\":\"Annotation\",\"motivation\":\"classifying\",\"creator\":")
        appendIRI("urn:workbench:annotator:", span.annotator, to: &out)
        out.append(",\"body\":[")
        appendTextual("classifying", span.kind.role, to: &out)
        if let form = span.form {
            out.append(byte: UInt8(ascii: ","))
            appendTextual("tagging", form, to: &out)
        }
        if span.negated { out.append(",{\"type\":\"TextualBody\",\"purpose\":\"tagging\",\"value\":\"negated\"}") }
        if span.hedged { out.append(",{\"type\":\"TextualBody\",\"purpose\":\"tagging\",\"value\":\"hedged\"}") }
        if let role = span.role {
            out.append(byte: UInt8(ascii: ","))
            appendTextual("tagging", role, to: &out)
        }
        for speakerID in span.speakers {
            guard let speaker = bundle.speaker(session: span.session, id: speakerID) else { continue }
            out.append(",{\"id\":")
            appendIRI(speakerPrefix, speakerID, to: &out)
            out.append(",\"type\":\"TextualBody\",\"purpose\":\"identifying\",\"value\":")
            out.appendJSONString(speaker.name)
            out.append(byte: UInt8(ascii: "}"))
        }
        // A claim's speaker mentions, then its cue (no array made for them).
        func appendLink(_ linked: String) {
            out.append(",{\"type\":\"SpecificResource\",\"purpose\":\"linking\",\"source\":")
            appendIRI(annotationPrefix, linked, to: &out)
            out.append(byte: UInt8(ascii: "}"))
        }
        if span.kind == .claim {
            for linked in span.mentions { appendLink(linked) }
        }
        if let cue = span.cue { appendLink(cue) }
        // An addressee is a mention the claim is addressed to: linked, with the Workbench term `role` saying so.
        for linked in span.addressees {
            out.append(",{\"type\":\"SpecificResource\",\"purpose\":\"linking\",\"source\":")
            appendIRI(annotationPrefix, linked, to: &out)
            out.append(",\"role\":\"addressee\"}")
        }
        for note in bundle.notes(session: span.session, about: span.id) {
            out.append(",{\"type\":\"TextualBody\",\"purpose\":\"commenting\",\"value\":")
            out.appendJSONString(note.text)
            out.append(",\"creator\":")
            appendIRI("urn:workbench:annotator:", note.annotator, to: &out)
            out.append(byte: UInt8(ascii: "}"))
        }
        out.append("],\"target\":[")
        for (index, segment) in span.segments.enumerated() {
            var prefixStart = max(0, segment.start - Self.contextLength)
            while prefixStart > 0 && !boundaries.isCharacterBoundary(prefixStart) { prefixStart -= 1 }
            var suffixEnd = min(scalarCount, segment.end + Self.contextLength)
            while suffixEnd < scalarCount && !boundaries.isCharacterBoundary(suffixEnd) { suffixEnd += 1 }
            if index > 0 { out.append(byte: UInt8(ascii: ",")) }
            out.append("{\"type\":\"SpecificResource\",\"source\":\"")
            out.append(source)
            out.append("\",\"selector\":[{\"type\":\"TextPositionSelector\",\"start\":")
            out.append(segment.start)
            out.append(",\"end\":")
            out.append(segment.end)
            out.append("},{\"type\":\"TextQuoteSelector\",\"exact\":")
            out.appendJSONString(bundle, document: document, segment.start, segment.end)
            out.append(",\"prefix\":")
            out.appendJSONString(bundle, document: document, prefixStart, segment.start)
            out.append(",\"suffix\":")
            out.appendJSONString(bundle, document: document, segment.end, suffixEnd)
            out.append("}]}")
        }
        out.append("]}")
    }

    /// Where a document's `Character` boundaries are: at every scalar offset of a text whose
    /// scalars each stand alone, otherwise where its offset table says.
    struct Boundaries {
        var index: ExportScalarIndex
        var table: OffsetTable?

        @inline(__always)
        func isCharacterBoundary(_ offset: Int) -> Bool {
            if let answer = index.isCharacterBoundaryWithoutBreaking(offset) { return answer }
            return table?.isCharacterBoundary(offset) ?? true
        }
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
