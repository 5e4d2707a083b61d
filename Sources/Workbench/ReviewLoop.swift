import Annotations
import Foundation

/// The review dialogue: shows the next unreviewed annotation and records the reviewer's decision.
struct ReviewLoop {
    /// The reviewed session, open for writing.
    let store: SessionStore
    /// Who reviews.
    let reviewer: String
    /// Sentence rendering and colours.
    let view: ReplayView
    /// Where the reviewed session is saved (for messages).
    let outPath: String

    /// Runs until every annotation has a verdict, `quit` or end of input. Returns true if a command
    /// failed in piped mode (so scripts notice).
    func run(editor: any LineEditor) -> Bool {
        defer { editor.close() }
        let documentOrder = store.session.corpus.documents.map(\.id)
        var skipped = Set<String>()
        var failed = false
        var position = 0
        var shown: String?
        func queue() -> ReviewQueue { ReviewQueue(state: store.session.state, documentOrder: documentOrder) }
        print("reviewing into \(TerminalText.sanitize(outPath)) as \(TerminalText.sanitize(reviewer))")
        while true {
            let current = queue()
            guard let index = current.firstUnreviewed(in: store.session.state, from: 0, skipping: skipped) else { break }
            position = index
            let id = current.ids[index]
            if shown != id {
                show(id, number: index + 1, of: current.ids.count)
                shown = id
            }
            let input = editor.readLine(prompt: view.style.apply(.prompt, "review \(id)> "))
            let line: String
            switch input {
            case .endOfInput:
                printSummary()
                return failed
            case .interrupted: continue
            case .line(let text): line = text
            }
            let instruction: ReviewInstruction
            do { instruction = try ReviewInstruction.parse(line) } catch {
                print(view.style.apply(.error, error.description))
                failed = true
                continue
            }
            switch instruction {
            case .quit:
                printSummary()
                return failed
            case .status:
                printSummary()
                continue
            case .help:
                print("accept · reject REASON · note TEXT · skip · correct FIELD VALUE (\(ReviewInstruction.fields.joined(separator: ", "))) · correct delete · status · quit")
                continue
            case .skip:
                skipped.insert(id)
                continue
            default:
                break
            }
            do {
                let actions = try ReviewPlanner(reviewer: reviewer).actions(for: instruction, on: id, in: store.session.state)
                for action in actions { try store.perform(action, time: Timestamp.now(), annotator: reviewer) }
                if case .note = instruction { shown = nil }
            } catch let error as ReviewPlanner.Failure {
                print(view.style.apply(.error, TerminalText.sanitize(error.description)))
                failed = true
            } catch {
                print(view.style.apply(.error, TerminalText.sanitize("\(error)")))
                failed = true
            }
        }
        _ = position
        print(skipped.isEmpty ? "every annotation has a verdict" : "done; \(skipped.count) skipped annotation(s) remain open")
        printSummary()
        return failed
    }

    private func show(_ id: String, number: Int, of total: Int) {
        let state = store.session.state
        print("")
        print(view.style.apply(.heading, "[\(number)/\(total)] \(id)"))
        if let anchor = state.record(id: id)?.anchor {
            let key = SentenceKey(document: anchor.document, sentence: anchor.sentence)
            print("    " + view.style.apply(.dim, TerminalText.sanitize(key.description)) + "  " + view.sentence(key, state: state))
        }
        for line in ReviewCard.lines(for: id, in: state) { print("    " + TerminalText.sanitize(line)) }
    }

    private func printSummary() {
        let state = store.session.state
        let queue = ReviewQueue(state: state, documentOrder: store.session.corpus.documents.map(\.id))
        let summary = ReviewSummary(state: state, events: store.session.events, reviewer: reviewer, queue: queue)
        for line in summary.lines { print(TerminalText.sanitize(line)) }
    }
}
