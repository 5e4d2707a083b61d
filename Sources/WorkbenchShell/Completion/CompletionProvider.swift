import Annotations

/// TAB completion for the annotation shell, from a snapshot of what the shell knows: command names
/// at the start of the line, speaker ids, names and aliases after `=`, `by` and `stance` (each item of
/// a list `by S1,S2`), mention ids after a claim's `to` (and an accept's, with words of the sentence), target ids,
/// stance labels, claim forms and speaker kinds where they go, and words of the current sentence
/// inside an open quote.
public struct CompletionProvider: Sendable {
    /// Speaker ids, names and aliases.
    var speakerWords: [String] = []
    /// Target ids.
    var targetIDs: [String] = []
    /// Annotation ids (for edit, delete, note, evidence).
    var annotationIDs: [String] = []
    /// Claim ids.
    var claimIDs: [String] = []
    /// The session's labels.
    var schema = AnnotationSchema.standard
    /// Words of the current sentence.
    var sentenceWords: [String] = []
    /// Document ids.
    var documentIDs: [String] = []

    /// An empty provider (commands only).
    init() {}

    /// A snapshot of `shell`; `documentIDs` saves listing the corpus's documents again.
    init(shell: AnnotationShell, documentIDs: [String]? = nil) {
        let state = shell.state
        let speakers = AnnotationState.sortedByID(state.speakers)
        speakerWords = speakers.map(\.id) + speakers.flatMap { [$0.name] + $0.aliases }
        targetIDs = AnnotationState.sortedByID(state.targets).map(\.id)
        claimIDs = AnnotationState.sortedByID(state.claims).map(\.id)
        annotationIDs = state.allRecords.compactMap { record in
            if case .status = record.key { return nil }
            if case .review = record.key { return nil }
            return record.key.description
        }
        schema = state.schema
        sentenceWords = shell.sentence?.tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.text) ?? []
        self.documentIDs = documentIDs ?? shell.corpus.documents.map(\.document.id)
    }

    /// Candidates (whole replacement words) for the word ending at `cursor` (in Unicode scalars, as
    /// the command lexer reads the line: see ``Completion``). A candidate that would make the line
    /// longer than a command line may be (``AnnotationShell/maximumLineLength``) is not offered: a
    /// word of 10 000 letters filled the edit line, and Enter then refused the line as too long.
    public func candidates(line: String, cursor: Int) -> [String] {
        let current = Completion.word(in: line, cursor: cursor)
        let room = AnnotationShell.maximumLineLength - (line.count - current.count)
        return allCandidates(line: line, cursor: cursor).filter { $0.count <= room }
    }

    /// Every candidate for the word ending at `cursor`, however long.
    private func allCandidates(line: String, cursor: Int) -> [String] {
        let before = Completion.prefix(line, scalars: cursor)
        let current = String(Completion.word(in: line, cursor: cursor))
        let currentLength = current.unicodeScalars.count
        let previousWords = Self.words(Completion.prefix(String(before), scalars: before.unicodeScalars.count - currentLength))
        // Inside an open quote: a speaker's name where a speaker goes (closing the quote: the name is whole),
        // else words of the sentence, leaving the quote open so the text can go on ("Vassili Neb" → "Vassili Nebenzia).
        if let (quote, quoteStart) = openQuote(in: before) {
            let quoted = Completion.dropping(quoteStart + 1, scalarsOf: before)
            let wordsBeforeQuote = Self.words(Completion.prefix(String(before), scalars: quoteStart))
            let startsWithQuote = current.unicodeScalars.first == quote
            let partial = startsWithQuote ? Completion.dropping(1, scalarsOf: current) : current
            if Self.wantsSpeaker(wordsBeforeQuote) {
                let closer = Completion.closer(for: quote)
                let names = Self.unique(speakerWords).filter { Completion.hasScalarPrefix($0, quoted) }
                if !names.isEmpty {
                    return names.map { current + Completion.dropping(quoted.unicodeScalars.count, scalarsOf: $0) + closer }
                }
            }
            let prefix = startsWithQuote ? String(Character(quote)) : ""
            return Self.unique(sentenceWords).filter { Completion.hasScalarPrefix($0, partial) }.map { prefix + $0 }
        }
        guard let command = previousWords.first.flatMap({ CommandCatalog.spec(for: $0) }) else {
            return previousWords.isEmpty
                ? CommandCatalog.all.map(\.name).filter { $0 != "/" && Completion.hasScalarPrefix($0, current) } : []
        }
        let options = options(for: command.completion, previousWords: previousWords, current: current)
        // A list after `by` or `to` (`by S1,Seo`), or a cue's words (`cu fügte,hin`): the item after the
        // last comma completes on its own, the items before it stay; one already named is not offered
        // again, and names of several words have no place in such a list (ids do).
        let isList = ["by", "to"].contains(previousWords.last?.lowercased() ?? "") || (command.completion == .cue && previousWords.count == 1)
        if isList, let comma = current.unicodeScalars.lastIndex(of: ",") {
            let items = String(current.unicodeScalars[...comma])
            let partial = String(current.unicodeScalars[current.unicodeScalars.index(after: comma)...])
            let named = Set(items.split(separator: ",").map(String.init))
            return Self.unique(options).filter { !$0.contains(" ") && !named.contains($0) && Completion.hasScalarPrefix($0, partial) }
                .map { items + $0 }
        }
        // A name of several words is inserted in quotes, so the command reads it as one.
        return Self.unique(options).filter { Completion.hasScalarPrefix($0, current) }.map { $0.contains(" ") ? "\"\($0)\"" : $0 }
    }

    /// The words of `text`, split at whitespace scalars as the command lexer splits them.
    private static func words(_ text: Substring) -> [String] {
        text.unicodeScalars.split(whereSeparator: Completion.isSeparator).map { String(String.UnicodeScalarView($0)) }
    }

    /// What completes the word after `previousWords` (the command and its arguments so far) for a
    /// command whose arguments complete as `kind`.
    private func options(for kind: CommandSpec.Completion, previousWords: [String], current: String) -> [String] {
        let last = previousWords.last?.lowercased() ?? ""
        switch kind {
        case .commandNames: return CommandCatalog.all.map(\.name) + ["spans"]
        case .documents: return documentIDs
        case .choices(let words): return words
        case .firstArgument(let words) where previousWords.count == 1: return words
        case .accept where previousWords.count == 1: return ["all", "by", "to", "form", "claim"]
        default: break
        }
        switch last {
        // An accept's speaker: a known one, or a word of the sentence (made a speaker on accepting).
        case "by" where kind == .accept || kind == .acceptOne:
            return speakerWords + (current.first?.isLetter == true ? sentenceWords : [])
        case "=", "by": return speakerWords
        case "to" where kind == .claim || kind == .edit: return annotationIDs.filter { $0.hasPrefix("M") }
        // An accept's addressee: a mention, or a word of the sentence (made a mention on accepting).
        case "to" where kind == .accept || kind == .acceptOne:
            return annotationIDs.filter { $0.hasPrefix("M") } + (current.first?.isLetter == true ? sentenceWords : [])
        case "form": return schema.claimForms
        case "kind": return schema.speakerKinds
        case "evidence": return claimIDs
        default: break
        }
        switch kind {
        case .none, .commandNames, .documents, .choices, .firstArgument: return []
        case .accept, .acceptOne: return ["by", "to", "form", "claim"]
        case .stance:
            switch previousWords.count {
            case 1: return speakerWords
            case 2: return targetIDs
            case 3: return schema.stanceLabels
            case 4: return ["evidence"]
            default: return claimIDs
            }
        case .claim where previousWords.count >= 2: return ["by", "to", "cue", "form", "negated", "hedged"]
        case .speaker where previousWords.count >= 2: return ["=", "role", "kind"]
        case .speaker, .cue, .claim:
            // A bare word is a span: words of the sentence (and 'merge' for speaker).
            return current.first?.isLetter == true ? sentenceWords + (kind == .speaker ? ["merge"] : []) : []
        case .annotationID: return previousWords.count == 1 ? annotationIDs : []
        case .edit:
            switch previousWords.count {
            case 1: return annotationIDs
            case 2: return Self.fields(for: previousWords[1])
            case 3: return Self.values(for: previousWords[2].lowercased(), schema: schema, speakers: speakerWords)
            default: return []
            }
        case .target: return previousWords.count == 1 ? ["add"] : []
        }
    }

    /// Whether the word after `words` names a speaker: after `=`, `by`, `stance`, `edit M… speaker`.
    private static func wantsSpeaker(_ words: [String]) -> Bool {
        guard let command = words.first.flatMap({ CommandCatalog.spec(for: $0) })?.completion else { return false }
        let last = words.last?.lowercased() ?? ""
        return last == "=" || last == "by" || (command == .stance && words.count == 1)
            || (command == .edit && words.count == 3 && ["speaker", "by"].contains(last))
    }

    private static func fields(for id: String) -> [String] {
        switch id.first {
        case "S": return ["name", "kind", "alias"]
        case "M": return ["speaker", "role", "span"]
        case "C": return ["form", "by", "to", "cue", "negated", "hedged", "span"]
        case "Q": return ["span"]
        case "T", "N": return ["text"]
        case "P": return ["label", "evidence"]
        default: return []
        }
    }

    private static func values(for field: String, schema: AnnotationSchema, speakers: [String]) -> [String] {
        switch field {
        case "form": return schema.claimForms + ["none"]
        case "kind": return schema.speakerKinds
        case "label": return schema.stanceLabels
        case "negated", "hedged": return ["yes", "no"]
        case "by", "speaker": return speakers
        case "alias": return ["add", "remove"]
        default: return []
        }
    }

    /// The opening quote mark of a quote still open at the end of `text`, and its position (in
    /// Unicode scalars, as the command lexer finds it), if any.
    private func openQuote(in text: Substring) -> (Unicode.Scalar, Int)? {
        var open: (Unicode.Scalar, Set<Character>, Int)?
        for (position, scalar) in text.unicodeScalars.enumerated() {
            if let (_, closers, _) = open {
                if closers.contains(Character(scalar)) { open = nil }
            } else if let closers = SpanAddressQuotes.closers(for: Character(scalar)) {
                open = (scalar, closers, position)
            }
        }
        return open.map { ($0.0, $0.2) }
    }

    private static func unique(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }
}

/// The completion snapshot of the shell's latest state, shared with the line editor's completion
/// closure. The REPL hands over the shell after every command; the snapshot is made only when TAB
/// asks for it, so commands do not pay for listing every annotation and document.
public final class CompletionSource {
    private var shell: AnnotationShell?
    private var cached: CompletionProvider?
    private var documentIDs: [String]?

    /// Creates an empty source (commands only until a shell is handed over).
    public init() {}

    /// The snapshot for the shell last handed over.
    public var provider: CompletionProvider {
        if let cached { return cached }
        guard let shell else { return CompletionProvider() }
        let ids = documentIDs ?? shell.corpus.documents.map(\.document.id)
        documentIDs = ids
        let made = CompletionProvider(shell: shell, documentIDs: ids)
        cached = made
        return made
    }

    /// Hands over the shell's state after a command; the corpus must stay the same one.
    public func update(_ shell: AnnotationShell) {
        self.shell = shell
        cached = nil
    }
}
