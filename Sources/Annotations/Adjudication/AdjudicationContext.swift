import Foundation

/// The text around an annotation as the adjudicator sees it: the span in [brackets] with the stored
/// context, cut at word boundaries. A context that fills ``TextAnchor/contextLength`` was cut off
/// in the sentence, so its partial word at the cut is dropped and an ellipsis marks the cut.
public struct AdjudicationContext: Sendable, Equatable {
    /// The line shown: `… Peskow erklärte, [die Lage sei ernst].`
    public let line: String

    /// The context of `anchor`, line breaks shown as spaces.
    public init(_ anchor: TextAnchor) {
        var before = anchor.before.replacingOccurrences(of: "\n", with: " ")
        var after = anchor.after.replacingOccurrences(of: "\n", with: " ")
        if anchor.before.unicodeScalars.count >= TextAnchor.contextLength, let space = before.firstIndex(where: \.isWhitespace) {
            before = "… " + before[before.index(after: space)...].drop(while: \.isWhitespace)
        }
        if anchor.after.unicodeScalars.count >= TextAnchor.contextLength, let space = after.lastIndex(where: \.isWhitespace) {
            after = String(after[..<space]).trimmingSuffixWhitespace() + " …"
        }
        line = before + "[" + anchor.text.replacingOccurrences(of: "\n", with: " ") + "]" + after
    }
}

extension String {
    fileprivate func trimmingSuffixWhitespace() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
