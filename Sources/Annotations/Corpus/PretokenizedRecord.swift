import Foundation

/// One pre-tokenized document as a corpus JSONL line: `id`, `title`, `text` and `sentences`
/// (`{"id", "tokens"}`), which ``CorpusLoader`` reads back into the same document (same text,
/// same sentences and tokens). Written by imports that bring their own tokens (SpkAtt).
public struct PretokenizedRecord: Sendable, Hashable, Codable {
    /// One sentence.
    public struct Sentence: Sendable, Hashable, Codable {
        /// Its id in the source, if any.
        public var id: String?
        /// Its tokens.
        public var tokens: [String]
    }

    /// The document id.
    public var id: String
    /// The title, if any.
    public var title: String?
    /// The text.
    public var text: String
    /// The sentences.
    public var sentences: [Sentence]

    /// The record of a pre-tokenized document (nil for a document the workbench segments).
    public init?(_ document: Document) {
        guard let given = document.givenSentences else { return nil }
        let scalars = Array(document.text.unicodeScalars)
        id = document.id
        title = document.title
        text = document.text
        sentences = given.map { sentence in
            Sentence(id: sentence.id, tokens: sentence.tokens.map { range in
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[range.start..<range.end])
                return String(view)
            })
        }
    }

    /// The JSONL bytes of `documents`' records (pre-tokenized documents only), one line each.
    public static func jsonl(_ documents: [Document]) -> [UInt8] {
        CorpusJSONL.bytes(documents.lazy.compactMap(PretokenizedRecord.init))
    }
}
