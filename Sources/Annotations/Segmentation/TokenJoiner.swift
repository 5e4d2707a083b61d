/// Decides where a space goes when tokens are joined into running text, the way German news is
/// written: no space before `, . : ; ? ! ) ] “ « %`, none after `( [ „ »`, and a straight `"`
/// alternately opens (no space after) and closes (no space before). Pre-tokenized documents
/// (``PretokenizedText``) and the SpkAtt benchmark join tokens with it, so the text reads as the
/// article did and the suggestion rules see quotes and punctuation where writers put them.
public struct TokenJoiner: Sendable {
    static let noSpaceBefore: Set<String> = [",", ".", ":", ";", "?", "!", ")", "]", "“", "«", "%"]
    static let noSpaceAfter: Set<String> = ["(", "[", "„", "»"]

    private var glueNext = true
    private var straightOpen = false

    /// A joiner at the start of a text (no space before the first token).
    public init() {}

    /// Whether a space goes before `token` (NFC), given the tokens seen so far.
    public mutating func needsSpace(before token: String) -> Bool {
        var glue = glueNext || Self.noSpaceBefore.contains(token)
        glueNext = Self.noSpaceAfter.contains(token)
        if token == "\"" {
            if straightOpen { glue = true } else { glueNext = true }
            straightOpen.toggle()
        }
        return !glue
    }
}
