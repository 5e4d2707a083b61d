/// Appending text to an ``ExportOutput``: plain, numbers, document slices and the escapings of
/// ``ExportText``, done on UTF-8 bytes (each gives the same bytes as its `String` counterpart).
extension ExportOutput {
    /// Appends the UTF-8 bytes of `text` (copied at once from its storage: appending the
    /// `utf8` view took bytes one by one through the generic sequence path).
    @inline(__always)
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a token's text, read from the document's bytes `source` or from its own text.
    @inline(__always)
    mutating func append(_ token: ExportToken, in source: [UInt8], stored: [UInt8] = []) {
        token.withText(in: source, stored: stored) { bytes.append(contentsOf: $0) }
    }

    /// Appends a token's text as a column of a space-separated line (IOB), its controls shown
    /// (``ExportControlCharacters``): among them the information separators U+001C–U+001F, which
    /// the workbench keeps inside tokens but Python's `split()`, NLTK's and Flair's column readers
    /// take as whitespace, become `␜`–`␟`, so each line keeps its four columns. Other whitespace
    /// never is in a token.
    mutating func appendColumn(_ token: ExportToken, in source: [UInt8], stored: [UInt8] = []) {
        token.withText(in: source, stored: stored) { appendColumn(utf8: $0) }
    }

    /// Appends a token's UTF-8 bytes as ``appendColumn(_:in:stored:)`` does.
    @inline(__always)
    mutating func appendColumn(utf8 text: UnsafeBufferPointer<UInt8>) {
        guard ExportControlCharacters.holdsControl(text) else {
            bytes.append(contentsOf: text)
            return
        }
        ExportControlCharacters.appendShown(text, to: &bytes)
    }

    /// Appends one byte (an ASCII character).
    @inline(__always)
    public mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a decimal number.
    public mutating func append(_ number: Int) {
        Self.appendDecimal(number, to: &bytes)
    }

