/// Token helpers for the token-based formats: tokens that never hold whitespace, optionally split
/// at span boundaries, and the token range a scalar segment covers.
enum ExportTokens {
    /// Storage the tokenizing of one sentence after another reuses: the token bounds and the
    /// scalars of the sentence being tokenized (with the one after it), decoded from the document's
    /// bytes.
    struct Scratch {
        /// The bounds of the sentence's tokens.
        var bounds: [TokenBounds] = []
        /// The sentence's scalars and the one after it (at least; see ``tokens(of:index:bytes:scratch:splittingAt:into:)``).
        var window = ScalarWindow()
        /// The texts of the sentence's tokens that are not the document's bytes where they stand
        /// (``ExportToken/OwnText/stored(_:)``): the own-text store of the tokens made last.
        var ownText: [UInt8] = []
        /// The boundaries inside the sentence's tokens, sorted (storage for ``wholeTokens``).
        var cuts: [Int] = []

        /// Empty storage.
        init() {}

        /// Whether the scalar at document offset `offset` is Unicode White_Space (false at the end
        /// of the document, which has `scalarCount` scalars); `offset` is the end of a token
        /// ``ExportTokens/tokens(of:index:bytes:scratch:splittingAt:into:)`` gave last.
        @inline(__always)
        func isWhitespace(at offset: Int, scalarCount: Int) -> Bool {
            offset < scalarCount && ExportTokens.isWhitespace(window[offset])
        }
    }

    /// The sentence's tokens, each cut at whitespace (the tokenizer never makes such tokens, but
    /// token-per-line formats break if one appears) and at any of `boundaries` inside it.
    /// The sentence's tokens are made for this call and not kept in the sentence (see
    /// ``Sentence/tokensForOnePass``): an export passes over every sentence once. They are made in
    /// place in the document's UTF-8 `bytes` (found through the document's scalar `index`): the
    /// sentence's scalars are decoded into `scratch`, storage reused from sentence to sentence,
    /// which holds them afterwards (with the scalar after the sentence and any other a token covers).
    ///
    /// Tokens made in place whose texts hold no whitespace and that no boundary cuts are given as
    /// their bounds and byte ranges in the document (``ExportToken``), without a `Token` or a
    /// `String` each; every other sentence goes through the `Token` values as before, and gives
    /// the same tokens, their texts read from the document's bytes where they are the bytes there
    /// and otherwise kept in `scratch`'s ``Scratch/ownText`` (emptied first too). They are written
    /// into `result` (emptied first; its storage is reused from sentence to sentence).
    static func tokens(
        of sentence: Sentence, index: ExportScalarIndex, bytes: [UInt8], scratch: inout Scratch, splittingAt boundaries: [Int] = [],
        into result: inout [ExportToken]
    ) {
        result.removeAll(keepingCapacity: true)
        scratch.ownText.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { document in
            let utf8Start = index.utf8Offset(ofScalar: sentence.start, in: document)
            if sentence.tokenBoundsForOnePass(
                inBytes: document, scalarCount: index.scalarCount, utf8Start: utf8Start, window: &scratch.window, bounds: &scratch.bounds)
            {
                if wholeTokens(scratch.bounds, window: scratch.window, document: document, boundaries: boundaries, cuts: &scratch.cuts, into: &result) {
                    return
                }
                result.removeAll(keepingCapacity: true)
                // Cut or holding whitespace: the `Token` values are made from the same bounds (the
                // sentence is tokenized once).
                if let base = document.baseAddress {
                    let made = SentenceTokens.tokens(scratch.bounds, base: base, utf8Offset: scratch.window.utf8Offset(ofScalar:))
                    for token in split(made, of: sentence, window: scratch.window, splittingAt: boundaries) {
                        result.append(ExportToken(given: token, window: scratch.window, document: document, store: &scratch.ownText))
                    }
                    return
                }
            }
            // Held, or tokenized from the sentence's own text: the document's scalars under the
            // sentence and its tokens (and the one after them) are decoded for the whitespace checks.
            let made = sentence.tokensForOnePass
            var lower = sentence.start, upper = sentence.end
            for token in made {
                lower = min(lower, token.start)
                upper = max(upper, token.end)
            }
            lower = min(max(lower, 0), index.scalarCount)
            upper = min(max(upper + 1, lower), index.scalarCount)
            scratch.window.fill(document, byte: index.utf8Offset(ofScalar: lower, in: document), scalar: lower, count: upper - lower)
            for token in split(made, of: sentence, window: scratch.window, splittingAt: boundaries) {
                result.append(ExportToken(given: token, window: scratch.window, document: document, store: &scratch.ownText))
            }
        }
    }

