/// Prodigy-style JSON Lines: `annotations.jsonl` holds one record per sentence and session with
/// `text`, `tokens` (`text`, `start`, `end`, `id`, `ws`), `spans` (`start`, `end`, `token_start`,
/// `token_end` inclusive, `label`, the covered `text`, plus the annotation's `id`, `segment` and attributes),
/// `relations` (`head`, `child`, `head_span`, `child_span`, `label`: `HAS_SPEAKER` per speaker mention,
/// `HAS_ADDRESSEE` per addressee mention, `HAS_CUE`), `answer`, `_session_id` and
/// `meta` (`document`, `sentence`, `annotator`, `session`). Offsets count Unicode scalars from the
/// start of the sentence. A claim span's `speaker` and `mention` are its main ones; one with several
/// speakers also has `speakers` and `mentions` (all, main first), one with addressees `addressees`. `entities.jsonl` holds the sessions, speakers, targets, stances and
/// notes. Schemas: `docs/export-jsonl.schema.json`, `docs/export-jsonl-entities.schema.json`.
struct JSONLExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .jsonl }

    /// Relation labels.
    static let speakerRelation = "HAS_SPEAKER", addresseeRelation = "HAS_ADDRESSEE", cueRelation = "HAS_CUE"

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        out.begin("annotations.jsonl")
        annotations(bundle, to: &out)
        out.end()
        out.file("entities.jsonl", entities(bundle))
    }

    private struct Piece {
        var span: Int
        var segment: Int
        var start: Int
        var end: Int
        var tokenStart: Int
        var tokenEnd: Int
        /// The piece's offsets in the document (for its `text`).
        var documentStart: Int
        var documentEnd: Int
    }

    /// Each session's label and annotator as JSON string literals, written once for the whole
    /// export instead of once per record.
    private struct SessionLiterals: Sendable {
        var label: [[UInt8]] = []
        var annotator: [[UInt8]] = []

        init(_ sessions: [ExportSession]) {
            for session in sessions {
                var literal = ExportOutput()
                literal.appendJSONString(session.label)
                label.append(literal.bytes)
                literal.bytes.removeAll(keepingCapacity: true)
                literal.appendJSONString(session.annotator)
                annotator.append(literal.bytes)
            }
        }
    }

    private func annotations(_ bundle: ExportBundle, to out: inout ExportOutput) {
        let literals = SessionLiterals(bundle.sessions)
        // Documents are built on all cores and written in order.
        ExportDocumentParts.build(bundle) { documentIndex in
            var part = ExportOutput()
            // About 14 bytes of records per byte of text (each token's record, each session's
            // copy of the sentence) and under 210 bytes per span piece besides at the benchmark's
            // million annotations: room made at once, so the part is not copied as it grows
            // (``ExportBundle/partCapacity(document:perTextByte:perSegment:)``; 16 bytes per byte of
            // text alone fell short for three documents in ten).
            part.bytes.reserveCapacity(
                bundle.partCapacity(document: documentIndex, perTextByte: 14 * bundle.sessions.count, perSegment: 256))
            annotations(bundle, document: documentIndex, literals: literals, to: &part)
            return part.bytes
        } _: { _, bytes in
            out.appendPart(bytes)
        }
    }

    /// The records of one document.
    private func annotations(_ bundle: ExportBundle, document documentIndex: Int, literals: SessionLiterals, to out: inout ExportOutput) {
        var tokenJSON = GrowingByteBuffer(capacity: 1 << 16)
        var written: [Piece] = []
        do {
            let document = bundle.documents[documentIndex]
            let scalarIndex = bundle.scalarIndex[documentIndex]
            let bySentence = ExportSentenceSpans(bundle, document: documentIndex)
            let spans = bundle.spans[documentIndex]
            let bytes = bundle.bytes[documentIndex]
            // The document's id as a JSON string literal, written once for all its records.
            var documentLiteral = ExportOutput()
            documentLiteral.appendJSONString(document.document.id)
            // Reused from sentence to sentence.
            var scratch = ExportTokens.Scratch(), tokens: [ExportToken] = [], pieces: [ExportTokens.Piece] = []
            for (sentenceIndex, sentence) in document.sentences.enumerated() {
                ExportTokens.tokens(of: sentence, index: scalarIndex, bytes: bytes, scratch: &scratch, into: &tokens)
                // The sentence's tokens as JSON, written through a pointer (room made once per
                // token: its text escaped takes at most six bytes a byte) and copied on at once.
                tokenJSON.removeAll()
                tokenJSON.reserve(2)
                tokenJSON.append(UInt8(ascii: "["))
                bytes.withUnsafeBufferPointer { document in
                    tokens.withUnsafeBufferPointer { tokenList in
                        for index in tokenList.indices {
                            let token = tokenList[index], start = token.start - sentence.start, end = token.end - sentence.start
                            if token.isInDocument {
                                Self.writeToken(
                                    UnsafeBufferPointer(rebasing: document[token.utf8]), start: start, end: end, id: index, spaceAfter: token.spaceAfter,
                                    to: &tokenJSON)
                            } else {
                                token.withText(in: bytes, stored: scratch.ownText) {
                                    Self.writeToken($0, start: start, end: end, id: index, spaceAfter: token.spaceAfter, to: &tokenJSON)
                                }
                            }
                        }
                    }
                }
                tokenJSON.reserve(1)
                tokenJSON.append(UInt8(ascii: "]"))
                // Written once and copied into each session's record.
                ExportTokens.pieces(in: bundle, document: documentIndex, sentence: sentence, from: bySentence[sentenceIndex], into: &pieces)
                for sessionIndex in bundle.sessions.indices {
                    out.append("{\"text\":")
                    out.appendJSONString(sentence.text)
                    out.append(",\"tokens\":")
                    out.bytes.append(contentsOf: tokenJSON.bytes)
                    out.append(",\"spans\":[")
                    written.removeAll(keepingCapacity: true)
                    for piece in pieces where spans[piece.span].session == sessionIndex {
                        let range = ExportTokens.tokenRange(tokens, piece.range)
                        let item = Piece(
                            span: piece.span, segment: piece.segment, start: piece.range.start - sentence.start,
                            end: piece.range.end - sentence.start, tokenStart: range?.lowerBound ?? -1, tokenEnd: range?.upperBound ?? -1,
                            documentStart: piece.range.start, documentEnd: piece.range.end)
                        if !written.isEmpty { out.append(byte: UInt8(ascii: ",")) }
                        writeSpan(item, spans, bundle: bundle, document: documentIndex, to: &out)
                        written.append(item)
                    }
                    out.append("],\"relations\":[")
                    var first = true
                    for head in written where spans[head.span].kind == .claim && head.segment == 0 {
                        // Speaker mentions, addressees, then the cue (no array made per claim).
                        func link(_ target: String, _ label: String) {
                            guard let child = written.first(where: { spans[$0.span].id == target && spans[$0.span].session == sessionIndex })
                            else { return }
                            if !first { out.append(byte: UInt8(ascii: ",")) }
                            first = false
                            out.append("{\"head\":")
                            out.append(head.tokenStart)
                            out.append(",\"child\":")
                            out.append(child.tokenStart)
                            out.append(",\"head_span\":")
                            writeReference(head, spans[head.span].kind, to: &out)
                            out.append(",\"child_span\":")
                            writeReference(child, spans[child.span].kind, to: &out)
                            out.append(",\"label\":\"")
                            out.append(label)
                            out.append("\"}")
                        }
                        for target in spans[head.span].mentions { link(target, Self.speakerRelation) }
                        for target in spans[head.span].addressees { link(target, Self.addresseeRelation) }
                        if let cue = spans[head.span].cue { link(cue, Self.cueRelation) }
                    }
                    out.append("],\"answer\":\"accept\",\"_session_id\":")
                    out.bytes.append(contentsOf: literals.label[sessionIndex])
                    out.append(",\"meta\":{\"document\":")
                    out.bytes.append(contentsOf: documentLiteral.bytes)
                    out.append(",\"sentence\":")
                    out.append(sentenceIndex)
                    out.append(",\"annotator\":")
                    out.bytes.append(contentsOf: literals.annotator[sessionIndex])
                    out.append(",\"session\":")
                    out.bytes.append(contentsOf: literals.label[sessionIndex])
                    out.append("}}\n")
                }
            }
        }
    }

    /// One token of a record's `tokens` (with the comma before it unless it is the first).
    @inline(__always)
    private static func writeToken(
        _ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, id: Int, spaceAfter: Bool, to json: inout GrowingByteBuffer
    ) {
        // Its text escaped takes at most six bytes a byte, each number at most 20.
        json.reserve(6 * text.count + 3 * 20 + 40)
        json.append(id > 0 ? ",{\"text\":\"" : "{\"text\":\"")
        SegmentOutput.appendEscaped(text, to: &json)
        json.append("\",\"start\":")
        json.appendDecimal(start)
        json.append(",\"end\":")
        json.appendDecimal(end)
        json.append(",\"id\":")
        json.appendDecimal(id)
        json.append(spaceAfter ? ",\"ws\":true}" : ",\"ws\":false}")
    }

    /// A span piece as a relation refers to it: its offsets, token range and label.
    private func writeReference(_ piece: Piece, _ kind: ExportSpan.Kind, to out: inout ExportOutput) {
        writeBounds(piece, kind, to: &out)
        out.append(byte: UInt8(ascii: "}"))
    }

    /// The fields a span piece and a reference to it share, after the opening brace.
    @inline(__always)
    private func writeBounds(_ piece: Piece, _ kind: ExportSpan.Kind, to out: inout ExportOutput) {
        out.append("{\"start\":")
        out.append(piece.start)
        out.append(",\"end\":")
        out.append(piece.end)
        out.append(",\"token_start\":")
        out.append(piece.tokenStart)
        out.append(",\"token_end\":")
        out.append(piece.tokenEnd)
        out.append(",\"label\":\"")
        out.append(kind.tag)
        out.append(byte: UInt8(ascii: "\""))
    }

    /// One span piece of `spans` in full, with its text (read from document `document` of
    /// `bundle`) and attributes. The bundle and the span are read in place, not copied.
    private func writeSpan(_ piece: Piece, _ spans: [ExportSpan], bundle: ExportBundle, document: Int, to out: inout ExportOutput) {
        let span = spans[piece.span]
        writeBounds(piece, span.kind, to: &out)
        // The covered text, so an import sees offsets moved within the same tokens.
        out.append(",\"text\":")
        out.appendJSONString(bundle, document: document, piece.documentStart, piece.documentEnd)
        out.append(",\"id\":")
        out.appendJSONString(span.id)
        out.append(",\"segment\":")
        out.append(piece.segment)
        out.append(",\"annotator\":")
        out.appendJSONString(span.annotator)
        func field(_ name: String, _ value: String?) {
            guard let value else { return }
            out.append(",\"")
            out.append(name)
            out.append("\":")
            out.appendJSONString(value)
        }
        field("speaker", span.speaker)
        field("mention", span.mention)
        func list(_ name: String, _ values: [String]) {
            out.append(",\"")
            out.append(name)
            out.append("\":[")
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(byte: UInt8(ascii: ",")) }
                out.appendJSONString(value)
            }
            out.append(byte: UInt8(ascii: "]"))
        }
        if span.kind == .claim, span.speakers.count > 1 { list("speakers", span.speakers) }
        if span.kind == .claim, span.mentions.count > 1 { list("mentions", span.mentions) }
        if !span.addressees.isEmpty { list("addressees", span.addressees) }
        field("cue", span.cue)
        field("form", span.form)
        field("role", span.role)
        if span.negated { out.append(",\"negated\":true") }
        if span.hedged { out.append(",\"hedged\":true") }
        out.append(byte: UInt8(ascii: "}"))
    }

    private func entities(_ bundle: ExportBundle) -> String {
        var lines: [String] = []
        for (index, session) in bundle.sessions.enumerated() {
            let label = JSONValue.string(session.label)
            lines.append(JSONValue.object([
                ("type", .string("session")), ("session", label), ("annotator", .string(session.annotator)),
                ("schema", .object([
                    ("name", .string(session.state.schema.name)),
                    ("stance_labels", .array(session.state.schema.stanceLabels.map(JSONValue.string))),
                    ("claim_forms", .array(session.state.schema.claimForms.map(JSONValue.string))),
                    ("speaker_kinds", .array(session.state.schema.speakerKinds.map(JSONValue.string))),
                ])),
            ]).serialized())
            for speaker in bundle.speakers[index] {
                lines.append(JSONValue.object([
                    ("type", .string("speaker")), ("session", label), ("id", .string(speaker.id)), ("name", .string(speaker.name)),
                    ("kind", .string(speaker.kind)), ("aliases", .array(speaker.aliases.map(JSONValue.string))),
                    ("annotator", .string(speaker.annotator.isEmpty ? session.annotator : speaker.annotator)),
                ]).serialized())
            }
            for target in bundle.targets[index] {
                lines.append(JSONValue.object([
                    ("type", .string("target")), ("session", label), ("id", .string(target.id)), ("text", .string(target.text)),
                    ("annotator", .string(target.annotator.isEmpty ? session.annotator : target.annotator)),
                ]).serialized())
            }
            for stance in bundle.stances[index] {
                lines.append(JSONValue.object([
                    ("type", .string("stance")), ("session", label), ("id", .string(stance.id)), ("speaker", .string(stance.speaker)),
                    ("target", .string(stance.target)), ("label", .string(stance.label)),
                    ("evidence", .array(stance.evidence.map(JSONValue.string))), ("annotator", .string(stance.annotator)),
                ]).serialized())
            }
            for note in bundle.notes[index] {
                let subject: JSONValue
                switch note.subject {
                case .annotation(let id): subject = .object([("annotation", .string(id))])
                case .sentence(let key): subject = .object([("document", .string(key.document)), ("sentence", .int(key.sentence))])
                }
                lines.append(JSONValue.object([
                    ("type", .string("note")), ("session", label), ("id", .string(note.id)), ("subject", subject),
                    ("text", .string(note.text)), ("annotator", .string(note.annotator)),
                ]).serialized())
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
