/// Prodigy-style JSON Lines: `annotations.jsonl` holds one record per sentence and session with
/// `text`, `tokens` (`text`, `start`, `end`, `id`, `ws`), `spans` (`start`, `end`, `token_start`,
/// `token_end` inclusive, `label`, plus the annotation's `id`, `segment` and attributes),
/// `relations` (`head`, `child`, `head_span`, `child_span`, `label`), `answer`, `_session_id` and
/// `meta` (`document`, `sentence`, `annotator`, `session`). Offsets count Unicode scalars from the
/// start of the sentence. `entities.jsonl` holds the sessions, speakers, targets, stances and
/// notes. Schemas: `docs/export-jsonl.schema.json`, `docs/export-jsonl-entities.schema.json`.
public struct JSONLExporter: Exporter {
    /// Creates the exporter.
    public init() {}

    public var format: ExportFormat { .jsonl }

    /// Relation labels.
    public static let speakerRelation = "HAS_SPEAKER", cueRelation = "HAS_CUE"

    public func export(_ bundle: ExportBundle) -> [ExportFile] {
        [
            ExportFile(path: "annotations.jsonl", contents: annotations(bundle)),
            ExportFile(path: "entities.jsonl", contents: entities(bundle)),
        ]
    }

    private struct Piece {
        var span: Int
        var segment: Int
        var start: Int
        var end: Int
        var tokenStart: Int
        var tokenEnd: Int
    }

    private func annotations(_ bundle: ExportBundle) -> String {
        var out = ""
        out.reserveCapacity(bundle.spans.reduce(0) { $0 + $1.count } * 220 + bundle.documents.count * 1000)
        for (documentIndex, document) in bundle.documents.enumerated() {
            let table = bundle.tables[documentIndex]
            let bySentence = ExportTokens.spansBySentence(bundle, document: documentIndex)
            let spans = bundle.spans[documentIndex]
            for (sentenceIndex, sentence) in document.sentences.enumerated() {
                let tokens = ExportTokens.tokens(of: sentence, table: table)
                var tokenJSON = "["
                for (index, token) in tokens.enumerated() {
                    if index > 0 { tokenJSON += "," }
                    tokenJSON += "{\"text\":"
                    JSONValue.writeString(token.text, to: &tokenJSON)
                    tokenJSON += ",\"start\":\(token.start - sentence.start),\"end\":\(token.end - sentence.start),\"id\":\(index),\"ws\":\(token.spaceAfter)}"
                }
                tokenJSON += "]"
                let pieces = ExportTokens.pieces(in: bundle, document: documentIndex, sentence: sentence, from: bySentence[sentenceIndex])
                for (sessionIndex, session) in bundle.sessions.enumerated() {
                    out += "{\"text\":"
                    JSONValue.writeString(sentence.text, to: &out)
                    out += ",\"tokens\":"
                    out += tokenJSON
                    out += ",\"spans\":["
                    var written: [Piece] = []
                    for piece in pieces where spans[piece.span].session == sessionIndex {
                        let range = ExportTokens.tokenRange(tokens, piece.range)
                        let item = Piece(
                            span: piece.span, segment: piece.segment, start: piece.range.start - sentence.start,
                            end: piece.range.end - sentence.start, tokenStart: range?.lowerBound ?? -1, tokenEnd: range?.upperBound ?? -1)
                        if !written.isEmpty { out += "," }
                        writeSpan(item, spans[piece.span], bundle: bundle, attributes: true, to: &out)
                        written.append(item)
                    }
                    out += "],\"relations\":["
                    var first = true
                    for head in written where spans[head.span].kind == .claim && head.segment == 0 {
                        let claim = spans[head.span]
                        for (target, label) in [(claim.mention, Self.speakerRelation), (claim.cue, Self.cueRelation)] {
                            guard let target, let child = written.first(where: { spans[$0.span].id == target && spans[$0.span].session == sessionIndex })
                            else { continue }
                            if !first { out += "," }
                            first = false
                            out += "{\"head\":\(head.tokenStart),\"child\":\(child.tokenStart),\"head_span\":"
                            writeSpan(head, claim, bundle: bundle, attributes: false, to: &out)
                            out += ",\"child_span\":"
                            writeSpan(child, spans[child.span], bundle: bundle, attributes: false, to: &out)
                            out += ",\"label\":\"\(label)\"}"
                        }
                    }
                    out += "],\"answer\":\"accept\",\"_session_id\":"
                    JSONValue.writeString(session.label, to: &out)
                    out += ",\"meta\":{\"document\":"
                    JSONValue.writeString(document.document.id, to: &out)
                    out += ",\"sentence\":\(sentenceIndex),\"annotator\":"
                    JSONValue.writeString(session.annotator, to: &out)
                    out += ",\"session\":"
                    JSONValue.writeString(session.label, to: &out)
                    out += "}}\n"
                }
            }
        }
        return out
    }

    private func writeSpan(_ piece: Piece, _ span: ExportSpan, bundle: ExportBundle, attributes: Bool, to out: inout String) {
        out += "{\"start\":\(piece.start),\"end\":\(piece.end),\"token_start\":\(piece.tokenStart),\"token_end\":\(piece.tokenEnd),\"label\":\"\(span.kind.tag)\""
        guard attributes else { out += "}"; return }
        out += ",\"id\":"
        JSONValue.writeString(span.id, to: &out)
        out += ",\"segment\":\(piece.segment),\"annotator\":"
        JSONValue.writeString(span.annotator, to: &out)
        func field(_ name: String, _ value: String?) {
            guard let value else { return }
            out += ",\"\(name)\":"
            JSONValue.writeString(value, to: &out)
        }
        field("speaker", span.speaker)
        field("mention", span.mention)
        field("cue", span.cue)
        field("form", span.form)
        field("role", span.role)
        if span.negated { out += ",\"negated\":true" }
        if span.hedged { out += ",\"hedged\":true" }
        out += "}"
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
