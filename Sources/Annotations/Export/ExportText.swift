import Foundation

/// Text helpers shared by the exporters and importers: file names, escaping and encoding.
public enum ExportText {
    /// A file name for a document id or session label, one to one (two ids never share a name)
    /// and safe on Linux, macOS and Windows. These are percent-encoded as `%XX` per UTF-8 byte:
    /// `%` itself, `/`, `\`, `< > : " | ? *`, control characters (C0, DEL, C1), the invisible
    /// characters (``InvisibleScalar``: bidi controls and marks, zero-width space, BOM, …, U+2028
    /// and U+2029), a leading `.`, a trailing `.` or space, and the first character of a name
    /// Windows reserves (``isReservedOnWindows(_:)``: `CON`, `COM1`, `LPT¹`, `CONIN$`, `con .txt`,
    /// …). Everything else –
    /// letters with umlauts, emoji, spaces inside – stays as it is. The empty id becomes `%`. A name
    /// longer than ``longestName`` bytes (file systems take 255, with the extension) is cut there and
    /// ends in `%-` and 16 hex digits of the id's SHA-256 (``shortened(_:id:)``).
    public static func fileName(_ id: String) -> String {
        fileName(id, escapingUppercase: false)
    }

    /// ``fileName(_:)``, with `escapingUppercase` every uppercase letter percent-encoded too
    /// (`Rutte` → `%52utte`): see ``fileNames(_:)``.
    public static func fileName(_ id: String, escapingUppercase: Bool) -> String {
        fileName(id, escapingUppercase: escapingUppercase, escapingNonASCII: false)
    }

