/// The compact JSON of a shared-task document, written straight into bytes.
///
/// ``SpkAttDocument``'s `Codable` conformance is the definition of the file; this is the hot path
/// of `export --format spkatt`, where Foundation's `JSONEncoder` took about 40 % of the export of a
/// million annotations on one core. It writes what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` writes (keys in byte order), but its strings by the one
/// escaping rule of the workbench's JSON (``JSONValue/appendString(_:to:)``): DEL, the C1 controls
/// (the 8-bit CSI U+009B) and U+2028/2029 are escaped too (`\u007f`, `\u009b`), which
/// `JSONEncoder` writes raw, so `cat` of a file never lets corpus text drive the terminal; any JSON
/// reader decodes the same document. `ExportJSONFastPathTests` checks it on documents with every
/// control character, quotes, backslashes, slashes, umlauts, „“, emoji and combining marks.
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
            JSONValue.appendString(annotation.form, to: &out)
            out.append(contentsOf: #","Frame":"#.utf8)
            Self.appendStrings(annotation.frame, to: &out)
            out.append(contentsOf: annotation.hasNested ? #","HasNested":true"#.utf8 : #","HasNested":false"#.utf8)
            out.append(contentsOf: annotation.isNested ? #","IsNested":true"#.utf8 : #","IsNested":false"#.utf8)
            out.append(contentsOf: #","Message":"#.utf8)
            Self.appendStrings(annotation.message, to: &out)
            out.append(contentsOf: #","STWR":"#.utf8)
            JSONValue.appendString(annotation.stwr, to: &out)
            out.append(contentsOf: #","Source":"#.utf8)
            Self.appendStrings(annotation.source, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: #"],"DocumentName":"#.utf8)
        JSONValue.appendString(documentName, to: &out)
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
            JSONValue.appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }
}
