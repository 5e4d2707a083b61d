import Annotations
import Foundation

/// Where a name typed by a person stands among a sentence's tokens: the one name matcher of the
/// shell, for a known speaker's words after an accept's `by` (``AnnotationShell/place(of:typed:proposed:)``)
/// and for the words of a speaker or addressee typed by name (`y by Seoul`, `y to Washington`).
///
/// A name matches whole tokens, case folded; its last word also with a genitive ending (`s`, `'`,
/// `’`, `s'`, `s’`), and then the match is the whole token: „Seouls“ for Seoul, „Jens'“ for Jens.
/// Never a part of a longer word: `Seoul` made a mention „Seoul“ inside „Seouls“ (the span's text
/// search falls back to occurrences inside words), and `Korea` is not the „Korea“ of „Südkorea“.
struct NameInSentence: Sendable {
    /// The genitive endings a name's last word may carry.
    static let genitiveEndings = ["s", "'", "\u{2019}", "s'", "s\u{2019}"]

    /// The places where `words` stand in `tokens`, in order, those without a genitive ending first.
    static func places(of words: [String], in tokens: [Token]) -> [SpanSegment] {
        guard !words.isEmpty, words.count <= tokens.count else { return [] }
        var plain: [SpanSegment] = [], genitive: [SpanSegment] = []
        for start in 0...(tokens.count - words.count) {
            guard let form = match(tokens[start..<start + words.count], words) else { continue }
            let segment = SpanSegment(start: tokens[start].start, end: tokens[start + words.count - 1].end)
            if form == .plain { plain.append(segment) } else { genitive.append(segment) }
        }
        return plain + genitive
    }

    /// How tokens spell a name.
    private enum Form { case plain, genitive }

    /// Whether `tokens` spell `words`, case folded, the last one also with a genitive ending.
    private static func match(_ tokens: ArraySlice<Token>, _ words: [String]) -> Form? {
        var form = Form.plain
        for (token, word) in zip(tokens, words) {
            let same = { (text: String) in text.compare(word, options: [.caseInsensitive]) == .orderedSame }
            if same(token.text) { continue }
            guard token.index == tokens.last?.index,
                genitiveEndings.contains(where: { token.text.hasSuffix($0) && same(String(token.text.dropLast($0.count))) })
            else { return nil }
            form = .genitive
        }
        return form
    }
}