    /// ``fileName(_:escapingUppercase:)``, with `escapingNonASCII` every scalar beyond ASCII
    /// percent-encoded too (and every uppercase letter: `é` → `%C3%A9`, `e` + U+0301 → `e%CC%81`):
    /// the name is then plain ASCII, which no file system normalises. See ``fileNames(_:)``.
    public static func fileName(_ id: String, escapingUppercase: Bool, escapingNonASCII: Bool) -> String {
        guard !id.isEmpty else { return "%" }
        let escapingUppercase = escapingUppercase || escapingNonASCII
        let scalars = Array(id.unicodeScalars)
        let reserved = isReservedOnWindows(id)
        var view = String.UnicodeScalarView()
        var pieceEnds: [Int] = []  // the name's length in UTF-8 bytes after each scalar of the id
        var length = 0
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            let escape =
                value < 0x20 || (value >= 0x7F && value < 0xA0) || "%/\\<>:\"|?*".unicodeScalars.contains(scalar)
                || (index == 0 && (scalar == "." || reserved)) || (index == scalars.count - 1 && (scalar == "." || scalar == " "))
                || InvisibleScalar.isInvisible(scalar)
                || (escapingUppercase && (scalar.properties.isUppercase || scalar.properties.changesWhenLowercased))
                || (escapingNonASCII && value >= 0x80)
            if escape {
                for byte in String(scalar).utf8 { view.append(contentsOf: String(format: "%%%02X", byte).unicodeScalars) }
                length += 3 * String(scalar).utf8.count
            } else {
                view.append(scalar)
                length += String(scalar).utf8.count
            }
            pieceEnds.append(length)
        }
        guard length > longestName else { return String(view) }
        return shortened(view, pieceEnds: pieceEnds, id: id)
    }

    /// The longest file name, in UTF-8 bytes, ``fileName(_:escapingUppercase:)`` gives: 255 (the
    /// limit of Linux, macOS and Windows file systems; UTF-8 bytes are never fewer than the UTF-16
    /// units Windows counts) less room for the longest extension an export adds (`.conllup`) and more.
    static let longestName = 240

    /// A name over ``longestName`` bytes cut after the last whole scalar (or `%XX` escape) that
    /// leaves room for `%-` and 16 hex digits of the SHA-256 of `id`. `%` followed by `-` is never
    /// in a name of an id that is short enough (every `%` there starts a `%XX` escape), so a cut name
    /// is never another id's name; two long ids with the same start differ in their digits.
    private static func shortened(_ view: String.UnicodeScalarView, pieceEnds: [Int], id: String) -> String {
        let suffix = "%-" + Fingerprint.sha256Hex(id).prefix(16)
        let room = longestName - suffix.utf8.count
        // The bytes of the name up to the last piece that fits; every name byte is one scalar or one escape digit.
        let keep = pieceEnds.last { $0 <= room } ?? 0
        var bytes = 0
        var cut = String.UnicodeScalarView()
        for scalar in view {
            let size = String(scalar).utf8.count
            guard bytes + size <= keep else { break }
            cut.append(scalar)
            bytes += size
        }
        return String(cut) + suffix
    }

    /// Whether `name` is a name ``shortened(_:pieceEnds:id:)`` cut for length: it ends in `%-` and
    /// 16 lowercase hex digits. Such a name cannot be decoded to its id.
    public static func isShortened(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 18, scalars[scalars.count - 18] == "%", scalars[scalars.count - 17] == "-" else { return false }
        return scalars.suffix(16).allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// Whether Windows takes a file named `name` for a device: `CON`, `PRN`, `AUX`, `NUL`, `CONIN$`,
    /// `CONOUT$`, `COM1`–`COM9`, `LPT1`–`LPT9` and `COM¹`–`COM³`, `LPT¹`–`LPT³` (it counts the
    /// superscript digits as digits), in any case, also before a `.` and with spaces before it
    /// (`con .txt`), as Python's `ntpath.isreserved` decides.
    static func isReservedOnWindows(_ name: String) -> Bool {
        var stem = Substring(name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(name))
        while stem.last == " " { stem = stem.dropLast() }
        let upper = stem.uppercased()
        if ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"].contains(upper) { return true }
        guard upper.hasPrefix("COM") || upper.hasPrefix("LPT"), upper.count == 4, let digit = upper.last else { return false }
        return "123456789¹²³".contains(digit)
    }

    /// File names for documents written one file each into one folder (``fileName(_:escapingUppercase:)``
    /// of each id), distinct also where names differing only in case or in Unicode normalisation are
    /// one file (macOS, Windows): ids whose names differ only in case (`Rutte`, `rutte`) have their
    /// uppercase letters percent-encoded (`%52utte`, `rutte`); ids whose names are still one name
    /// then, as macOS compares names (case ignored, canonically equivalent sequences equal: `é`
    /// precomposed and `e` + U+0301), have every scalar beyond ASCII encoded as well (`%C3%A9`,
    /// `e%CC%81`). `%` is always encoded, so every name still decodes to its id; the others keep
    /// their names.
    public static func fileNames(_ ids: [String]) -> [String] {
        var names = ids.map { fileName($0) }
        for escapingNonASCII in [false, true] {
            // Swift compares and hashes strings by canonical equivalence: the keys are one where
            // macOS takes two names for one file.
            var counts: [String: Int] = [:]
            for name in names { counts[name.lowercased(), default: 0] += 1 }
            guard counts.count < names.count else { return names }
            for index in names.indices where (counts[names[index].lowercased()] ?? 0) > 1 {
                names[index] = fileName(ids[index], escapingUppercase: true, escapingNonASCII: escapingNonASCII)
            }
        }
        return names
    }

    /// The document id (or session label) a file name stands for: the inverse of
    /// ``fileName(_:escapingUppercase:)``, so imports read back what exports write (`%52utte` →
    /// `Rutte`, `a%2Fb` → `a/b`, `%2E%2E` → `..`). A name export would not write for any id (`a%20b`,
    /// `50%`, a name from another tool) is its own id, unchanged. A name cut for length
    /// (``longestName``) cannot be decoded: it is `named`'s when export writes `named` so (a format
    /// that keeps the id in the file, such as SpkAtt's `DocumentName`), else its own id.
    public static func documentID(fileName name: String, named: String? = nil) -> String {
        guard name.contains("%") else { return name }
        if let named, isFileName(name, of: named) { return named }
        let decoded = percentDecoded(name)
        return isFileName(name, of: decoded) ? decoded : name
    }

    /// The names ``fileNames(_:)`` may give `id`, plainest first.
    static func fileNameChoices(_ id: String) -> [String] {
        [fileName(id), fileName(id, escapingUppercase: true), fileName(id, escapingUppercase: true, escapingNonASCII: true)]
    }

    /// Which of ``fileNameChoices(_:)`` of `id` `name` is, byte for byte (the first when two are
    /// one name), or nil when it is none of them.
    static func fileNameChoice(_ name: String, of id: String) -> Int? {
        fileNameChoices(id).firstIndex { $0.utf8.elementsEqual(name.utf8) }
    }

    /// Whether `name` is, byte for byte, one of the names ``fileNames(_:)`` may give `id`.
    static func isFileName(_ name: String, of id: String) -> Bool {
        fileNameChoice(name, of: id) != nil
    }

    /// A value without tabs or line breaks (each becomes a space, see ``breaksLine(_:)``), for
    /// line-based formats.
    static func singleLine(_ text: String) -> String {
        guard holdsLineBreak(text) else { return text }
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            view.append(breaksLine(scalar) ? " " : scalar)
        }
        return String(view)
    }

    /// Whether ``singleLine(_:)`` changes `text` (it holds a tab or a line break).
    static func holdsLineBreak(_ text: String) -> Bool {
        text.utf8.contains { $0 <= 0x1E || $0 == 0xC2 || $0 == 0xE2 } && text.unicodeScalars.contains(where: breaksLine)
    }

    /// A free text (a note, a speaker name, a target) on one line of a brat file, where no offset
    /// counts it: ``singleLine(_:)``, then its control characters shown by the export rule
    /// (``ExportControlCharacters/shown(_:)``: ESC `␛`, DEL `␡`, a C1 control U+FFFD), so `cat`
    /// of an `.ann` file or a side table never lets a note drive the terminal.
    static func shownLine(_ text: String) -> String {
        ExportControlCharacters.shown(singleLine(text))
    }

    /// Whether ``shownLine(_:)`` changes `text` (it holds a tab, a line break or a control the
    /// export rule shows): then a side table keeps the text in its `exact` column.
    static func needsExact(_ text: String) -> Bool {
        holdsLineBreak(text) || text.unicodeScalars.contains(where: ExportControlCharacters.isShown)
    }

    /// A tab or a line break for some reader of line-based files: LF, CR, vertical tab, form feed,
    /// U+001C–U+001E, NEL (U+0085), U+2028 and U+2029 — every line boundary of Python's
    /// `str.splitlines`, at which readers such as bratly cut a line.
    static func breaksLine(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The `exact` column of brat's side tables (`notes.tsv`, `targets.tsv`): the text as a JSON string
    /// when ``shownLine(_:)`` would change it, else empty. JSON escapes every tab, line break and
    /// control, so the value stays in its column and line.
    static func exactColumn(_ text: String) -> String {
        needsExact(text) ? JSONValue.string(text).serialized() : ""
    }

    /// Reads an `exact` column back: the JSON string (or list of strings) it holds, nil when it is
    /// empty or holds something else.
    static func exactValue(_ column: String) -> Any? {
        guard !column.isEmpty, let data = column.data(using: .utf8) else { return nil }
        return ExactJSON.value(from: data)
    }

    /// Percent-encodes every scalar that is not a letter, digit, `_`, `-` or `.` (UTF-8 bytes as `%XX`);
    /// used for brat attribute values, which must be single words.
    static func percentEncoded(_ text: String) -> String {
        if !text.isEmpty, text.utf8.allSatisfy({ isWordByte($0) }) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if scalar != "%" && (scalar == "_" || scalar == "-" || scalar == "." || properties.isAlphabetic
                || properties.numericType == .decimal) && !properties.isWhitespace
            {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 {
                    out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                }
            }
        }
        return out.isEmpty ? "%00" : out
    }

    /// Reverses ``percentEncoded(_:)``.
    static func percentDecoded(_ text: String) -> String {
        if text == "%00" { return "" }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let byte = UInt8(String(decoding: utf8[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes text for HTML element content and attribute values. Control characters other than
    /// tab and line feed become U+FFFD, so nothing in the corpus can break the page; NEL (U+0085), a
    /// line boundary, becomes U+2028, which the page shows as a break as the terminal views do.
    static func html(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27 || $0 == 0x0A
            || ($0 >= 0x80 && $0 != 0xC2 && $0 != 0xEF && $0 < 0xF0) })
        {
            return text
        }
        var out = ExportOutput()  // one escaping rule for pages built as text and as bytes
        out.appendHTML(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Text as an element's content on a page: ``htmlContent(_:)``, inside `<bdi>` when it holds a bidi
    /// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069). Left open in a name, note or
    /// id, such a character would reorder what follows it in the same line of the page (the rest of
    /// a heading, the annotator after a session label); `<bdi>` ends its effect with the text and
    /// keeps the text as it is. Text without them is written as ``html(_:)`` writes it.
    static func htmlIsolated(_ text: String) -> String {
        var out = ExportOutput()  // one rule for pages built as text and as bytes
        out.appendHTMLIsolated(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Text as an element's content: ``html(_:)``, with each U+2028 and U+2029 set in a `<span>`
    /// the page's style shows as a line or paragraph break
    /// (``ExportOutput/appendHTMLContent(_:)-(String)``). Text without them is written as
    /// ``html(_:)`` writes it.
    static func htmlContent(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xC2 }),
            text.unicodeScalars.contains(where: { $0.value == 0x85 || InvisibleScalar.kind(of: $0) == .separator })
        else { return html(text) }
        var out = ExportOutput()
        out.appendHTMLContent(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// ASCII letters, digits, `_`, `-` and `.`.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
            || byte == 0x2E
    }
}
