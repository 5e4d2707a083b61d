import Annotations
import Foundation

extension AnnotationShell {
    /// The first sentence, in corpus order after the current one and wrapping around past the end
    /// (the current sentence comes last), for which `matches` is true; `wrapped` tells whether the
    /// search passed the end of the corpus. Walks the documents in place, without a list of positions.
    func firstPosition(
        afterCurrent matches: (_ document: Int, _ sentence: Int) -> Bool
    ) -> (document: Int, sentence: Int, wrapped: Bool)? {
        let documents = corpus.documents
        guard documentIndex < documents.count else { return nil }
        var document = documentIndex, sentence = sentenceIndex + 1, wrapped = false
        while true {
            let count = documents[document].sentences.count
            while sentence < count {
                if matches(document, sentence) { return (document, sentence, wrapped) }
                if wrapped && document == documentIndex && sentence == sentenceIndex { return nil }
                sentence += 1
            }
            if wrapped && document >= documentIndex { return nil }
            document += 1
            sentence = 0
            if document == documents.count {
                document = 0
                wrapped = true
            }
        }
    }

    /// The position `steps` sentences away, crossing documents; nil past either end.
    func position(movedBy steps: Int) -> (document: Int, sentence: Int)? {
        var document = documentIndex, sentence = sentenceIndex
        var remaining = abs(steps)
        while remaining > 0 {
            if steps > 0 {
                if sentence + 1 < corpus.documents[document].sentences.count {
                    sentence += 1
                } else {
                    guard let next = corpus.documents.indices[(document + 1)...].first(where: { !corpus.documents[$0].sentences.isEmpty }) else { return nil }
                    document = next
                    sentence = 0
                }
            } else {
                if sentence > 0 {
                    sentence -= 1
                } else {
                    guard let previous = corpus.documents.indices[..<document].last(where: { !corpus.documents[$0].sentences.isEmpty }) else { return nil }
                    document = previous
                    sentence = corpus.documents[previous].sentences.count - 1
                }
            }
            remaining -= 1
        }
        return (document, sentence)
    }

    mutating func move(by steps: Int) throws(CommandError) -> [StyledLine] {
        guard let target = position(movedBy: steps) else {
            guard steps > 0 else { throw .rejected("this is the first sentence of the corpus") }
            // The start is the first document with a sentence: an empty first document has no 1:1.
            let first = (corpus.documents.firstIndex { !$0.sentences.isEmpty } ?? 0) + 1
            throw .rejected("this is the last sentence of the corpus; 'goto \(first):1' goes to the start")
        }
        moveTo(document: target.document, sentence: target.sentence)
        return view(tokens: false)
    }

    mutating func goto(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        let usage = "usage: goto DOC:SENTENCE (e.g. 3:14), goto SENTENCE (in this document) or goto DOCUMENT-ID"
        guard arguments.count == 1, let text = arguments.first?.text else { throw .usage(usage) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, let doc = Int(parts[0]), let number = Int(parts[1]) {
            guard doc >= 1, doc <= corpus.documents.count else {
                throw .rejected("there is no document \(doc); the corpus has documents 1–\(corpus.documents.count) (see 'docs')")
            }
            return try gotoSentence(document: doc - 1, number: number)
        }
        if let number = Int(text) { return try gotoSentence(document: documentIndex, number: number) }
        // Digits too many for a number (`goto 1:99999999999999999999`) are no document id either.
        let numeric = parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        if numeric, !corpus.documents.contains(where: { $0.document.id.hasPrefix(text) }) {
            throw .rejected("'\(TerminalText.sanitize(String(text.prefix(40))))' is past every document and sentence number; the corpus has documents 1–\(corpus.documents.count) (see 'docs')")
        }
        if let exact = corpus.documents.firstIndex(where: { $0.document.id == text }) { return try gotoSentence(document: exact, number: 1) }
        let prefixed = corpus.documents.indices.filter { corpus.documents[$0].document.id.hasPrefix(text) }
        if prefixed.count == 1 { return try gotoSentence(document: prefixed[0], number: 1) }
        if prefixed.count > 1 {
            throw .rejected("'\(TerminalText.sanitize(text))' starts several document ids: "
                + prefixed.prefix(5).map { TerminalText.sanitize(corpus.documents[$0].document.id) }.joined(separator: ", "))
        }
        throw .usage("no document '\(TerminalText.sanitize(String(text.prefix(60))))'; " + usage + " ('docs' lists documents)")
    }

    private mutating func gotoSentence(document: Int, number: Int) throws(CommandError) -> [StyledLine] {
        let count = corpus.documents[document].sentences.count
        guard count > 0 else {
            let id = TerminalText.sanitize(String(corpus.documents[document].document.id.prefix(40)))
            throw .rejected("document \(document + 1) (\(id)) has no sentences: its text is empty or only whitespace ('docs' lists the documents)")
        }
        guard number >= 1, number <= count else {
            throw .rejected("document \(document + 1) has sentences 1–\(count); there is no sentence \(number)")
        }
        moveTo(document: document, sentence: number - 1)
        return view(tokens: false)
    }

    mutating func nextUnannotated() throws(CommandError) -> [StyledLine] {
        let annotated = AnnotatedSentences(state: state)
        let documents = corpus.documents
        let found = firstPosition { document, index in
            let sentence = documents[document].sentences[index]
            return state.status(of: SentenceKey(document: sentence.documentID, sentence: sentence.index)) == .open
                && !annotated.touches(sentence)
        }
        guard let found else {
            throw .rejected("every sentence is annotated or has a status; nothing left to do ('status' shows progress)")
        }
        moveTo(document: found.document, sentence: found.sentence)
        return view(tokens: false)
    }

    /// `/REGEX`: the next sentence with a match. Bounded: a pattern that backtracks without end stops with
    /// a message once its step budget (``BoundedRegex``) is spent, and Ctrl-C (``interruptRequested``)
    /// stops the search between sentences and inside a long match.
    mutating func search(_ pattern: String, stepLimit: Int = BoundedRegex.defaultStepLimit) throws(CommandError) -> [StyledLine] {
        let wanted = pattern.isEmpty ? lastSearch : pattern
        guard let wanted else { throw .usage("no previous search; type /REGEX, e.g. /Nebens[jz]a") }
        let expression: BoundedRegex
        do {
            expression = try BoundedRegex(wanted, stepLimit: stepLimit)
        } catch {
            throw .usage("invalid regular expression '\(TerminalText.sanitize(wanted))': \(error.description)")
        }
        lastSearch = wanted
        expression.shouldStop = interruptRequested
        let documents = corpus.documents
        var stopped: (failure: BoundedRegex.Failure, document: Int, sentence: Int)?
        let found = firstPosition { document, sentence in
            do throws(BoundedRegex.Failure) {
                return try expression.firstMatch(in: documents[document].sentences[sentence].text) != nil
            } catch {
                stopped = (error, document, sentence)
                return true
            }
        }
        if let stopped {
            let place = "\(stopped.document + 1):\(stopped.sentence + 1)"
            throw .rejected("search \(stopped.failure.description) (at sentence \(place); the cursor stays here)")
        }
        guard let found else { throw .rejected("/\(TerminalText.sanitize(wanted))/ is not found anywhere in the corpus") }
        moveTo(document: found.document, sentence: found.sentence)
        return view(tokens: false, after: found.wrapped ? [StyledLine("(search wrapped around to the start)", .dim)] : [])
    }
}
