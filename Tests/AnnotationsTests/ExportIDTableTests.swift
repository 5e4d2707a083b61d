import TestSupport
import Testing
@testable import Annotations

/// ``ExportIDTable`` must answer exactly as a `[String: Value]` would, whatever the ids look like,
/// and the bundle's look-ups built on it must find spans whose ids are not the workbench's own.
@Suite("Export id table")
struct ExportIDTableTests {
    /// Ids of every shape: canonical, leading zeros, lower case, non-ASCII, too long, empty.
    static let shapes = [
        "M1", "M10", "M01", "M0", "M", "m1", "1", "", "Q7", "C12345678", "C123456789", "Z16777216", "Z16777217", "S99999999",
        "Ä1", "M1 ", " M1", "„M1“", "M1\u{301}", "👩‍🔬", "e\u{301}", "\u{212A}1", "K1", "AB1", "A-1", "A1a",
    ]

    @Test("Random sets, overwrites and removals give the answers of a dictionary, for ids of every shape")
    func behavesLikeADictionary() {
        var random = SplitMix64(seed: 18)
        var table = ExportIDTable<Int>()
        var reference: [String: Int] = [:]
        for step in 0..<20_000 {
            let id: String
            switch Int.random(in: 0..<4, using: &random) {
            case 0: id = Self.shapes.randomElement(using: &random)!
            case 1: id = "\(["M", "Q", "C", "S", "P", "N"].randomElement(using: &random)!)\(Int.random(in: 1...3000, using: &random))"
            case 2: id = "M\(Int.random(in: 0...40, using: &random) == 0 ? "0" : "")\(Int.random(in: 0...50, using: &random))"
            default: id = "\(Character(Unicode.Scalar(UInt8.random(in: 0x40...0x5B, using: &random))))\(Int.random(in: 0...99, using: &random))"
            }
            let value: Int? = Int.random(in: 0..<5, using: &random) == 0 ? nil : step
            table[id] = value
            reference[id] = value
        }
        for id in Set(reference.keys).union(Self.shapes) {
            #expect(table[id] == reference[id], "\(id)")
            #expect(table.contains(id) == (reference[id] != nil), "\(id)")
        }
        for number in 0...3001 {
            for letter in ["M", "Q", "C", "S"] { #expect(table["\(letter)\(number)"] == reference["\(letter)\(number)"]) }
        }
    }

    @Test("Only an upper-case letter and a number without leading zeros take a slot")
    func canonicalSlots() {
        let m1 = ExportIDTable<Int>.slot("M1"), large = ExportIDTable<Int>.slot("A16777216")
        #expect(m1?.letter == 12 && m1?.number == 1)
        #expect(large?.letter == 0 && large?.number == 1 << 24)
        for id in ["M01", "M0", "M", "m1", "1", "", "Ä1", "M1\u{301}", "AB1", "A1a", "A16777217", "C123456789"] {
            #expect(ExportIDTable<Int>.slot(id) == nil, "\(id)")
        }
        // A Kelvin sign is canonically a K: as for a dictionary, the two spellings are one id.
        let kelvin = ExportIDTable<Int>.slot("\u{212A}1")
        #expect(kelvin?.letter == 10 && kelvin?.number == 1)
        var table = ExportIDTable<Int>()
        var reference: [String: Int] = [:]
        table["\u{212A}1"] = 5
        reference["\u{212A}1"] = 5
        #expect(table["K1"] == reference["K1"] && table["K1"] == 5)
    }

    @Test("The bundle finds spans and speakers with ids of any shape, and links between them survive")
    func bundleLooksUpEveryShape() throws {
        let corpus = ExportFixture.corpus
        let b = AnchorBuilder(corpus: corpus)
        var s = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        func run(_ action: EditAction) throws { try s.perform(action, time: "2026-11-21T10:00:01.000Z") }
        try run(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))))
        try run(.add(.speaker(Speaker(id: "S01", name: "Anna Müller"))))
        try run(.add(.mention(Mention(id: "M1", anchor: try ExportFixture.anchor(["NATO-Generalsekretär Mark Rutte"], builder: b), speaker: "S1"))))
        try run(.add(.mention(Mention(id: "M01", anchor: try ExportFixture.anchor(["Er"], builder: b), speaker: "S01"))))
        try run(.add(.cue(Cue(id: "Q01", anchor: try ExportFixture.anchor(["fügte", "hinzu"], builder: b)))))
        try run(.add(.claim(Claim(
            id: "C01", anchor: try ExportFixture.anchor(["dass Nordkorea Truppen schickt"], builder: b), speaker: "S01", mention: "M01",
            cue: "Q01", form: "indirect"))))
        try run(.add(.claim(Claim(
            id: "C1", anchor: try ExportFixture.anchor(["Wir müssen handeln."], builder: b), speaker: "S1", mention: "M1", form: "direct"))))
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: s.state)])
        for id in ["M1", "M01", "Q01", "C01", "C1"] {
            #expect(bundle.span(session: 0, id: id)?.id == id)
        }
        #expect(bundle.span(session: 0, id: "Q1") == nil && bundle.span(session: 0, id: "C001") == nil)
        #expect(bundle.speaker(session: 0, id: "S01")?.name == "Anna Müller" && bundle.speaker(session: 0, id: "S1")?.name == "Mark Rutte")
        #expect(bundle.speaker(session: 0, id: "S001") == nil)
        let claim = try #require(bundle.span(session: 0, id: "C01"))
        #expect(claim.mentions == ["M01"] && claim.mention == "M01" && claim.cue == "Q01")
        let files = BratExporter().export(bundle)
        let ann = try #require(files.first { $0.path == "anna/tricky.ann" })
        let text = String(decoding: ann.bytes, as: UTF8.self)
        #expect(text.contains("HasSpeaker Arg1:") && text.contains("HasCue Arg1:"))
        #expect(text.contains("Workbench:S01\tAnna Müller") && text.contains("Workbench:S1\tMark Rutte"))
    }
}
