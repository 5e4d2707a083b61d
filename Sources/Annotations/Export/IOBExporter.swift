/// CoNLL-2003 style IOB2, one file per session (`<session>.conll`): `-DOCSTART- -X- -X- O` before
/// each document, one `token _ _ TAG` line per token, a blank line after each sentence. Tags are
/// `B-`/`I-` `SPEAKER`, `CUE`, `CLAIM`. IOB2 allows one tag per token, so overlaps are resolved:
/// speaker mentions first, then cues, then claims; a span piece that would overlap one already
/// tagged is left out, and each piece of a discontinuous span is its own entity. Whitespace is not kept; the
/// information separators U+001C–U+001F in a token are written as U+FFFD (readers split on them).
struct IOBExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .iob }

    /// Spans only (overlaps resolved): IOB has no place for stances, notes, speakers or targets.
    func writtenCounts(_ bundle: ExportBundle) -> ExportCounts { bundle.counts.keeping() }

    /// One entity as written: document, sentence, tag, first and last token (inclusive).
    struct Entity: Sendable, Hashable {
        var document: String
        var sentence: Int
        var label: String
        var first: Int
        var last: Int
    }

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        let endings = LineEndings()
        for (sessionIndex, session) in bundle.sessions.enumerated() {
            out.begin("\(ExportText.fileName(session.label)).conll")
            // Each document's lines are built on all cores and written in document order.
            ExportDocumentParts.build(bundle) { documentIndex in
                var part = ExportOutput()
                // A line per token: under three bytes per byte of text at the benchmark's million
                // annotations (``ExportBundle/partCapacity(document:perTextByte:perSegment:)``).
                part.bytes.reserveCapacity(bundle.partCapacity(document: documentIndex, perTextByte: 4, perSegment: 16))
                lines(bundle, session: sessionIndex, document: documentIndex, endings: endings, to: &part)
                return part.bytes
            } _: { _, bytes in
                out.appendPart(bytes)
            }
            out.end()
        }
    }

    /// What follows a token on its line, by tag (`tag + 3` in ``bytes``: I- of kinds 2, 1, 0, O,
    /// B- of kinds 0, 1, 2): ` _ _ TAG` and the line feed, as bytes in one buffer.
    private struct LineEndings: Sendable {
        let bytes: [UInt8]
        let ranges: [Range<Int>]

        init() {
            var bytes: [UInt8] = [], ranges: [Range<Int>] = []
            for tag in -3...3 {
                let start = bytes.count
                bytes.append(contentsOf: " _ _ ".utf8)
                if tag == 0 {
                    bytes.append(UInt8(ascii: "O"))
                } else {
                    bytes.append(contentsOf: (tag > 0 ? "B-" : "I-").utf8)
                    bytes.append(contentsOf: ExportSpan.Kind.allCases[Int(tag.magnitude) - 1].tag.utf8)
                }
                bytes.append(0x0A)
                ranges.append(start..<bytes.count)
            }
            self.bytes = bytes
            self.ranges = ranges
        }
    }

    /// The lines of one document for one session, written as bytes: each token's text straight
    /// from the document's bytes (or its list's own-text store), then its line's ending.
    private func lines(_ bundle: ExportBundle, session: Int, document: Int, endings: LineEndings, to out: inout ExportOutput) {
        var tags: [Int8] = []  // 0 O; k + 1 B of kind k; -(k + 1) I of kind k
        let source = bundle.bytes[document]
        source.withUnsafeBufferPointer { documentBytes in
        endings.bytes.withUnsafeBufferPointer { endingBytes in
        forEachSentence(bundle, session: session, document: document) { _, sentence, tokens, stored, entities in
            if sentence == 0 { out.append("-DOCSTART- -X- -X- O\n\n") }
            tags.removeAll(keepingCapacity: true)
            tags.append(contentsOf: repeatElement(0, count: tokens.count))
            for entity in entities {
                for token in entity.first...entity.last {
                    tags[token] = token == entity.first ? Int8(entity.kind.rawValue + 1) : -Int8(entity.kind.rawValue + 1)
                }
            }
            tokens.withUnsafeBufferPointer { tokenList in
                for index in tokenList.indices {
                    if tokenList[index].isInDocument {
                        out.appendColumn(utf8: UnsafeBufferPointer(rebasing: documentBytes[tokenList[index].utf8]))
                    } else {
                        out.appendColumn(tokenList[index], in: source, stored: stored)
                    }
                    out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: endingBytes[endings.ranges[Int(tags[index]) + 3]]))
                }
            }
            out.append(byte: 0x0A)
        }
        }
        }
    }

    func entities(_ bundle: ExportBundle, session: Int) -> [Entity] {
        var result: [Entity] = []
        forEachSentence(bundle, session: session) { document, sentence, _, _, entities in
            result += entities.map { Entity(document: bundle.documents[document].document.id, sentence: sentence, label: $0.kind.tag, first: $0.first, last: $0.last) }
        }
        return result
    }

    private func forEachSentence(
        _ bundle: ExportBundle, session: Int,
        _ body: (Int, Int, [ExportToken], [UInt8], [(kind: ExportSpan.Kind, first: Int, last: Int)]) -> Void
    ) {
        for document in bundle.documents.indices { forEachSentence(bundle, session: session, document: document, body) }
    }

    private func forEachSentence(
        _ bundle: ExportBundle, session: Int, document: Int,
        _ body: (Int, Int, [ExportToken], [UInt8], [(kind: ExportSpan.Kind, first: Int, last: Int)]) -> Void
    ) {
        // Reused from sentence to sentence (`body` only reads `entities`).
        var taken: [Bool] = []
        var entities: [(kind: ExportSpan.Kind, first: Int, last: Int)] = []
        ExportTokens.forEachSentence(bundle, session: session, document: document) { item in
            let (tokens, pieces) = (item.tokens, item.pieces)
            let spans = bundle.spans[item.documentIndex]
            taken.removeAll(keepingCapacity: true)
            taken.append(contentsOf: repeatElement(false, count: tokens.count))
            entities.removeAll(keepingCapacity: true)
            for kind in ExportSpan.Kind.allCases {
                for piece in pieces where spans[piece.span].kind == kind {
                    guard let range = ExportTokens.tokenRange(tokens, piece.range), range.allSatisfy({ !taken[$0] }) else { continue }
                    for token in range { taken[token] = true }
                    entities.append((kind, range.lowerBound, range.upperBound))
                }
            }
            entities.sort { $0.first < $1.first }
            body(item.documentIndex, item.sentenceIndex, tokens, item.scratch.ownText, entities)
        }
    }
}
