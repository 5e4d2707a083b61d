@testable import Annotations
import Testing

@Suite("span addresses")
struct SpanAddressTests {
    static let document = SegmentedDocument(Document(
        id: "d", rawText: "Herr Rutte sagte, man müsse „jetzt handeln“. Er fügte hinzu, dass es eile.\nZweiter Absatz hier."))

    private func text(_ address: String, sentence: Int = 0) throws -> String {
        let resolved = try SpanAddress.parse(address).resolve(in: Self.document, sentence: sentence)
        let scalars = Array(Self.document.document.text.unicodeScalars)
        return resolved.segments.map { segment in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[segment.range])
            return String(view)
        }.joined(separator: "|")
    }

    @Test("token numbers, ranges, lists, open ranges")
    func tokens() throws {
        #expect(try text("2") == "Rutte")
        #expect(try text("1-3") == "Herr Rutte sagte")
        #expect(try text("1-2,3") == "Herr Rutte|sagte")
        #expect(try text("1,3") == "Herr|sagte")
        #expect(try text("7-") == "„jetzt handeln“.")
    }

    /// The segments `address` resolves to in the first sentence of `document`, as "start-end:text|…".
    static func segments(_ address: String, in document: SegmentedDocument) throws -> String {
        let resolved = try SpanAddress.parse(address).resolve(in: document, sentence: 0)
        let scalars = Array(document.document.text.unicodeScalars)
        return resolved.segments.map { "\($0.start)-\($0.end):" + String(String.UnicodeScalarView(scalars[$0.range])) }.joined(separator: "|")
    }

    @Test("quoted text prefers whole words; inside words only when it never stands alone")
    func wholeWords() throws {
        let document = SegmentedDocument(Document(id: "w", rawText: "Die nordkoreanische Delegation kam an, so wie sowieso alle an der Grenze."))
        func text(_ address: String) throws -> String { try Self.segments(address, in: document) }
        #expect(try text("\"an\"") == "35-37:an")
        #expect(try text("\"an\"#2") == "59-61:an")
        #expect(try text("\"so\"") == "39-41:so")
        #expect(try text("\"korea\"") == "8-13:korea")
        #expect(throws: SpanAddressError.occurrenceMissing("an", wanted: 3, found: 2)) { try text("\"an\"#3") }
    }

    @Test("quoted text in any quote style, occurrences, regex, all")
    func quotedAndRegex() throws {
        #expect(try text("\"man müsse\"") == "man müsse")
        #expect(try text("„jetzt handeln“") == "jetzt handeln")
        #expect(try text("\"e\"#2") == "e")
        #expect(try text("/R\\w+/") == "Rutte")
        #expect(try text("all") == "Herr Rutte sagte, man müsse „jetzt handeln“.")
    }

    @Test("quoted text never splits a character: a letter from its combining accent, one emoji of a joined sequence")
    func charactersStayWhole() throws {
        let document = SegmentedDocument(Document(id: "c", rawText: "Er sagte q\u{303} und 👩\u{200D}👩\u{200D}👧 ja, q."))
        func text(_ address: String) throws -> String { try Self.segments(address, in: document) }
        // Before: "👩" took the first emoji of the family (16-17), and "q" in a sentence without a q of its own the q of „q̃“ without its tilde.
        #expect(try text("\"q\"") == "26-27:q")
        #expect(throws: SpanAddressError.textInsideCharacter("👩")) { try text("\"👩\"") }
        #expect(throws: SpanAddressError.textInsideCharacter("👧")) { try text("\"👧\"") }
        #expect(throws: SpanAddressError.textInsideCharacter("q\u{303} und 👩")) { try text("\"q\u{303} und 👩\"") }
        #expect(try text("\"q\u{303}\"") == "9-11:q\u{303}")
        #expect(try text("\"👩\u{200D}👩\u{200D}👧\"") == "16-21:👩\u{200D}👩\u{200D}👧")
        #expect(SpanAddressError.textInsideCharacter("👩").description.contains("quote the whole character"))
    }

    @Test("a message repeats at most 60 characters of what was typed (a pasted page in quotes was echoed whole)")
    func longTextEchoIsCut() throws {
        let page = String(repeating: "Wörter 👩\u{200D}👧 ", count: 300)
        for error in [SpanAddressError.textNotFound(page), .malformed(page, hint: "h"), .patternNotFound(page), .occurrenceMissing(page, wanted: 2, found: 1)] {
            let message = error.description
            #expect(message.count < 200, "\(message.prefix(100))")
            #expect(message.contains(String(page.prefix(59)) + "…"))
        }
        #expect(SpanAddressError.textNotFound("kurz").description == "\"kurz\" is not in this sentence (quotes must match exactly, case included)")
    }

    @Test("spans running on into following sentences")
    func following() throws {
        #expect(try text("7-+1:2") == "„jetzt handeln“. Er fügte")
        #expect(try text("\"jetzt\"..+1") == "jetzt handeln“. Er fügte hinzu, dass es eile.")
        let resolved = try SpanAddress.parse("1-+1").resolve(in: Self.document, sentence: 0)
        #expect(resolved.lastSentence == 1)
    }

    @Test("errors say what would work")
    func errors() {
        #expect(throws: SpanAddressError.tokenOutOfRange(20, count: 11, sentenceOffset: 0)) { try text("20") }
        #expect(throws: SpanAddressError.reversedRange(from: 3, to: 2)) { try text("3-2") }
        #expect(throws: SpanAddressError.noFollowingSentence(offset: 5, available: 2)) { try text("1-+5") }
        #expect(throws: SpanAddressError.occurrenceMissing("Rutte", wanted: 2, found: 1)) { try text("\"Rutte\"#2") }
        #expect(throws: SpanAddressError.empty) { try SpanAddress.parse("  ") }
        #expect((try? SpanAddress.parse("4 7")) == nil)
        #expect((try? text("/(/")) == nil)
    }

    @Test("a bare word is its text; text in other case is found when the exact case is nowhere")
    func bareWords() throws {
        #expect(try text("sagte") == "sagte")
        #expect(try text("Rutte,sagte") == "Rutte|sagte")
        #expect(try text("hinzu..+1", sentence: 1) == "hinzu, dass es eile.\nZweiter Absatz hier.")
        #expect(try text("fügte", sentence: 1) == "fügte")
        #expect(try text("\"herr rutte\"") == "Herr Rutte")
        #expect(try SpanAddress.parse("allein").parts == [.text("allein", occurrence: 1)])
        #expect(try SpanAddress.parse("all").parts == [.all])
        #expect(SpanAddress.isBareWord("UN-Botschafter"))
        #expect(SpanAddress.isBareWord("Müller"))
        #expect(!SpanAddress.isBareWord("4-7"))
        #expect(!SpanAddress.isBareWord("\"sagte\""))
    }
}
