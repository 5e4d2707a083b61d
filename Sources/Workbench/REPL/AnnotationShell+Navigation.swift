import Annotations
import Foundation

extension AnnotationShell {
    /// Every sentence position in corpus order.
    var allPositions: [(document: Int, sentence: Int)] {
        corpus.documents.indices.flatMap { document in corpus.documents[document].sentences.indices.map { (document, $0) } }
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
                    guard let next = corpus.documents.indices.first(where: { $0 > document && !corpus.documents[$0].sentences.isEmpty }) else { return nil }
                    document = next
                    sentence = 0
                }
            } else {
                if sentence > 0 {
                    sentence -= 1
                } else {
                    guard let previous = corpus.documents.indices.last(where: { $0 < document && !corpus.documents[$0].sentences.isEmpty }) else { return nil }
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
            throw .rejected(steps > 0 ? "this is the last sentence of the corpus; 'goto 1:1' goes to the start" : "this is the first sentence of the corpus")
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
        guard number >= 1, number <= count else {
            throw .rejected("document \(document + 1) has sentences 1–\(count); there is no sentence \(number)")
        }
        moveTo(document: document, sentence: number - 1)
        return view(tokens: false)
    }

    /// True when a sentence has no text-bound annotation touching it.
    func isUnannotated(_ sentence: Sentence) -> Bool { SentenceRenderer.spans(in: sentence, state: state).isEmpty }

    mutating func nextUnannotated() throws(CommandError) -> [StyledLine] {
        let positions = allPositions
        guard let here = positions.firstIndex(where: { $0 == (documentIndex, sentenceIndex) }) else { return view(tokens: false) }
        for step in 1...max(1, positions.count) {
            let candidate = positions[(here + step) % positions.count]
            let sentence = corpus.documents[candidate.document].sentences[candidate.sentence]
            let key = SentenceKey(document: sentence.documentID, sentence: sentence.index)
            if state.status(of: key) == .open, isUnannotated(sentence) {
                moveTo(document: candidate.document, sentence: candidate.sentence)
                return view(tokens: false)
            }
        }
        throw .rejected("every sentence is annotated or has a status; nothing left to do ('status' shows progress)")
    }

    mutating func search(_ pattern: String) throws(CommandError) -> [StyledLine] {
        let wanted = pattern.isEmpty ? lastSearch : pattern
        guard let wanted else { throw .usage("no previous search; type /REGEX, e.g. /Nebens[jz]a") }
        let expression: NSRegularExpression
        do {
            expression = try NSRegularExpression(pattern: wanted)
        } catch {
            throw .usage("invalid regular expression '\(TerminalText.sanitize(wanted))': check brackets, parentheses and escapes")
        }
        lastSearch = wanted
        let positions = allPositions
        let here = positions.firstIndex(where: { $0 == (documentIndex, sentenceIndex) }) ?? 0
        for step in 1...max(1, positions.count) {
            let candidate = positions[(here + step) % positions.count]
            let text = corpus.documents[candidate.document].sentences[candidate.sentence].text
            if expression.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil {
                let wrapped = step + here >= positions.count
                moveTo(document: candidate.document, sentence: candidate.sentence)
                return (wrapped ? [StyledLine("(search wrapped around to the start)", .dim)] : []) + view(tokens: false)
            }
        }
        throw .rejected("/\(TerminalText.sanitize(wanted))/ is not found anywhere in the corpus")
    }
}
