@testable import Annotations

/// The `segment --format jsonl --tokens full` line of a sentence built through `JSONValue`, independently of
/// `SegmentOutput`'s hand-written writer and of `SegmentRecord`'s `Codable` form, so the tests can compare
/// all three byte for byte.
enum SentenceJSON {
    /// The JSON object of a token.
    static func token(_ token: Token) -> JSONValue {
        .object([
            ("index", .int(token.index)), ("start", .int(token.start)), ("end", .int(token.end)),
            ("text", .string(token.text)), ("kind", .string(token.kind.rawValue)), ("space_after", .bool(token.spaceAfter)),
        ])
    }

    /// The JSON object of a sentence with its tokens.
    static func object(for sentence: Sentence) -> JSONValue {
        .object([
            ("document", .string(sentence.documentID)), ("index", .int(sentence.index)),
            ("start", .int(sentence.start)), ("end", .int(sentence.end)), ("text", .string(sentence.text)),
            ("tokens", .array(sentence.tokens.map(token))),
        ])
    }

    /// One compact JSON line for a sentence.
    static func line(for sentence: Sentence) -> String { object(for: sentence).serialized() }
}