    /// The sentence's own tokens (``Sentence/tokensForOnePass``: neither cut at whitespace nor at
    /// boundaries), made in place in the document's UTF-8 `bytes` found through its scalar `index`
    /// when the sentence allows it, with `scratch` reused from sentence to sentence; for formats that
    /// refer to the tokenizer's tokens as they are (SpkAtt).
    static func sentenceTokens(of sentence: Sentence, index: ExportScalarIndex, bytes: [UInt8], scratch: inout Scratch) -> [Token] {
        bytes.withUnsafeBufferPointer { document in
            let utf8Start = index.utf8Offset(ofScalar: sentence.start, in: document)
            if let base = document.baseAddress,
                sentence.tokenBoundsForOnePass(
                    inBytes: document, scalarCount: index.scalarCount, utf8Start: utf8Start, window: &scratch.window, bounds: &scratch.bounds)
            {
                return SentenceTokens.tokens(scratch.bounds, base: base, utf8Offset: scratch.window.utf8Offset(ofScalar:))
            }
            return sentence.tokensForOnePass
        }
    }

    /// The tokens of `bounds` with their texts in the document's `bytes`, appended to `result`;
    /// false when a token's text may hold whitespace (checked as ``isWhole(_:window:)`` does) or a
    /// boundary lies inside a token. `cuts` is storage reused from sentence to sentence.
    private static func wholeTokens(
        _ bounds: [TokenBounds], window: ScalarWindow, document: UnsafeBufferPointer<UInt8>, boundaries: [Int], cuts: inout [Int],
        into result: inout [ExportToken]
    ) -> Bool {
        cuts.removeAll(keepingCapacity: true)
        if !boundaries.isEmpty, let first = bounds.first, let last = bounds.last {
            for boundary in boundaries where boundary > first.start && boundary < last.end { cuts.append(boundary) }
            if cuts.count > 1 { cuts.sort() }
        }
        result.reserveCapacity(bounds.count)
        var cutIndex = 0
        for token in bounds {
            while cutIndex < cuts.count, cuts[cutIndex] <= token.start { cutIndex += 1 }
            if cutIndex < cuts.count, cuts[cutIndex] < token.end { return false }
            let lower = window.utf8Offset(ofScalar: token.start), upper = window.utf8Offset(ofScalar: token.end)
            if mayHoldWhitespace(UnsafeBufferPointer(rebasing: document[lower..<upper])) {
                for offset in token.start..<token.end where isWhitespace(window[offset]) { return false }
            }
            result.append(ExportToken(start: token.start, end: token.end, spaceAfter: token.spaceAfter, utf8: lower..<upper))
        }
        return true
    }

    /// The sentence's tokens `sentenceTokens`, each cut at whitespace and at any of `boundaries`
    /// inside it; `window` holds the document's scalars the tokens cover.
    private static func split(_ sentenceTokens: [Token], of sentence: Sentence, window: ScalarWindow, splittingAt boundaries: [Int]) -> [Token] {
        if !boundaries.contains(where: { $0 > sentence.start && $0 < sentence.end }), isWhole(sentenceTokens, window: window) {
            return sentenceTokens
        }
        var cuts = boundaries.filter { $0 > sentence.start && $0 < sentence.end }
        cuts.sort()
        var result: [Token] = []
        result.reserveCapacity(sentenceTokens.count)
        var cutIndex = 0
        for token in sentenceTokens {
            var pieces: [Range<Int>] = []
            var start = token.start
            var offset = token.start
            while cutIndex < cuts.count, cuts[cutIndex] <= token.start { cutIndex += 1 }
            var localCut = cutIndex
            let mayHoldSpace = mayHoldWhitespace(token)
            if !mayHoldSpace && (localCut == cuts.count || cuts[localCut] >= token.end) {
                var copy = token
                copy.index = result.count
                result.append(copy)
                continue
            }
            while offset < token.end {
                let isSpace = mayHoldSpace && isWhitespace(window[offset])
                let isCut = localCut < cuts.count && cuts[localCut] == offset
                if isCut { localCut += 1 }
                if isSpace || (isCut && offset > start) {
                    if offset > start { pieces.append(start..<offset) }
                    start = isSpace ? offset + 1 : offset
                }
                offset += 1
            }
            if token.end > start { pieces.append(start..<token.end) }
            if pieces.count == 1 && pieces[0] == token.start..<token.end {
                var copy = token
                copy.index = result.count
                result.append(copy)
                continue
            }
            for (number, piece) in pieces.enumerated() {
                let isLast = number == pieces.count - 1
                let spaceAfter = isLast ? token.spaceAfter : isWhitespace(window[piece.upperBound])
                result.append(Token(
                    index: result.count, start: piece.lowerBound, end: piece.upperBound, text: window.slice(piece),
                    kind: token.kind, spaceAfter: spaceAfter))
            }
        }
        return result
    }

    /// True when no token of the sentence holds whitespace and each token's index is its position,
    /// so ``split(_:of:window:splittingAt:)`` can hand out the sentence's own tokens without copying.
    static func isWhole(_ tokens: [Token], window: ScalarWindow) -> Bool {
        for (position, token) in tokens.enumerated() {
            guard token.index == position else { return false }
            if mayHoldWhitespace(token) {
                for offset in token.start..<token.end where isWhitespace(window[offset]) { return false }
            }
        }
        return true
    }

