import Foundation

/// What loading did to a document's raw text so that offsets refer to one canonical form.
public struct TextNormalization: Sendable, Hashable, Codable {
    /// A UTF-8 byte order mark was removed from the start.
    public var removedByteOrderMark: Bool
    /// CRLF or CR line endings were turned into LF.
    public var convertedLineEndings: Bool
    /// The text was not in Unicode Normalization Form C and was normalised.
    public var appliedNFC: Bool

    /// Creates a report; all flags default to "nothing changed".
    public init(removedByteOrderMark: Bool = false, convertedLineEndings: Bool = false, appliedNFC: Bool = false) {
        self.removedByteOrderMark = removedByteOrderMark
        self.convertedLineEndings = convertedLineEndings
        self.appliedNFC = appliedNFC
    }

    /// True when loading changed nothing.
    public var isIdentity: Bool { !removedByteOrderMark && !convertedLineEndings && !appliedNFC }

    /// Normalises raw text: strips a BOM, turns CRLF and CR into LF and applies NFC.
    public static func normalize(_ raw: String) -> (text: String, report: TextNormalization) {
        var report = TextNormalization()
        var text = raw
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
            report.removedByteOrderMark = true
        }
        if text.utf8.contains(13) {
            var scalars = String.UnicodeScalarView()
            var previousWasCR = false
            for scalar in text.unicodeScalars {
                if scalar == "\r" {
                    scalars.append("\n")
                    previousWasCR = true
                    continue
                }
                if scalar == "\n" && previousWasCR {
                    previousWasCR = false
                    continue
                }
                previousWasCR = false
                scalars.append(scalar)
            }
            text = String(scalars)
            report.convertedLineEndings = true
        }
        if isNFCWithoutChecking(text) { return (text, report) }
        let composed = text.precomposedStringWithCanonicalMapping
        if !composed.unicodeScalars.elementsEqual(text.unicodeScalars) {
            text = composed
            report.appliedNFC = true
        }
        return (text, report)
    }

    /// True when every scalar of `text` is one that NFC never changes and never combines with a
    /// neighbour (NFC_Quick_Check = Yes, canonical combining class 0, never the second part of a
    /// composition): everything below U+0300 (ASCII, Latin-1, Latin Extended-A/B), General
    /// Punctuation from U+2002 („ “ – … ‰), currency signs, the variation selector U+FE0F and the
    /// emoji and symbol planes U+1F000–U+1FAFF. Such text is NFC already, which spares most news text
    /// the full normalisation. Anything else (combining marks, Hangul, U+2000/U+2001, U+2126…) gets it.
    static func isNFCWithoutChecking(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x300 { continue }
            if (0x2002...0x206F).contains(value) || (0x20A0...0x20CF).contains(value) || value == 0xFE0F
                || (0x1F000...0x1FAFF).contains(value)
            {
                continue
            }
            return false
        }
        return true
    }
}
