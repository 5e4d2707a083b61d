/// The compact JSON of a shared-task document, written straight into bytes.
///
/// ``SpkAttDocument``'s `Codable` conformance is the definition of the file; this is the hot path
/// of `export --format spkatt`, where Foundation's `JSONEncoder` took about 40 % of the export of a
/// million annotations on one core. It writes exactly what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` writes (keys in byte order, the same string escapes),
/// which `SpkAttDocumentJSONTests` checks on documents with every control character, quotes,
/// backslashes, slashes, umlauts, „“, emoji and combining marks.
extension SpkAttDocument {
    /// Appends the document's JSON (no trailing newline) to `out`.
    func appendJSON(to out: inout [UInt8]) {
        out.append(contentsOf: #"{"Annotations":["#.utf8)
        for (index, annotation) in annotations.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"Addr":"#.utf8)
            Self.appendStrings(annotation.addr, to: &out)
            out.append(contentsOf: #","Cue":"#.utf8)
            Self.appendStrings(annotation.cue, to: &out)
            out.append(contentsOf: #","Form":"#.utf8)
            Self.appendString(annotation.form, to: &out)
            out.append(contentsOf: #","Frame":"#.utf8)
            Self.appendStrings(annotation.frame, to: &out)
            out.append(contentsOf: annotation.hasNested ? #","HasNested":true"#.utf8 : #","HasNested":false"#.utf8)
            out.append(contentsOf: annotation.isNested ? #","IsNested":true"#.utf8 : #","IsNested":false"#.utf8)
            out.append(contentsOf: #","Message":"#.utf8)
            Self.appendStrings(annotation.message, to: &out)
            out.append(contentsOf: #","STWR":"#.utf8)
            Self.appendString(annotation.stwr, to: &out)
            out.append(contentsOf: #","Source":"#.utf8)
            Self.appendStrings(annotation.source, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: #"],"DocumentName":"#.utf8)
        Self.appendString(documentName, to: &out)
        out.append(contentsOf: #","Sentences":["#.utf8)
        for (index, sentence) in sentences.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"SentenceId":"#.utf8)
            out.append(contentsOf: String(sentence.sentenceID).utf8)
            out.append(contentsOf: #","Tokens":"#.utf8)
            Self.appendStrings(sentence.tokens, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "]}".utf8)
    }

    private static func appendStrings(_ values: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A string literal as `JSONEncoder` writes it: `"` and `\` escaped, the control characters
    /// below U+0020 as `\b \t \n \f \r` or `\u00xx` (lowercase hex), everything else as UTF-8.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for position in bytes.indices {
                let byte = bytes[position]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                start = position + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