    /// Whether `scalar` is Unicode White_Space (`Unicode.Scalar.Properties.isWhitespace`), answered
    /// without the property tables for ASCII, which most scalars of a text are.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// False when the token's text cannot hold a whitespace scalar (see ``mayHoldWhitespace(_:)-bytes``).
    @inline(__always)
    static func mayHoldWhitespace(_ token: Token) -> Bool {
        var text = token.text
        return text.withUTF8 { mayHoldWhitespace($0) }
    }

    /// False when the UTF-8 bytes cannot hold a whitespace scalar. Unicode's White_Space scalars
    /// are U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
    /// U+205F and U+3000: every ASCII byte up to 0x20 counts (controls too, to stay on the safe
    /// side), the others by their whole encoding, so that „“ – … and other punctuation of the
    /// U+2000 block no longer send a token to the scalar-by-scalar check.
    @inline(__always)
    static func mayHoldWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte <= 0x20 { return true }
            guard byte >= 0xC2, byte <= 0xE3 else { continue }
            let second: UInt8 = index < count ? bytes[index] : 0
            let third: UInt8 = index + 1 < count ? bytes[index + 1] : 0
            switch byte {
            case 0xC2: if second == 0x85 || second == 0xA0 { return true }
            case 0xE1: if second == 0x9A && third == 0x80 { return true }
            case 0xE2:
                if second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) { return true }
                if second == 0x81 && third == 0x9F { return true }
            case 0xE3: if second == 0x80 && third == 0x80 { return true }
            default: break
            }
        }
        return false
    }

    /// The inclusive token index range `tokens` covers of the segment, clipped to the tokens; nil
    /// when no token overlaps it.
    static func tokenRange(_ tokens: [ExportToken], _ segment: SpanSegment) -> ClosedRange<Int>? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].end <= segment.start { low = mid + 1 } else { high = mid }
        }
        let first = low
        guard first < tokens.count, tokens[first].start < segment.end else { return nil }
        low = first
        high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < segment.end { low = mid + 1 } else { high = mid }
        }
        return first...(low - 1)
    }

    /// The pieces of the spans `spanIndices` (of session `session`, or of every session when nil)
    /// that lie in sentence `sentence`, clipped to it, into `result` (emptied first; its storage is
    /// reused from sentence to sentence). Spans may run on into later sentences.
    static func pieces(
        in bundle: ExportBundle, document: Int, sentence: Sentence, from spanIndices: ArraySlice<Int>, session: Int? = nil,
        into result: inout [Piece]
    ) {
        result.removeAll(keepingCapacity: true)
        let spans = bundle.spans[document]
        for index in spanIndices where session == nil || spans[index].session == session {
            for (number, segment) in spans[index].segments.enumerated() {
                let start = max(segment.start, sentence.start), end = min(segment.end, sentence.end)
                if start < end { result.append((index, number, SpanSegment(start: start, end: end))) }
            }
        }
    }

    /// One sentence as the token formats see it: its document, tokens, and the pieces of one session's spans in it.
    struct SentenceSpans {
        /// Index of the document in the bundle.
        var documentIndex: Int
        /// Index of the sentence in its document.
        var sentenceIndex: Int
        /// The sentence.
        var sentence: Sentence
        /// Its tokens (split at span boundaries where needed).
        var tokens: [ExportToken]
        /// The storage they were made in, holding the scalar after each token (see
        /// ``Scratch/isWhitespace(at:scalarCount:)``).
        var scratch: Scratch
        /// The session's span pieces in the sentence.
        var pieces: [Piece]
    }

    /// A piece of a span in one sentence: the span's index in its document's list, the segment's
    /// index in the span, and the segment clipped to the sentence.
    typealias Piece = (span: Int, segment: Int, range: SpanSegment)

    /// Calls `body` for every sentence of every document, in order, with the tokens and one session's span pieces.
    static func forEachSentence(_ bundle: ExportBundle, session: Int, _ body: (SentenceSpans) -> Void) {
        for documentIndex in bundle.documents.indices {
            forEachSentence(bundle, session: session, document: documentIndex, body)
        }
    }

    /// Calls `body` for every sentence of one document, in order, with the tokens and one session's span pieces.
    static func forEachSentence(_ bundle: ExportBundle, session: Int, document documentIndex: Int, _ body: (SentenceSpans) -> Void) {
        let document = bundle.documents[documentIndex]
        let index = bundle.scalarIndex[documentIndex]
        let bySentence = ExportSentenceSpans(bundle, document: documentIndex)
        let bytes = bundle.bytes[documentIndex]
        // Reused from sentence to sentence (`body` only reads them).
        var scratch = Scratch(), tokens: [ExportToken] = [], pieces: [Piece] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            Self.tokens(of: sentence, index: index, bytes: bytes, scratch: &scratch, into: &tokens)
            Self.pieces(in: bundle, document: documentIndex, sentence: sentence, from: bySentence[sentenceIndex], session: session, into: &pieces)
            body(SentenceSpans(
                documentIndex: documentIndex, sentenceIndex: sentenceIndex, sentence: sentence, tokens: tokens, scratch: scratch, pieces: pieces))
        }
    }
}
