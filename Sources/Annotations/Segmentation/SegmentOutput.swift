/// The output of `workbench segment`, written straight from a document's UTF-8 into a byte buffer.
///
/// The bytes are exactly what the value path gives (``SegmentedDocument`` sentences, then
/// ``Sentence/collapsedText`` per line or one ``SegmentRecord`` per record) without building a
/// `Sentence` or a `JSONValue` per sentence: lines and jsonl without tokens never tokenize, and both
/// formats copy sentence text from the document's bytes.
package enum SegmentOutput {
    /// Appends one line per sentence of `document`: its text with whitespace collapsed.
    /// With `drain`, whole lines are handed over whenever about `chunk` bytes are buffered, so a large
    /// document never sits in memory twice.
    package static func appendLines(
        of document: Document, to out: inout [UInt8], segmenter: SentenceSegmenter = SentenceSegmenter(),
        chunk: Int = 1 << 20, drain: ((inout [UInt8]) -> Void)? = nil
    ) {
        var text = document.text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + min(bytes.count + bytes.count / 64, chunk + 4096))
            for span in segmenter.sentenceSpans(inUTF8: bytes) {
                CollapsedText.append(UnsafeBufferPointer(rebasing: bytes[span.bytes]), to: &out)
                out.append(0x0A)
                if let drain, out.count >= chunk { drain(&out) }
            }
        }
    }

    /// Appends one compact JSON object per sentence of `document` (a ``SegmentRecord``: document id,
    /// index, scalar offsets, text and the tokens as `tokens` says) and a line break.
    package static func appendJSONLines(
        of document: Document, to out: inout [UInt8], tokens: SegmentTokenFormat = .offsets,
        segmenter: SentenceSegmenter = SentenceSegmenter(), tokenizer: Tokenizer = Tokenizer()
    ) {
        writeJSONLines(of: document, tokens: tokens, segmenter: segmenter, tokenizer: tokenizer, chunk: Int.max) {
            out.append(contentsOf: $0)
        }
    }

    /// ``appendJSONLines(of:to:tokens:segmenter:tokenizer:)`` handing the bytes to `drain` in pieces
    /// of whole records of about `chunk` bytes (valid only during the call), so the output of a large
    /// document never sits in memory.
    ///
    /// Everything is written straight from the document's UTF-8 into one buffer: each sentence's
    /// scalars are decoded once into a scratch buffer for the tokenizer (not at all without tokens),
    /// tokens are visited as offsets (``TokenBounds``) and, in the full form, their text is encoded
    /// from those scalars; numbers are written digit by digit. Escapes are those of
    /// ``JSONValue/writeString(_:to:)``; the record is ``SegmentRecord``.
    package static func writeJSONLines(
        of document: Document, tokens tokenFormat: SegmentTokenFormat = .offsets, segmenter: SentenceSegmenter = SentenceSegmenter(),
        tokenizer: Tokenizer = Tokenizer(), chunk: Int = 1 << 20, drain: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var text = document.text
        var prefix: [UInt8] = Array("{\"document\":".utf8)
        JSONValue.appendString(document.id, to: &prefix)
        prefix.append(contentsOf: ",\"index\":".utf8)
        text.withUTF8 { bytes in
            let spans = segmenter.sentenceSpans(inUTF8: bytes)
            let longest = spans.reduce(0) { max($0, $1.scalars.count) }
            // The scalars of one sentence and the one after it (whether a space follows the last token).
            let scalars = UnsafeMutablePointer<Unicode.Scalar>.allocate(capacity: longest + 1)
            defer { scalars.deallocate() }
            var out = GrowingByteBuffer(capacity: min(max(bytes.count * 16, 4096), chunk == Int.max ? 1 << 20 : chunk + 65536))
            var tokens: [TokenBounds] = []
            prefix.withUnsafeBufferPointer { prefix in
                for (index, span) in spans.enumerated() {
                    out.reserve(prefix.count + 6 * span.bytes.count + 128)
                    out.append(prefix)
                    out.appendDecimal(index)
                    out.append(",\"start\":")
                    out.appendDecimal(span.scalars.lowerBound)
                    out.append(",\"end\":")
                    out.appendDecimal(span.scalars.upperBound)
                    out.append(",\"text\":\"")
                    appendEscaped(UnsafeBufferPointer(rebasing: bytes[span.bytes]), to: &out)
                    if tokenFormat == .none {
                        out.append("\"}\n")
                        if out.count >= chunk {
                            drain(out.bytes)
                            out.removeAll()
                        }
                        continue
                    }
                    let count = decode(bytes, span.bytes, into: scalars)
                    var known = count
                    if span.bytes.upperBound < bytes.count {
                        known += decode(bytes, span.bytes.upperBound..<span.bytes.upperBound + 1, into: scalars + count, one: true)
                    }
                    tokenizer.tokenBounds(in: UnsafeBufferPointer(start: scalars, count: known), range: 0..<count, into: &tokens)
                    if tokenFormat == .offsets {
                        // Each token takes at most 2 × 20 digits + 3 in `tokens`, 1 in `kinds`, 2 in `space_after`.
                        // Its offsets are those into the sentence's scalars, as the tokenizer gave them.
                        out.reserve(46 * tokens.count + 40)
                        out.append("\",\"tokens\":[")
                        for number in tokens.indices {
                            let token = tokens[number]
                            out.append(number == 0 ? "[" : ",[")
                            out.appendDecimal(token.start)
                            out.append(0x2C)
                            out.appendDecimal(token.end)
                            out.append(0x5D)
                        }
                        out.append("],\"kinds\":\"")
                        for token in tokens {
                            switch token.kind {
                            case .word: out.append(0x77)
                            case .number: out.append(0x6E)
                            case .quote: out.append(0x71)
                            case .punctuation: out.append(0x70)
                            case .symbol: out.append(0x73)
                            }
                        }
                        out.append("\",\"space_after\":[")
                        for number in tokens.indices {
                            if number > 0 { out.append(0x2C) }
                            out.append(tokens[number].spaceAfter ? 0x31 : 0x30)
                        }
                        out.append("]}\n")
                        if out.count >= chunk {
                            drain(out.bytes)
                            out.removeAll()
                        }
                        continue
                    }
                    let offset = span.scalars.lowerBound
                    out.append("\",\"tokens\":[")
                    // Each token takes at most 192 bytes besides its text, and all texts at most 6 bytes a scalar.
                    out.reserve(192 * tokens.count + 6 * count + 4)
                    for number in tokens.indices {
                        let token = tokens[number]
                        out.append(number == 0 ? "{\"index\":" : ",{\"index\":")
                        out.appendDecimal(number)
                        out.append(",\"start\":")
                        out.appendDecimal(offset + token.start)
                        out.append(",\"end\":")
                        out.appendDecimal(offset + token.end)
                        out.append(",\"text\":\"")
                        for position in token.start..<token.end { appendEscaped(scalars[position].value, to: &out) }
                        switch token.kind {
                        case .word: out.append("\",\"kind\":\"word")
                        case .number: out.append("\",\"kind\":\"number")
                        case .quote: out.append("\",\"kind\":\"quote")
                        case .punctuation: out.append("\",\"kind\":\"punctuation")
                        case .symbol: out.append("\",\"kind\":\"symbol")
                        }
                        out.append(token.spaceAfter ? "\",\"space_after\":true}" : "\",\"space_after\":false}")
                    }
                    out.append("]}\n")
                    if out.count >= chunk {
                        drain(out.bytes)
                        out.removeAll()
                    }
                }
            }
            if out.count > 0 { drain(out.bytes) }
        }
    }

    /// Decodes the valid UTF-8 `bytes[range]` (or only its first scalar with `one`) into `scalars`;
    /// returns how many scalars were written.
    @inline(__always)
    private static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into scalars: UnsafeMutablePointer<Unicode.Scalar>, one: Bool = false
    ) -> Int {
        var index = range.lowerBound
        var written = 0
        while index < range.upperBound {
            let lead = UInt32(bytes[index])
            var value: UInt32
            if lead < 0x80 {
                value = lead
                index += 1
            } else if lead < 0xE0 {
                value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead < 0xF0 {
                value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            }
            scalars[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
            written += 1
            if one { break }
        }
        return written
    }

    /// Appends the valid UTF-8 `bytes` as the inside of a JSON string literal (at most six bytes
    /// for each byte), escaped as ``JSONValue/writeString(_:to:)`` escapes.
    @inline(__always)
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout GrowingByteBuffer) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2 && byte != 0xC2 {
                out.append(byte)
                index += 1
            } else if byte == 0xC2 {
                if index + 1 < count, bytes[index + 1] < 0xA0 {  // a C1 control, U+0080–U+009F
                    appendEscape(UInt32(bytes[index + 1]), to: &out)
                    index += 2
                } else {
                    out.append(byte)
                    index += 1
                }
            } else if byte == 0xE2 {
                if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    appendEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    index += 3
                } else {
                    out.append(byte)
                    index += 1
                }
            } else {
                appendEscape(UInt32(byte), to: &out)
                index += 1
            }
        }
    }

    /// Appends the scalar `value` as UTF-8 inside a JSON string literal (at most six bytes), escaped
    /// as ``JSONValue/writeString(_:to:)`` escapes.
    @inline(__always)
    private static func appendEscaped(_ value: UInt32, to out: inout GrowingByteBuffer) {
        if value < 0x80 {
            if value >= 0x20 && value != 0x22 && value != 0x5C && value != 0x7F {
                out.append(UInt8(truncatingIfNeeded: value))
            } else {
                appendEscape(value, to: &out)
            }
        } else if value < 0x800 {
            if value < 0xA0 {
                appendEscape(value, to: &out)
                return
            }
            out.append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
            out.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        } else if value < 0x10000 {
            if value == 0x2028 || value == 0x2029 {
                appendEscape(value, to: &out)
                return
            }
            out.append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        } else {
            out.append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        }
    }

    /// The escape ``JSONValue/writeString(_:to:)`` writes for `value` (a quote, backslash, C0
    /// or C1 control, DEL or line or paragraph separator): at most six bytes.
    private static func appendEscape(_ value: UInt32, to out: inout GrowingByteBuffer) {
        switch value {
        case 0x22: out.append("\\\"")
        case 0x5C: out.append("\\\\")
        case 0x0A: out.append("\\n")
        case 0x0D: out.append("\\r")
        case 0x09: out.append("\\t")
        case 0x08: out.append("\\b")
        case 0x0C: out.append("\\f")
        default:
            let hex: StaticString = "0123456789abcdef"
            out.append("\\u")
            for shift in [12, 8, 4, 0] as [UInt32] {
                out.append(hex.utf8Start[Int((value >> shift) & 0xF)])
            }
        }
    }
}
