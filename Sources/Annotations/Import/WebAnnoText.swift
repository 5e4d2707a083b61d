/// The text a WebAnno TSV file's token offsets count, in UTF-16 code units (as Java strings do):
/// the normalised document text, or the document's text as another tool read it (``RawOffsetMap``:
/// a byte-order mark, CRLF, decomposed umlauts). ``place(_:token:)`` gives a token's place in the
/// normalised text.
struct WebAnnoText: Sendable {
    /// The text's scalars and their UTF-16 offsets.
    private let table: OffsetTable
    /// Where the text lies in the normalised text; nil when it is the normalised text.
    let map: RawOffsetMap?

    /// The normalised document text.
    init(normalized text: String) {
        table = OffsetTable(text)
        map = nil
    }

    /// The raw text `map` reads, placed in the normalised text through it.
    init(raw map: RawOffsetMap) {
        table = OffsetTable(String(String.UnicodeScalarView(map.scalars)))
        self.map = map
    }

    /// The text's scalars.
    var scalars: [Unicode.Scalar] { table.scalars }
    /// The text's length in UTF-16 code units.
    var utf16Count: Int { table.utf16Count }

    /// A token row's `begin-end` as its two numbers: ASCII digits only, nothing else (`0--2`, `+0-2`,
    /// `x-2` are none).
    static func numbers(_ offsets: Substring) -> (begin: Int, end: Int)? {
        let parts = offsets.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let begin = Int(parts[0]), let end = Int(parts[1])
        else { return nil }
        return (begin, end)
    }

    /// The scalar offsets of a token row's `begin-end` in this text, when they lie on scalars.
    private func bounds(_ offsets: Substring) -> (start: Int, end: Int)? {
        guard let (begin, end) = Self.numbers(offsets), let start = table.scalarOffset(ofUTF16: begin), let stop = table.scalarOffset(ofUTF16: end), start <= stop else { return nil }
        return (start, stop)
    }

    /// The normalised scalar offsets of a token at `offsets` (`begin-end`, UTF-16) whose text is
    /// `token`; nil when the offsets lie outside the text or inside a character, or the text there
    /// is another.
    func place(_ offsets: Substring, token: String) -> (start: Int, end: Int)? {
        guard let (start, stop) = bounds(offsets), Self.matches(token, String(String.UnicodeScalarView(scalars[start..<stop]))) else { return nil }
        guard let map else { return (start, stop) }
        guard let mappedStart = map.normalized(start), let mappedStop = map.normalized(stop) else { return nil }
        return (mappedStart, mappedStop)
    }

    /// The text from UTF-16 offset `offset` to the end; nil when the offset lies outside the text or inside a character.
    func text(fromUTF16 offset: Int) -> String? {
        guard let start = table.scalarOffset(ofUTF16: offset) else { return nil }
        return String(String.UnicodeScalarView(scalars[start...]))
    }

    /// Whether a file's `token` is the document's text `found`: as it is, or with its controls
    /// shown as the workbench's export writes them (``ExportControlCharacters``: `␛` for ESC).
    static func matches(_ token: String, _ found: String) -> Bool {
        token == found || ExportControlCharacters.shown(found) == token
    }

    /// Why ``place(_:token:)`` found no place for the token.
    func problem(_ offsets: String, token: String) -> String {
        guard let (begin, end) = Self.numbers(offsets[...]) else {
            return "offsets '\(offsets)' are not BEGIN-END, two whole numbers of UTF-16 units (such as 0-5)"
        }
        guard begin <= end else { return "offsets '\(offsets)' end before they begin" }
        guard let (start, stop) = bounds(offsets[...]) else {
            return "offsets '\(offsets)' lie outside the document text (\(utf16Count) UTF-16 units) or inside a character"
        }
        let found = String(String.UnicodeScalarView(scalars[start..<stop]))
        guard Self.matches(token, found) else {
            return "token '\(token)' does not match the document text at \(offsets) ('\(found)'); pass --corpus with the corpus it was made on"
        }
        return "token '\(token)' at \(offsets) cuts a character of the document's file in two (a letter from its combining mark, or CR from LF)"
    }
}