    /// Appends `number` to `bytes` in decimal, as `String(number)` writes it (the one number
    /// writer of the exports' byte writers).
    @inline(__always)
    static func appendDecimal(_ number: Int, to bytes: inout [UInt8]) {
        if number < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDecimal(UInt(number.magnitude), to: &bytes)
            return
        }
        appendDecimal(UInt(number), to: &bytes)
    }

    private static func appendDecimal(_ number: UInt, to bytes: inout [UInt8]) {
        // Most numbers of an export are offsets and indices below 10 000: their digits directly.
        if number < 10 {
            bytes.append(0x30 + UInt8(number))
            return
        }
        if number < 100 {
            bytes.append(0x30 + UInt8(number / 10))
            bytes.append(0x30 + UInt8(number % 10))
            return
        }
        if number < 1000 {
            bytes.append(0x30 + UInt8(number / 100))
            bytes.append(0x30 + UInt8(number / 10 % 10))
            bytes.append(0x30 + UInt8(number % 10))
            return
        }
        if number < 10000 {
            bytes.append(0x30 + UInt8(number / 1000))
            bytes.append(0x30 + UInt8(number / 100 % 10))
            bytes.append(0x30 + UInt8(number / 10 % 10))
            bytes.append(0x30 + UInt8(number % 10))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    /// Appends bytes `lower..<upper` of `source`.
    @inline(__always)
    public mutating func append(_ source: [UInt8], from lower: Int, to upper: Int) {
        guard lower < upper else { return }
        source.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[lower..<upper])) }
    }

    /// Appends the text of a document between two scalar offsets (clamped), as ``ExportBundle/slice(_:_:_:)``.
    @inline(__always)
    public mutating func append(_ bundle: ExportBundle, document: Int, _ start: Int, _ end: Int) {
        bundle.withBytes(document, start, end) { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` with each tab and line break replaced by a space, as ``ExportText/singleLine(_:)``.
    public mutating func appendSingleLine(_ text: String) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        Self.singleLine(&bytes, from: start)
    }

    /// Appends a document slice as a single line (see ``appendSingleLine(_:)``).
    public mutating func appendSingleLine(_ bundle: ExportBundle, document: Int, _ start: Int, _ end: Int) {
        let from = bytes.count
        append(bundle, document: document, start, end)
        Self.singleLine(&bytes, from: from)
    }

    private static func singleLine(_ bytes: inout [UInt8], from start: Int) {
        var wide = false  // a lead byte of NEL (C2 85) or U+2028/U+2029 (E2 80 A8/A9) seen
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count {
                let byte = buffer[index]
                if (0x09...0x0D).contains(byte) || (0x1C...0x1E).contains(byte) {
                    buffer[index] = 0x20
                } else if byte == 0xC2 || byte == 0xE2 {
                    wide = true
                }
            }
        }
        guard wide else { return }
        let tail = String(decoding: bytes[start...], as: UTF8.self)
        guard tail.unicodeScalars.contains(where: ExportText.breaksLine) else { return }
        bytes.removeSubrange(start...)
        bytes.append(contentsOf: ExportText.singleLine(tail).utf8)
    }

    /// Appends text that must stay on its line, one to one: backslash, tab, CR and LF are escaped
    /// (`\\`, `\t`, `\r`, `\n`). WebAnno TSV's token text and `#Text=` lines, CoNLL-U's
    /// `# newdoc id` and `# sent_id` (two ids never share one; text without these four is written
    /// as it is).
    public mutating func appendBackslashEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendBackslashEscaped(utf8: $0) }
    }

    /// Appends a document id for CoNLL-U's `# newdoc id` and `# sent_id`: as
    /// ``appendBackslashEscaped(_:)``, and whitespace at the id's start or end, which readers strip
    /// from a comment's value (the conllu library reads `# sent_id =  a#0` as `a#0`), written
    /// `\uXXXX` (`\u0020`; tab, CR and LF as `\t`, `\r`, `\n`), so ids ` a` and `a` keep distinct
    /// sent_ids; a control a terminal acts on anywhere in the id (ESC, BEL, DEL, U+009B) is written
    /// `\uXXXX` as well. Ids without such whitespace or controls are written as
    /// ``appendBackslashEscaped(_:)`` writes them.
    public mutating func appendCoNLLUID(_ id: String) {
        let scalars = Array(id.unicodeScalars)
        let isStripped = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value) }
        let lead = scalars.prefix(while: isStripped).count
        guard lead < scalars.count else {
            for scalar in scalars { appendEdgeEscaped(scalar) }
            return
        }
        let trail = scalars.reversed().prefix(while: isStripped).count
        let middle = scalars[lead..<(scalars.count - trail)]
        let isControl = ExportControlCharacters.isShown
        let controls = middle.contains(where: isControl)
        guard lead > 0 || trail > 0 || controls else {
            appendBackslashEscaped(id)
            return
        }
        for scalar in scalars[..<lead] { appendEdgeEscaped(scalar) }
        if controls {
            // A control a terminal acts on (``ExportControlCharacters``) is written `\uXXXX` too:
            // an id names one document, so it is escaped, not shown, and two ids stay apart.
            for scalar in middle {
                if isControl(scalar) { appendEdgeEscaped(scalar) } else { appendBackslashEscaped(String(scalar)) }
            }
        } else {
            appendBackslashEscaped(String(String.UnicodeScalarView(middle)))
        }
        for scalar in scalars[(scalars.count - trail)...] { appendEdgeEscaped(scalar) }
    }

    /// A whitespace scalar at an id's edge: `\t`, `\r`, `\n`, else `\u` and four (or more) hex digits.
    private mutating func appendEdgeEscaped(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "\t", "\r", "\n": appendBackslashEscaped(String(scalar))
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            append("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
        }
    }

    /// ``appendBackslashEscaped(_:)`` for a token's text.
    mutating func appendBackslashEscaped(_ token: ExportToken, in source: [UInt8], stored: [UInt8] = []) {
        token.withText(in: source, stored: stored) { appendBackslashEscaped(utf8: $0) }
    }

    private mutating func appendBackslashEscaped(utf8 source: UnsafeBufferPointer<UInt8>) {
        // Most texts hold none of the four: copied at once.
        if !source.contains(where: { Self.backslashEscape($0) != nil }) {
            bytes.append(contentsOf: source)
            return
        }
        for byte in source {
            if let letter = Self.backslashEscape(byte) {
                bytes.append(0x5C)
                bytes.append(letter)
            } else {
                bytes.append(byte)
            }
        }
    }

    /// The one table of the backslash escaping of CoNLL-U comments and WebAnno texts: the byte
    /// written after a backslash for a backslash, tab, line feed and carriage return (which become
    /// `\\`, `\t`, `\n` and `\r`); nil for every other byte, which is written as it is.
    @inline(__always)
    static func backslashEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x5C: return 0x5C
        case 9: return UInt8(ascii: "t")
        case 10: return UInt8(ascii: "n")
        case 13: return UInt8(ascii: "r")
        default: return nil
        }
    }

    /// Appends a WebAnno TSV 3.3 feature value: `\ [ ] | _ -> ; *` get a backslash, TAB, LF and CR
    /// become `\t`, `\n`, `\r`.
    public mutating func appendWebAnnoValue(_ text: String) {
        var text = text
        text.withUTF8 { source in
            // Most values (ids, speaker ids) hold no byte to escape, nor `>`: copied at once.
            let plain = !source.contains { byte in
                switch byte {
                case 0x5C, 0x5B, 0x5D, 0x7C, 0x5F, 0x3B, 0x2A, 0x3E, 9, 10, 13: return true
                default: return false
                }
            }
            if plain {
                bytes.append(contentsOf: source)
                return
            }
            appendWebAnnoValueEscaped(source)
        }
    }

    private mutating func appendWebAnnoValueEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var previous: UInt8 = 0
        for byte in source {
            switch byte {
            case 0x5C, 0x5B, 0x5D, 0x7C, 0x5F, 0x3B, 0x2A:
                bytes.append(0x5C)
                bytes.append(byte)
            case 0x3E where previous == 0x2D:
                bytes.removeLast()
                bytes.append(0x5C)
                bytes.append(0x2D)
                bytes.append(0x3E)
            case 9: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 10: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 13: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            default: bytes.append(byte)
            }
            previous = byte
        }
    }

    /// Appends `text` as a JSON string literal, as `JSONValue.writeString` writes it.
    public mutating func appendJSONString(_ text: String) {
        bytes.append(0x22)
        var copy = text
        copy.makeContiguousUTF8()
        _ = copy.utf8.withContiguousStorageIfAvailable { appendJSONEscaped($0) }
        bytes.append(0x22)
    }

    /// Appends a token's text as a JSON string literal (as ``appendJSONString(_:)-(String)`` of its text).
    mutating func appendJSONString(_ token: ExportToken, in source: [UInt8], stored: [UInt8] = []) {
        bytes.append(0x22)
        token.withText(in: source, stored: stored) { appendJSONEscaped($0) }
        bytes.append(0x22)
    }

    /// Appends a document slice as a JSON string literal.
    public mutating func appendJSONString(_ bundle: ExportBundle, document: Int, _ start: Int, _ end: Int) {
        bytes.append(0x22)
        bundle.withBytes(document, start, end) { appendJSONEscaped($0) }
        bytes.append(0x22)
    }

    private mutating func appendJSONEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        JSONValue.appendEscaped(source, to: &bytes)
    }

    /// Appends `text` escaped for HTML element content and attribute values (`& < > " '`); control
    /// characters other than tab and line feed, and noncharacters, become U+FFFD.
    public mutating func appendHTML(_ text: String) {
        var copy = text
        copy.makeContiguousUTF8()
        _ = copy.utf8.withContiguousStorageIfAvailable { appendHTMLEscaped($0, separators: false) }
    }

    /// Appends `text` escaped as element content (never in an attribute): as ``appendHTML(_:)-(String)``,
    /// and each line or paragraph separator (U+2028, U+2029: ``InvisibleScalar/separator``), which
    /// browsers show as neither a break nor a mark, set in `<span class="ls">` or
    /// `<span class="ps">`, whose style (the review page's) adds the line or paragraph break after
    /// it. The separator itself stays in the text, so the page's text is the document's, scalar for
    /// scalar.
    public mutating func appendHTMLContent(_ text: String) {
        var copy = text
        copy.makeContiguousUTF8()
        _ = copy.utf8.withContiguousStorageIfAvailable { appendHTMLEscaped($0, separators: true) }
    }

    /// Appends UTF-8 bytes escaped as ``appendHTML(_:)-(String)`` escapes the text they spell.
    mutating func appendHTML(utf8 source: UnsafeBufferPointer<UInt8>) {
        appendHTMLEscaped(source, separators: false)
    }

    /// Appends `text` as an element's content that is set in `<bdi>` when it holds a bidi
    /// embedding, override or isolate (``InvisibleScalar/bidiControl``), escaped as
    /// ``appendHTMLContent(_:)`` escapes it: the one definition of ``ExportText/htmlIsolated(_:)``.
    public mutating func appendHTMLIsolated(_ text: String) {
        var copy = text
        copy.makeContiguousUTF8()
        _ = copy.utf8.withContiguousStorageIfAvailable { appendHTMLIsolated(utf8: $0) }
    }

    /// Appends UTF-8 bytes as ``appendHTMLIsolated(_:)`` appends the text they spell.
    mutating func appendHTMLIsolated(utf8 source: UnsafeBufferPointer<UInt8>) {
        let isolated = Self.holdsBidiControl(source)
        if isolated { append("<bdi>") }
        appendHTMLEscaped(source, separators: true)
        if isolated { append("</bdi>") }
    }

    /// Whether well-formed UTF-8 `source` holds a bidi embedding, override or isolate
    /// (``InvisibleScalar/bidiControl``: U+202A–U+202E are `E2 80 AA`–`E2 80 AE`, U+2066–U+2069
    /// `E2 81 A6`–`E2 81 A9`), found on the bytes: German quotation marks („ “, also `E2 80 …`)
    /// made a `String` of every text holding them before.
    static func holdsBidiControl(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = source.count
        var index = 0
        while index + 2 < count {
            if source[index] == 0xE2 {
                let second = source[index + 1], third = source[index + 2]
                if second == 0x80 && third >= 0xAA && third <= 0xAE { return true }
                if second == 0x81 && third >= 0xA6 && third <= 0xA9 { return true }
            }
            index += 1
        }
        return false
    }

    /// Appends a document slice as element content, as ``appendHTMLContent(_:)`` escapes it.
    public mutating func appendHTMLContent(_ bundle: ExportBundle, document: Int, _ start: Int, _ end: Int) {
        bundle.withBytes(document, start, end) { appendHTMLEscaped($0, separators: true) }
    }

    /// The ASCII bytes ``appendHTMLEscaped(_:separators:)`` keeps as they are, as bits: bytes 0–63
    /// in `low`, 64–127 in `high`. Tab, line feed and U+0020–U+007E except `"`, `&`, `'`, `<`, `>`.
    static let htmlPlainASCII: (low: UInt64, high: UInt64) = (0xafff_ff3b_0000_0600, 0x7fff_ffff_ffff_ffff)

    private mutating func appendHTMLEscaped(_ source: UnsafeBufferPointer<UInt8>, separators: Bool) {
        var runStart = 0
        var index = 0
        let count = source.count
        let plain = Self.htmlPlainASCII
        while index < count {
            let byte = source[index]
            // ASCII with nothing to escape (letters, digits, spaces, tabs, line feeds, most
            // punctuation), one bit each in ``htmlPlainASCII``.
            if byte < 0x80 {
                let mask = byte < 0x40 ? plain.low : plain.high
                if mask & (1 << UInt64(byte & 0x3F)) != 0 {
                    index += 1
                    continue
                }
            } else if byte >= 0xC3 && byte < 0xE0 && index + 1 < count {
                // A two-byte scalar from U+00C0 to U+07FF (umlauts, ß, accents): never a control,
                // a noncharacter or a separator, kept as it is.
                index += 2
                continue
            }
            var replacement: String? = nil
            var width = 1
            if byte < 0x80 {
                switch byte {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                case 9, 10: break
                default: if byte < 0x20 || byte == 0x7F { replacement = "\u{FFFD}" }
                }
            } else {
                // Decode the scalar to test it; keep its bytes unless it is a control or noncharacter.
                var value: UInt32
                if byte >= 0xF0 {
                    width = 4
                    value = UInt32(byte & 0x07)
                } else if byte >= 0xE0 {
                    width = 3
                    value = UInt32(byte & 0x0F)
                } else {
                    width = 2
                    value = UInt32(byte & 0x1F)
                }
                width = min(width, count - index)
                for offset in 1..<max(width, 1) { value = value << 6 | UInt32(source[index + offset] & 0x3F) }
                if value == 0x85 {
                    // NEL ends a line, as the segmenter and every terminal view take it; an HTML page
                    // cannot hold it (a C1 control; `&#x85;` reads as „…“), so it is written as U+2028.
                    replacement = separators ? "<span class=\"ls\">\u{2028}</span>" : "\u{2028}"
                } else if (0x80...0x9F).contains(value) || value == 0xFEFF || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE {
                    replacement = "\u{FFFD}"
                } else if separators, let scalar = Unicode.Scalar(value), InvisibleScalar.kind(of: scalar) == .separator {
                    replacement = value == 0x2028 ? "<span class=\"ls\">\u{2028}</span>" : "<span class=\"ps\">\u{2029}</span>"
                }
            }
            if let replacement {
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                bytes.append(contentsOf: replacement.utf8)
                runStart = index + width
            }
            index += width
        }
        if count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count])) }
    }

    /// Appends one RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled).
    /// A field that a spreadsheet would take for a formula – starting with `=`, `+`, `-`, `@`, a tab
    /// or a carriage return – gets a leading `'` and is quoted, as OWASP recommends against CSV
    /// injection; the cell then shows the text as it is, with the quote. A control character that a
    /// terminal would act on (`cat claims.csv`: an escape sequence, a bell) is written as the REPL
    /// shows it: a C0 control other than tab, LF and CR as its Control Picture (`ESC` → `␛`), DEL as
    /// `␡` (``ExportControlCharacters``, the rule CoNLL-U, IOB and WebAnno share), a C1 control
    /// (U+0080–U+009F) as `<U+XXXX>`. This is the one place CSV cells are escaped.
    public mutating func appendCSVField(_ text: String) {
        var text = text
        text.withUTF8 { appendCSVField(utf8: $0) }
    }

    /// Appends one RFC 4180 field given as UTF-8 bytes, escaped as ``appendCSVField(_:)`` escapes
    /// the text they spell.
    mutating func appendCSVField(utf8 field: UnsafeBufferPointer<UInt8>) {
        let formula = field.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 || $0 == 0x09 || $0 == 0x0D } ?? false
        var quotes = false
        var controls = false
        for (index, byte) in field.enumerated() {
            if byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                quotes = true
            } else if ExportControlCharacters.width(field, at: index) > 0 {
                controls = true
            } else {
                continue
            }
            if (quotes || formula) && controls { break }
        }
        guard formula || quotes || controls else {
            bytes.append(contentsOf: field)
            return
        }
        if formula || quotes { bytes.append(0x22) }
        if formula { bytes.append(0x27) }
        var index = 0
        while index < field.count {
            let byte = field[index]
            let control = controls ? ExportControlCharacters.width(field, at: index) : 0
            if control == 1 {
                ExportControlCharacters.appendPicture(of: byte, to: &bytes)
            } else if control == 2 {
                bytes.append(contentsOf: "<U+00\(String(field[index + 1], radix: 16, uppercase: true))>".utf8)
            } else {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            index += max(control, 1)
        }
        if formula || quotes { bytes.append(0x22) }
    }
}
