/// Writes one session's shared-task document for one document of a bundle straight into bytes:
/// exactly what ``SpkAttExporter/document(_:document:session:)`` followed by
/// ``SpkAttDocument/appendJSON(to:)`` writes, without the ``SpkAttDocument`` in between.
///
/// The export of a million annotations made a `Token` with its `String` for every token of the
/// corpus, copied the document's tokens into one more array, a `"sentence:token"` `String` for
/// every token a claim, cue, source, addressee or frame covers, and a list of the token texts per
/// sentence. Here each token is kept as its bounds and its bytes in the document (a token given by
/// the sentence as its own text), references are written as digits, and token texts are escaped
/// straight from the document's bytes. `SpkAttWriterTests` compares the two paths.
struct SpkAttDocumentWriter {
    /// The document's tokens, sentence after sentence: bounds and bytes (or own text).
    private var tokens: [ExportToken] = []
    /// The own-text store of ``tokens`` (the texts of tokens that are not the document's bytes where they stand).
    private var ownText: [UInt8] = []
    /// For each of ``tokens``: its sentence's id and its index in the sentence (its reference).
    private var references: [(sentence: Int, token: Int)] = []
    /// Sentence `s` of the document holds `tokens[sentenceStarts[s]..<sentenceStarts[s + 1]]`.
    private var sentenceStarts: [Int] = [0]
    private var scratch = ExportTokens.Scratch()

    /// An empty writer.
    init() {}

