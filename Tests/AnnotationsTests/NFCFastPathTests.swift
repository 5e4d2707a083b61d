import Foundation
import Testing

@testable import Annotations

@Suite("NFC fast path")
struct NFCFastPathTests {
    private static let allowed: [ClosedRange<UInt32>] = [0x0...0x2FF, 0x2002...0x206F, 0x20A0...0x20CF, 0x1F000...0x1FAFF]

    @Test("every scalar the fast path accepts is unchanged by NFC, alone and next to every other")
    func acceptedScalarsAreStable() {
        var scalars: [Unicode.Scalar] = []
        for range in Self.allowed {
            for value in range {
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
        }
        // All of them in one string, and pairs of a sample (every 97th scalar) in every order.
        let text = String(String.UnicodeScalarView(scalars))
        #expect(TextNormalization.isNFCWithoutChecking(text))
        #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
        let sample = stride(from: 0, to: scalars.count, by: 97).map { scalars[$0] }
        for first in sample.prefix(300) {
            var pairs = String.UnicodeScalarView()
            for second in sample {
                pairs.append(first)
                pairs.append(second)
            }
            let string = String(pairs)
            #expect(string.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(string.unicodeScalars))
        }
    }

    @Test("text needing NFC is not taken by the fast path and is normalised")
    func rejected() {
        for raw in ["e\u{301}", "\u{2126}", "\u{2000}", "\u{1100}\u{1161}", "A\u{30A}", "\u{0958}"] {
            #expect(!TextNormalization.isNFCWithoutChecking(raw))
            let (text, report) = TextNormalization.normalize(raw)
            #expect(text == raw.precomposedStringWithCanonicalMapping)
            #expect(report.appliedNFC == !raw.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(raw.unicodeScalars))
        }
        #expect(TextNormalization.normalize("Müller sagte: „Nein“ – 10 € 👍🏽").text == "Müller sagte: „Nein“ – 10 € 👍🏽")
    }
}
