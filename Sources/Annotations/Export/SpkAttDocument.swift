/// One document of the SpkAtt-2023 shared task (task 2), as the task's JSON files hold it: the
/// document name, its sentences of tokens and its speech-attribution annotations. Span fields are
/// lists of `"sentence:token"` references (0-based). The one definition ``SpkAttImporter`` reads
/// and ``SpkAttExporter`` writes.
struct SpkAttDocument: Sendable, Hashable, Codable {
    /// One sentence: its id (its 0-based position) and tokens.
    struct Sentence: Sendable, Hashable, Codable {
        /// The sentence id; the shared task numbers sentences 0, 1, 2… in order.
        var sentenceID: Int
        /// The tokens.
        var tokens: [String]

        /// Creates a sentence.
        init(sentenceID: Int, tokens: [String]) {
            self.sentenceID = sentenceID
            self.tokens = tokens
        }

        private enum CodingKeys: String, CodingKey {
            case sentenceID = "SentenceId", tokens = "Tokens"
        }
    }

    /// One speech event: who (Source), the cue, the message, the addressee, the frame, its form,
    /// its medium (STWR) and whether it nests in another or holds one.
    struct Annotation: Sendable, Hashable, Codable {
        var addr: [String]
        var cue: [String]
        var form: String
        var frame: [String]
        var hasNested: Bool
        var isNested: Bool
        var message: [String]
        var stwr: String
        var source: [String]

        /// Creates an annotation.
        init(
            addr: [String] = [], cue: [String] = [], form: String, frame: [String] = [], hasNested: Bool = false, isNested: Bool = false,
            message: [String], stwr: String, source: [String] = []
        ) {
            self.addr = addr
            self.cue = cue
            self.form = form
            self.frame = frame
            self.hasNested = hasNested
            self.isNested = isNested
            self.message = message
            self.stwr = stwr
            self.source = source
        }

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case addr = "Addr", cue = "Cue", form = "Form", frame = "Frame", hasNested = "HasNested", isNested = "IsNested"
            case message = "Message", stwr = "STWR", source = "Source"
        }

        /// The keys of an annotation object, in order.
        static let keys = CodingKeys.allCases.map(\.rawValue)
    }

    /// The keys of an annotation object (``Annotation``), in order.
    static var annotationKeys: [String] { Annotation.keys }

    /// The annotations.
    var annotations: [Annotation]
    /// The document name (title).
    var documentName: String
    /// The sentences.
    var sentences: [Sentence]

    /// Creates a document.
    init(annotations: [Annotation], documentName: String, sentences: [Sentence]) {
        self.annotations = annotations
        self.documentName = documentName
        self.sentences = sentences
    }

    private enum CodingKeys: String, CodingKey {
        case annotations = "Annotations", documentName = "DocumentName", sentences = "Sentences"
    }

    /// The forms of the shared task and the workbench's claim forms they become.
    static let forms: [(spkatt: String, workbench: String)] = [
        ("Direct", "direct"), ("Indirect", "indirect"), ("FreeIndirect", "free-indirect"),
        ("IndirectFreeIndirect", "indirect-free-indirect"), ("Reported", "reported"),
    ]

    /// The shared task's STWR values (speech, thought, writing and their combinations).
    static let stwrValues = ["Speech", "Thought", "Writing", "ST", "SW", "TW", "STW", "none"]

    /// Names of the claim attributes that keep what the model has no field for.
    enum AttributeName {
        /// STWR value.
        static let stwr = "stwr"
        /// `true` when the speech event is nested in another.
        static let isNested = "is_nested"
        /// `true` when it holds a nested one.
        static let hasNested = "has_nested"
        /// Mention ids (space-separated) of the addressees.
        static let addressees = "addressees"
        /// Mention ids (space-separated) of further Source spans after the first (the claim's mention).
        static let moreSources = "more_sources"
        /// The frame as scalar segments `start-end,start-end`.
        static let frame = "frame"
    }

    /// `"sentence:token"` for a position.
    static func reference(sentence: Int, token: Int) -> String { "\(sentence):\(token)" }

    /// The position a `"sentence:token"` reference names, if it has that shape.
    static func position(of reference: String) -> (sentence: Int, token: Int)? {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sentence = Int(parts[0]), let token = Int(parts[1]), sentence >= 0, token >= 0,
            parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII)
        else { return nil }
        return (sentence, token)
    }
}
