import Foundation

/// Reads JSON Lines as written by ``JSONLExporter`` into a new session: sentence records
/// (`annotations.jsonl`: spans with `id`, `segment`, sentence-relative scalar offsets, the covered
/// `text` (checked against the offsets when given; files written before it lack it) and attributes; `meta.document`, `meta.sentence`) and entity records (`entities.jsonl`: sessions,
/// speakers, targets, stances, notes). Files may be given in any order. Annotation ids are kept.
public struct JSONLImporter: Sendable {
    /// Creates an importer.
    public init() {}

    /// One piece of a span in one sentence of one session's records.
    private struct PlacedSpan: Hashable {
        var session: String
        var document: String
        var sentence: Int
        var id: String
        var segment: Int
    }

    private struct SpanData {
        var kind: ExportSpan.Kind
        var document: String
        var segments: [Int: SpanSegment] = [:]
        var fields: [String: Any] = [:]
        var line: Int
        var path: String
    }

    /// Imports `paths` over `corpus`; `only` picks one session when the files hold several.
    public func load(paths: [String], corpus: SegmentedCorpus, annotator: String?, only: String? = nil, time: String) throws(ExportError) -> Session {
        var spans: [String: [String: SpanData]] = [:]  // session → id → data
        var entities: [(session: String, line: Int, path: String, object: [String: Any])] = []
        var labels: [String] = []
        var anyRecords = false
        var placed: [PlacedSpan: (path: String, line: Int)] = [:]
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: ImportedFile.unreadableReason(path)) }
            let bytes = [UInt8](data)
            if let encoding = OtherUnicodeEncoding.of(bytes) { throw .unreadable(path: path, reason: encoding.reason) }
            if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
                let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                throw .malformed(path: path, line: line, reason: "invalid UTF-8 at byte offset \(offset)")
            }
            let lines: ImportLines
            switch ImportLines.split(bytes) {
            case .success(let split): lines = split
            case .failure(let invalid): throw .malformed(path: path, line: invalid.line, reason: "not UTF-8 text")
            }
            if lines.lines.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) { anyRecords = true }
            for (number, raw) in lines.lines {
                if raw.allSatisfy(\.isWhitespace) { continue }
                guard let object = ExactJSON.value(from: Data(raw.utf8)) as? [String: Any] else {
                    if let (_, reason) = ImportedJSON.syntaxProblem(in: Data(raw.utf8)) {
                        throw .malformed(path: path, line: number, reason: ImportedJSON.oneValueOverSeveralLines(data) ?? reason)
                    }
                    throw .malformed(path: path, line: number, reason: "not a JSON object")
                }
                if let type = object["type"] as? String {
                    let session = object["session"] as? String ?? ""
                    if type == "session", !labels.contains(session) { labels.append(session) }
                    entities.append((session, number, path, object))
                    continue
                }
                guard let meta = object["meta"] as? [String: Any], let document = meta["document"] as? String,
                    let sentenceIndex = meta["sentence"] as? Int, let text = object["text"] as? String
                else {
                    throw .malformed(path: path, line: number, reason: "expected a sentence record with text and meta.document, meta.sentence")
                }
                let session = meta["session"] as? String ?? object["_session_id"] as? String ?? ""
                if !labels.contains(session) { labels.append(session) }
                guard let segmented = corpus.document(id: document) else {
                    throw .rejected(path: path, line: number, reason: "no document '\(document)' in the corpus; pass --corpus with the corpus it was made on")
                }
                guard sentenceIndex >= 0, sentenceIndex < segmented.sentences.count, segmented.sentences[sentenceIndex].text == text else {
                    throw .rejected(path: path, line: number, reason: "sentence \(sentenceIndex) of '\(document)' does not match the corpus (another corpus or segmenter version?)")
                }
                let base = segmented.sentences[sentenceIndex].start
                let tokens = (object["tokens"] as? [[String: Any]] ?? []).compactMap { token -> (start: Int, end: Int)? in
                    guard let start = token["start"] as? Int, let end = token["end"] as? Int else { return nil }
                    return (start, end)
                }
                var sentenceScalars: [Unicode.Scalar] = []  // made when a span has a text to check
                for item in object["spans"] as? [[String: Any]] ?? [] {
                    guard let id = item["id"] as? String, let start = item["start"] as? Int, let end = item["end"] as? Int,
                        let label = item["label"] as? String, let kind = ExportSpan.Kind(name: label)
                    else {
                        throw .malformed(path: path, line: number, reason: "a span needs id, start, end and a label SPEAKER, CUE or CLAIM")
                    }
                    let segment = item["segment"] as? Int ?? 0
                    // A span given twice in one sentence (a copied span or record) would be merged into
                    // one stretching over both: refused, as a duplicate id is in brat.
                    let place = PlacedSpan(session: session, document: document, sentence: sentenceIndex, id: id, segment: segment)
                    if let first = placed[place] {
                        throw .rejected(path: path, line: number, reason: "\(id) (segment \(segment)) is given twice in sentence \(sentenceIndex) of '\(document)'"
                            + " (first at \(first.path):\(first.line)); give each span once")
                    }
                    placed[place] = (path, number)
                    if let known = spans[session]?[id], known.kind != kind {
                        throw .rejected(path: path, line: number, reason: "\(id) is a \(kind.tag) here but a \(known.kind.tag) at \(known.path):\(known.line); an id names one annotation")
                    }
                    guard start < end else {
                        throw .rejected(path: path, line: number, reason: "\(id): offsets \(start)–\(end) give an empty span; a span covers at least one character")
                    }
                    // Offsets that were edited (or tokens that were) no longer fall on the span's tokens.
                    if let tokenStart = item["token_start"] as? Int, let tokenEnd = item["token_end"] as? Int, tokenStart >= 0, !tokens.isEmpty {
                        let first = tokens.firstIndex { $0.end > start }, last = tokens.lastIndex { $0.start < end }
                        if first != tokenStart || last != tokenEnd {
                            throw .rejected(path: path, line: number, reason: "\(id): offsets \(start)–\(end) do not lie on its tokens \(tokenStart)–\(tokenEnd)"
                                + " (the offsets or the tokens were changed; export again or mend them)")
                        }
                    }
                    // The covered text (written since it was added): offsets moved within the same tokens no longer give it.
                    if let expected = item["text"] as? String {
                        if sentenceScalars.isEmpty { sentenceScalars = Array(text.unicodeScalars) }
                        let found = start >= 0 && start <= end && end <= sentenceScalars.count
                            ? String(String.UnicodeScalarView(sentenceScalars[start..<end])) : nil
                        if found != expected {
                            throw .rejected(path: path, line: number, reason: "\(id): offsets \(start)–\(end) "
                                + (found.map { "cover '\($0)'" } ?? "lie outside the sentence") + ", but its text is '\(expected)'"
                                + " (the offsets or the text were changed; export again or mend them)")
                        }
                    }
                    var entry = spans[session]?[id] ?? SpanData(kind: kind, document: document, line: number, path: path)
                    let piece = SpanSegment(start: base + start, end: base + end)
                    if let existing = entry.segments[segment] {
                        entry.segments[segment] = SpanSegment(start: min(existing.start, piece.start), end: max(existing.end, piece.end))
                    } else {
                        entry.segments[segment] = piece
                    }
                    for (key, value) in item { entry.fields[key] = value }
                    spans[session, default: [:]][id] = entry
                }
            }
        }
        guard anyRecords else {
            throw .malformed(
                path: paths.joined(separator: ", "), line: 0,
                reason: "nothing to import: the file is empty (expected one JSON record per line, as `export --format jsonl` writes)")
        }
        let chosen: String
        if let only {
            guard labels.contains(only) else {
                throw .rejected(path: paths.joined(separator: ", "), line: 0, reason: "no session '\(only)'; the files hold \(labels.joined(separator: ", "))")
            }
            chosen = only
        } else {
            guard labels.count <= 1 else {
                throw .rejected(path: paths.joined(separator: ", "), line: 0, reason: "the files hold several sessions (\(labels.joined(separator: ", "))); choose one with --only LABEL")
            }
            chosen = labels.first ?? ""
        }
        let mine = entities.filter { $0.session == chosen }
        let sessionRecord = mine.first { $0.object["type"] as? String == "session" }?.object
        var schema = AnnotationSchema.standard
        if let raw = sessionRecord?["schema"] as? [String: Any] {
            schema = AnnotationSchema(
                name: raw["name"] as? String ?? "default", stanceLabels: raw["stance_labels"] as? [String] ?? schema.stanceLabels,
                claimForms: raw["claim_forms"] as? [String] ?? schema.claimForms, speakerKinds: raw["speaker_kinds"] as? [String] ?? schema.speakerKinds)
        }
        let ownSpans = spans[chosen] ?? [:]
        schema = ImportBuilder.schema(
            schema, forms: ownSpans.values.compactMap { $0.fields["form"] as? String },
            kinds: mine.compactMap { $0.object["type"] as? String == "speaker" ? $0.object["kind"] as? String : nil },
            stances: mine.compactMap { $0.object["type"] as? String == "stance" ? $0.object["label"] as? String : nil })
        let sessionAnnotator = annotator ?? sessionRecord?["annotator"] as? String ?? (chosen.isEmpty ? "imported" : chosen)
        var builder = ImportBuilder(corpus: corpus, annotator: sessionAnnotator, schema: schema, time: time)
        func records(_ type: String) -> [(session: String, line: Int, path: String, object: [String: Any])] {
            mine.filter { $0.object["type"] as? String == type }.sorted { AnnotationState.idOrder($0.object["id"] as? String ?? "", $1.object["id"] as? String ?? "") }
        }
        for entry in records("speaker") {
            let o = entry.object
            builder.perform(.add(.speaker(Speaker(
                id: o["id"] as? String ?? "", name: o["name"] as? String ?? "", kind: o["kind"] as? String ?? "person",
                aliases: o["aliases"] as? [String] ?? [], annotator: o["annotator"] as? String ?? ""))), path: entry.path, line: entry.line)
        }
        let ordered = ownSpans.sorted { $0.value.kind != $1.value.kind ? $0.value.kind < $1.value.kind : AnnotationState.idOrder($0.key, $1.key) }
        for (id, data) in ordered {
            guard let anchor = builder.anchor(document: data.document, segments: data.segments.sorted { $0.key < $1.key }.map(\.value), path: data.path, line: data.line) else { continue }
            let f = data.fields
            let recordAnnotator = f["annotator"] as? String ?? ""
            switch data.kind {
            case .speaker:
                builder.perform(.add(.mention(Mention(
                    id: id, anchor: anchor, speaker: f["speaker"] as? String ?? "", role: f["role"] as? String, annotator: recordAnnotator))),
                    path: data.path, line: data.line)
            case .cue:
                builder.perform(.add(.cue(Cue(id: id, anchor: anchor, annotator: recordAnnotator))), path: data.path, line: data.line)
            case .claim:
                builder.perform(.add(.claim(Claim(
                    id: id, anchor: anchor, speakers: f["speakers"] as? [String] ?? (f["speaker"] as? String).map { [$0] } ?? [],
                    mentions: f["mentions"] as? [String] ?? (f["mention"] as? String).map { [$0] } ?? [],
                    addressees: f["addressees"] as? [String] ?? [], cue: f["cue"] as? String,
                    form: f["form"] as? String, negated: f["negated"] as? Bool ?? false, hedged: f["hedged"] as? Bool ?? false,
                    annotator: recordAnnotator))), path: data.path, line: data.line)
            }
        }
        for entry in records("target") {
            let o = entry.object
            builder.perform(.add(.target(Target(id: o["id"] as? String ?? "", text: o["text"] as? String ?? "", annotator: o["annotator"] as? String ?? ""))), path: entry.path, line: entry.line)
        }
        for entry in records("stance") {
            let o = entry.object
            builder.perform(.add(.stance(Stance(
                id: o["id"] as? String ?? "", speaker: o["speaker"] as? String ?? "", target: o["target"] as? String ?? "",
                label: o["label"] as? String ?? "", evidence: o["evidence"] as? [String] ?? [], annotator: o["annotator"] as? String ?? ""))),
                path: entry.path, line: entry.line)
        }
        for entry in records("note") {
            let o = entry.object
            let subjectObject = o["subject"] as? [String: Any] ?? [:]
            let subject: Note.Subject
            if let id = subjectObject["annotation"] as? String {
                subject = .annotation(id)
            } else {
                subject = .sentence(SentenceKey(document: subjectObject["document"] as? String ?? "", sentence: subjectObject["sentence"] as? Int ?? 0))
            }
            if case .sentence(let key) = subject {
                guard let document = corpus.document(id: key.document), key.sentence >= 0, key.sentence < document.sentences.count else {
                    builder.report(entry.path, entry.line, "the note is about sentence \(key.sentence) of '\(key.document)', which the corpus does not have")
                    continue
                }
            }
            builder.perform(.add(.note(Note(id: o["id"] as? String ?? "", subject: subject, text: o["text"] as? String ?? "", annotator: o["annotator"] as? String ?? ""))), path: entry.path, line: entry.line)
        }
        for entry in mine {
            let type = entry.object["type"] as? String ?? ""
            if !["session", "speaker", "target", "stance", "note"].contains(type) {
                builder.report(entry.path, entry.line, "unknown record type '\(type)' (expected session, speaker, target, stance or note)")
            }
        }
        return try builder.finish(source: paths.joined(separator: ", "))
    }
}
