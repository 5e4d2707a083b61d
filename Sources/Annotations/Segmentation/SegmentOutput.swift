/// The output of `workbench segment`, written straight from a document's UTF-8 into a byte buffer.
///
/// The bytes are exactly what the value path gives (``SegmentedDocument`` sentences, then
/// ``Sentence/collapsedText`` per line or ``SentenceJSON/line(for:)`` per record) without building a
/// `Sentence` or a `JSONValue` per sentence: lines never tokenize, and both formats copy sentence text
/// from the document's bytes.
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

    /// Appends one compact JSON object per sentence of `document` (the shape of
    /// ``SentenceJSON/object(for:)``: document id, index, scalar offsets, text, tokens) and a line break.
    /// With `drain`, whole records are handed over whenever about `chunk` bytes are buffered.
    package static func appendJSONLines(
        of document: Document, to out: inout [UInt8], segmenter: SentenceSegmenter = SentenceSegmenter(),
        tokenizer: Tokenizer = Tokenizer(), chunk: Int = 1 << 20, drain: ((inout [UInt8]) -> Void)? = nil
    ) {
        var text = document.text
        var prefix: [UInt8] = Array("{\"document\":".utf8)
        appendString(document.id, to: &prefix)
        prefix.append(contentsOf: ",\"index\":".utf8)
        let scalars = Array(text.unicodeScalars)
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + min(bytes.count * 4, chunk + 65536))
            for (index, span) in segmenter.sentenceSpans(inUTF8: bytes).enumerated() {
                out.append(contentsOf: prefix)
                appendInt(index, to: &out)
                out.append(contentsOf: ",\"start\":".utf8)
                appendInt(span.scalars.lowerBound, to: &out)
                out.append(contentsOf: ",\"end\":".utf8)
                appendInt(span.scalars.upperBound, to: &out)
                out.append(contentsOf: ",\"text\":".utf8)
                appendString(UnsafeBufferPointer(rebasing: bytes[span.bytes]), to: &out)
                out.append(contentsOf: ",\"tokens\":[".utf8)
                for token in tokenizer.tokens(in: scalars, range: span.scalars) {
                    if token.index > 0 { out.append(0x2C) }
                    appendToken(token, to: &out)
                }
                out.append(contentsOf: "]}\n".utf8)
                if let drain, out.count >= chunk { drain(&out) }
            }
        }
    }

    private static func appendToken(_ token: Token, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"index\":".utf8)
        appendInt(token.index, to: &out)
        out.append(contentsOf: ",\"start\":".utf8)
        appendInt(token.start, to: &out)
        out.append(contentsOf: ",\"end\":".utf8)
        appendInt(token.end, to: &out)
        out.append(contentsOf: ",\"text\":".utf8)
        appendString(token.text, to: &out)
        out.append(contentsOf: ",\"kind\":\"".utf8)
        out.append(contentsOf: token.kind.rawValue.utf8)
        out.append(contentsOf: token.spaceAfter ? "\",\"space_after\":true}".utf8 : "\",\"space_after\":false}".utf8)
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    private static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(UInt8(truncatingIfNeeded: 0x30 + value))
            return
        }
        if value < 0 {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            var position = buffer.count
            while rest > 0 {
                position -= 1
                buffer[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// Appends `value` as a JSON string literal, as ``JSONValue/writeString(_:to:)`` writes it.
    private static func appendString(_ value: String, to out: inout [UInt8]) {
        var copy = value
        copy.withUTF8 { appendString($0, to: &out) }
    }

    /// Appends the valid UTF-8 `bytes` as a JSON string literal, as ``JSONValue/writeString(_:to:)``
    /// writes it: copied whole unless something needs escaping.
    private static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if JSONValue.needsEscaping(bytes) {
            var literal = ""
            JSONValue.writeString(String(decoding: bytes, as: UTF8.self), to: &literal)
            out.append(contentsOf: literal.utf8)
            return
        }
        out.append(0x22)
        out.append(contentsOf: bytes)
        out.append(0x22)
    }
}