    /// Appends the JSON of session `session`'s document `index` of `bundle` (no trailing newline) to `out`.
    mutating func append(_ bundle: ExportBundle, document index: Int, session: Int, to out: inout [UInt8]) {
        collectTokens(bundle, document: index)
        // Read through local copies from here on (one retain each): reading the writer's own
        // fields inside the closures below copied the whole writer, a retain and a release of
        // each of its arrays, for every claim and every sentence.
        let tokens = self.tokens, references = self.references, sentenceStarts = self.sentenceStarts, ownText = self.ownText
        let segmented = bundle.documents[index]
        let spans = bundle.spans[index]
        let bytes = bundle.bytes[index]
        // The file holds every token's text (with quotes and a comma each) and the claims' references.
        out.reserveCapacity(out.count + 2 * bytes.count + 8 * tokens.count + 256)
        bytes.withUnsafeBufferPointer { document in
        tokens.withUnsafeBufferPointer { tokens in
        references.withUnsafeBufferPointer { references in
            func segments(of ids: [String]) -> [SpanSegment] {
                // Most claims have one speaker mention and no addressee: the one span's segments
                // as they are (sorted when there are several), without the lists in between.
                guard ids.count == 1 else { return ids.compactMap { bundle.span(session: session, id: $0)?.segments }.flatMap { $0 }.sorted() }
                guard let segments = bundle.span(session: session, id: ids[0])?.segments else { return [] }
                return segments.count < 2 ? segments : segments.sorted()
            }
            func appendReferences(_ segments: [SpanSegment]) {
                Self.appendReferences(segments, tokens: tokens, references: references, to: &out)
            }
            // Claims in id order, as indices (a copy of each span would retain all its fields).
            let claims = spans.indices.filter { spans[$0].session == session && spans[$0].kind == .claim }
                .sorted { AnnotationState.idOrder(spans[$0].id, spans[$1].id) }
            out.append(contentsOf: #"{"Annotations":["#.utf8)
            for (position, claim) in claims.enumerated() {
                let span = spans[claim]
                let attributes = span.attributes ?? [:]
                let form = span.form.flatMap { form in SpkAttDocument.forms.first { $0.workbench == form }?.spkatt } ?? SpkAttExporter.fallbackForm
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: #"{"Addr":"#.utf8)
                appendReferences(segments(of: SpkAttExporter.ids(span.addressees, more: attributes[SpkAttDocument.AttributeName.addressees])))
                out.append(contentsOf: #","Cue":"#.utf8)
                appendReferences(span.cue.flatMap { bundle.span(session: session, id: $0)?.segments } ?? [])
                out.append(contentsOf: #","Form":"#.utf8)
                JSONValue.appendString(form, to: &out)
                out.append(contentsOf: #","Frame":"#.utf8)
                appendReferences(SpkAttExporter.frame(attributes[SpkAttDocument.AttributeName.frame]))
                out.append(contentsOf: attributes[SpkAttDocument.AttributeName.hasNested] == "true" ? #","HasNested":true"#.utf8 : #","HasNested":false"#.utf8)
                out.append(contentsOf: attributes[SpkAttDocument.AttributeName.isNested] == "true" ? #","IsNested":true"#.utf8 : #","IsNested":false"#.utf8)
                out.append(contentsOf: #","Message":"#.utf8)
                appendReferences(span.segments)
                out.append(contentsOf: #","STWR":"#.utf8)
                JSONValue.appendString(attributes[SpkAttDocument.AttributeName.stwr] ?? SpkAttExporter.fallbackSTWR, to: &out)
                out.append(contentsOf: #","Source":"#.utf8)
                appendReferences(segments(of: SpkAttExporter.ids(span.mentions, more: attributes[SpkAttDocument.AttributeName.moreSources])))
                out.append(UInt8(ascii: "}"))
            }
            out.append(contentsOf: #"],"DocumentName":"#.utf8)
            JSONValue.appendString(segmented.document.title ?? segmented.document.id, to: &out)
            out.append(contentsOf: #","Sentences":["#.utf8)
            for (sentenceIndex, sentence) in segmented.sentences.enumerated() {
                if sentenceIndex > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: #"{"SentenceId":"#.utf8)
                ExportOutput.appendDecimal(sentence.index, to: &out)
                out.append(contentsOf: #","Tokens":["#.utf8)
                let sentenceTokens = UnsafeBufferPointer(rebasing: tokens[sentenceStarts[sentenceIndex]..<sentenceStarts[sentenceIndex + 1]])
                if !Self.appendPlainTexts(of: sentenceTokens, in: document, to: &out) {
                    for (position, token) in sentenceTokens.enumerated() {
                        if position > 0 { out.append(UInt8(ascii: ",")) }
                        token.withText(in: bytes, stored: ownText) { JSONValue.appendString(utf8: $0, to: &out) }
                    }
                }
                out.append(contentsOf: "]}".utf8)
            }
            out.append(contentsOf: "]}".utf8)
        }
        }
        }
    }

    /// Appends the texts of `tokens` as JSON strings separated by commas, as
    /// ``JSONValue/appendString(utf8:to:)`` writes each, when every text is the `document`'s bytes
    /// where the token stands and none needs an escape (``JSONValue/needsEscaping(_:)-bytes``):
    /// room for the sentence is made at once and the texts copied into it through a pointer,
    /// rather than four appends per token that each check the array's capacity and uniqueness.
    /// False, with nothing appended, otherwise (the caller writes the sentence token by token).
    static func appendPlainTexts(of tokens: UnsafeBufferPointer<ExportToken>, in document: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        guard !tokens.isEmpty else { return true }
        // Each text with its two quotes, and a comma between two.
        var room = tokens.count - 1
        for token in tokens {
            guard token.isInDocument, token.utf8.lowerBound >= 0, token.utf8.upperBound <= document.count,
                !JSONValue.needsEscaping(UnsafeBufferPointer(rebasing: document[token.utf8]))
            else { return false }
            room += token.utf8.count + 2
        }
        let first = out.count
        out.append(contentsOf: repeatElement(0, count: room))
        out.withUnsafeMutableBufferPointer { written in
            guard let target = written.baseAddress, let source = document.baseAddress else { return }
            var position = first
            for (index, token) in tokens.enumerated() {
                if index > 0 {
                    target[position] = UInt8(ascii: ",")
                    position += 1
                }
                target[position] = UInt8(ascii: "\"")
                (target + position + 1).update(from: source + token.utf8.lowerBound, count: token.utf8.count)
                position += token.utf8.count + 1
                target[position] = UInt8(ascii: "\"")
                position += 1
            }
        }
        return true
    }

    /// The document's tokens into ``tokens``, ``references`` and ``sentenceStarts``: the tokenizer's
    /// own tokens of each sentence (neither cut at whitespace nor at span boundaries), as
    /// ``ExportTokens/sentenceTokens(of:index:bytes:scratch:)`` gives them.
    private mutating func collectTokens(_ bundle: ExportBundle, document index: Int) {
        tokens.removeAll(keepingCapacity: true)
        ownText.removeAll(keepingCapacity: true)
        references.removeAll(keepingCapacity: true)
        sentenceStarts.removeAll(keepingCapacity: true)
        sentenceStarts.append(0)
        let scalarIndex = bundle.scalarIndex[index]
        bundle.bytes[index].withUnsafeBufferPointer { document in
            for sentence in bundle.documents[index].sentences {
                let utf8Start = scalarIndex.utf8Offset(ofScalar: sentence.start, in: document)
                if document.baseAddress != nil,
                    sentence.tokenBoundsForOnePass(
                        inBytes: document, scalarCount: scalarIndex.scalarCount, utf8Start: utf8Start, window: &scratch.window,
                        bounds: &scratch.bounds)
                {
                    for (position, token) in scratch.bounds.enumerated() {
                        let lower = scratch.window.utf8Offset(ofScalar: token.start), upper = scratch.window.utf8Offset(ofScalar: token.end)
                        tokens.append(ExportToken(start: token.start, end: token.end, spaceAfter: token.spaceAfter, utf8: lower..<upper))
                        references.append((sentence.index, position))
                    }
                } else {
                    for token in sentence.tokensForOnePass {
                        tokens.append(ExportToken(given: token, window: scratch.window, document: document, store: &ownText))
                        references.append((sentence.index, token.index))
                    }
                }
                sentenceStarts.append(tokens.count)
            }
        }
    }

    /// Appends the `"sentence:token"` references of every token of `tokens` (with their
    /// `references`) overlapping `segments` (in their order, a reference repeated at once written
    /// once) as a JSON array, as ``SpkAttExporter/document(_:document:session:)`` lists them.
    private static func appendReferences(
        _ segments: [SpanSegment], tokens list: UnsafeBufferPointer<ExportToken>, references: UnsafeBufferPointer<(sentence: Int, token: Int)>,
        to out: inout [UInt8]
    ) {
        out.append(UInt8(ascii: "["))
        var last: (sentence: Int, token: Int)? = nil
        for segment in segments {
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid].end <= segment.start { low = mid + 1 } else { high = mid }
            }
            var position = low
            while position < list.count, list[position].start < segment.end {
                let reference = references[position]
                if last.map({ $0 != reference }) ?? true {
                    if last != nil { out.append(UInt8(ascii: ",")) }
                    out.append(UInt8(ascii: "\""))
                    ExportOutput.appendDecimal(reference.sentence, to: &out)
                    out.append(UInt8(ascii: ":"))
                    ExportOutput.appendDecimal(reference.token, to: &out)
                    out.append(UInt8(ascii: "\""))
                    last = reference
                }
                position += 1
            }
        }
        out.append(UInt8(ascii: "]"))
    }
}
