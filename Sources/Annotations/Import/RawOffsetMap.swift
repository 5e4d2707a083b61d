import Foundation

/// A document's text as another tool read it — with a byte-order mark, CRLF or CR line ends,
/// decomposed umlauts (NFD): what loading normalises away — and where each of its offsets lies in
/// the normalised text. Files made on such a text (brat `.ann` beside such a `.txt`, WebAnno TSV
/// from INCEpTION, Label Studio tasks) count their offsets in it; the importers check an
/// annotation's text against ``scalars`` and take it at ``normalized(_:)``.
///
/// Offsets are Unicode scalars into the raw text; only those at its grapheme cluster boundaries
/// have a place (a boundary inside `u` + U+0308 or inside CRLF has none).
struct RawOffsetMap: Sendable {
    /// The raw text's scalars.
    let scalars: [Unicode.Scalar]
    /// Raw offset at a grapheme cluster boundary → normalised offset.
    private let offsets: [Int: Int]

    /// The map from `raw` to `normalized`; nil when `raw` is `normalized` already (nothing to map)
    /// or when normalising it cluster by cluster does not give `normalized` (another text).
    init?(raw: String, normalized: String) {
        guard !raw.unicodeScalars.elementsEqual(normalized.unicodeScalars) else { return nil }
        var map: [Int: Int] = [0: 0]
        var rawOffset = 0, offset = 0
        var rebuilt = String.UnicodeScalarView()
        for character in raw {
            let piece = TextNormalization.normalize(String(character)).text
            rawOffset += character.unicodeScalars.count
            offset += piece.unicodeScalars.count
            rebuilt.append(contentsOf: piece.unicodeScalars)
            map[rawOffset] = offset
        }
        guard rebuilt.elementsEqual(normalized.unicodeScalars) else { return nil }
        scalars = Array(raw.unicodeScalars)
        offsets = map
    }

    /// The maps for the texts a tool may have counted in: `raw` as written and, when it begins
    /// with a byte-order mark, `raw` without it (readers that drop the mark but keep CRLF and NFD).
    static func candidates(raw: String, normalized: String) -> [RawOffsetMap] {
        var texts = [raw]
        if raw.unicodeScalars.first == "\u{FEFF}" { texts.append(String(raw.unicodeScalars.dropFirst())) }
        return texts.compactMap { RawOffsetMap(raw: $0, normalized: normalized) }
    }

    /// The normalised offset of raw offset `raw`; nil when it lies inside a grapheme cluster or
    /// outside the text.
    func normalized(_ raw: Int) -> Int? { offsets[raw] }

    /// The raw text of `range` (scalar offsets, inside the text).
    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    /// The raw text of a document as its corpus file holds it, when loading normalised it: a `.txt`
    /// file's text, or a JSONL record's `text`; nil when loading changed nothing or the file no
    /// longer holds the document.
    static func rawText(of document: Document) -> String? {
        guard !document.normalization.isIdentity, let data = FileManager.default.contents(atPath: document.source) else { return nil }
        if document.source.hasSuffix(".txt") { return String(decoding: data, as: UTF8.self) }
        guard document.source.hasSuffix(".jsonl") else { return nil }
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if let record = ExactJSON.value(from: Data(line)) as? [String: Any], record["id"] as? String == document.id, let text = record["text"] as? String {
                return text
            }
        }
        return nil
    }
}
