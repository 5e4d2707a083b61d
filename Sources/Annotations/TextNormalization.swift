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
        let composed = text.precomposedStringWithCanonicalMapping
        if !composed.unicodeScalars.elementsEqual(text.unicodeScalars) {
            text = composed
            report.appliedNFC = true
        }
        return (text, report)
    }
}
