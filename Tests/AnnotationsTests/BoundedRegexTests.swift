import Foundation
import Testing

@testable import Annotations

/// Regular expressions whose matching is bounded and can be stopped (REPL search, `/regex/` spans).
/// No test measures time: a pattern that would backtrack for ever must come back as "too costly".
@Suite("Bounded regular expressions", .timeLimit(.minutes(1)))
struct BoundedRegexTests {
    static let sentence = "Nach Angaben Washingtons und Seouls befinden sich rund 10.000 nordkoreanische Soldaten in Russland, ohne dass ihr Auftrag eindeutig identifiziert werden kann."

    @Test("catastrophic backtracking stops with 'too costly'", arguments: ["(.*)*x$", #"(\w+\s?)+$Q"#, "(a|aa)+$b", "^(\\w+\\s?)*$"])
    func catastrophic(pattern: String) throws {
        let regex = try BoundedRegex(pattern, stepLimit: 300)
        #expect(throws: BoundedRegex.Failure.self) { try regex.firstMatch(in: Self.sentence + " " + String(repeating: "a", count: 40) + "!") }
        do {
            _ = try regex.firstMatch(in: Self.sentence + " " + String(repeating: "a", count: 40) + "!")
            Issue.record("expected the budget to run out")
        } catch {
            guard case .tooCostly(let steps, _) = error else { Issue.record("got \(error)"); return }
            #expect(steps >= 300)
            #expect(error.description.contains("the pattern is too costly for this text; simplify it"))
        }
    }

    @Test("the budget is shared by all matches of one expression")
    func sharedBudget() throws {
        let regex = try BoundedRegex("(.*)*x$", stepLimit: 300)
        #expect(throws: BoundedRegex.Failure.self) { try regex.firstMatch(in: Self.sentence) }
        #expect(regex.stepsUsed >= 300)
    }

    @Test("shouldStop (Ctrl-C) stops a running match and a search between texts")
    func interrupted() throws {
        let regex = try BoundedRegex("(.*)*x$", stepLimit: 1_000_000)
        var asked = 0
        regex.shouldStop = {
            asked += 1
            return asked > 3
        }
        #expect(throws: BoundedRegex.Failure.interrupted) { try regex.firstMatch(in: Self.sentence) }
        let plain = try BoundedRegex("sagte")
        plain.shouldStop = { true }
        #expect(throws: BoundedRegex.Failure.interrupted) { try plain.firstMatch(in: "er sagte") }
    }

    @Test("matches as NSRegularExpression finds them: umlauts, „quotes“, emoji, combining marks, empty matches")
    func sameAsFoundation() throws {
        let text = "Müller sagte „Grüße“ 👩‍👩‍👧 und e\u{301}twas; sagte er. Sagte sie?"
        for pattern in ["sagte", "[Ss]agte", "„[^“]*“", "\\w+", "e\u{301}", "x*", "👩", "(?i)SAGTE", "\\bund\\b"] {
            let foundation = try NSRegularExpression(pattern: pattern)
                .matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
                .map { $0.range.location..<($0.range.location + $0.range.length) }
            #expect(try BoundedRegex(pattern).matches(in: text) == foundation, "\(pattern)")
            #expect(try BoundedRegex(pattern).firstMatch(in: text) == foundation.first, "\(pattern)")
        }
        #expect(try BoundedRegex("zzz").firstMatch(in: text) == nil)
        #expect(try BoundedRegex("a").matches(in: "") == [])
    }

    @Test("a pattern that does not compile says where")
    func invalid() {
        #expect(throws: BoundedRegex.Failure.self) { try BoundedRegex("(abc") }
        do {
            _ = try BoundedRegex("[a-")
        } catch {
            guard case .invalid = error else { Issue.record("got \(error)"); return }
            #expect(error.description.contains("does not compile"))
        }
    }

    @Test("a /regex/ span that backtracks without end is refused with a clear message")
    func spanAddress() throws {
        let document = SegmentedDocument(Document(id: "d", rawText: Self.sentence))
        let sentence = try #require(document.sentences.first)
        #expect(throws: SpanAddressError.self) { try SpanAddress.matches(of: "(.*)*x$", in: sentence, stepLimit: 300) }
        do {
            _ = try SpanAddress.matches(of: #"(\w+\s?)+$Q"#, in: sentence, stepLimit: 300)
        } catch {
            guard case .patternTooCostly = error else { Issue.record("got \(error)"); return }
            #expect(error.description.contains("too costly"))
        }
        let found = try SpanAddress.matches(of: "Soldaten|Russland", in: sentence)
        #expect(found.count == 2)
    }
}
