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
    static func normalize(_ raw: String) -> (text: String, report: TextNormalization) {
        var report = TextNormalization()
        var text = raw
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
            report.removedByteOrderMark = true
        }
        let hasCR = text.utf8.withContiguousStorageIfAvailable { $0.contains(13) } ?? text.utf8.contains(13)
        if hasCR {
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
        if text.utf8.withContiguousStorageIfAvailable({ isCertainlyNFC($0) }) == true {
            return (text, report)
        }
        let composed = text.precomposedStringWithCanonicalMapping
        if !composed.unicodeScalars.elementsEqual(text.unicodeScalars) {
            text = composed
            report.appliedNFC = true
        }
        return (text, report)
    }

    /// ``isCertainlyNFC(_:)`` for a string (its UTF-8 bytes).
    static func isNFCWithoutChecking(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isCertainlyNFC($0) }
    }

    /// True when the valid UTF-8 `bytes` are certainly in NFC, decided without the normaliser: every
    /// scalar is a starter that never composes with what precedes it (NFC_Quick_Check=Yes and canonical
    /// combining class 0) in blocks checked ahead of time: Basic Latin to IPA extensions, general
    /// punctuation, currency, letterlike symbols to miscellaneous symbols and arrows (without the six
    /// singletons there), emoji. Text with anything else (combining marks, Hangul jamo, other scripts)
    /// takes the full normalisation.
    /// Runs of ASCII are passed eight bytes at a time.
    static func isCertainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let (value, length) = UTF8Sequence.decode(bytes, at: index) else { return false }
            switch value {
            case 0x80...0x2FF, 0x2002...0x20CF, 0x1F000...0x1FAFF:
                break
            case 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC:
                return false
            case 0x2100...0x2BFF:
                break
            default:
                return false
            }
            index += length
        }
        return true
    }
}
