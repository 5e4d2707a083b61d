import Foundation
import Testing
@testable import Annotations

@Suite("Annotation state: apply, undo, redo, cascades")
struct AnnotationStateTests {
    let corpus = TestCorpus.corpus
    var builder: AnchorBuilder { AnchorBuilder(corpus: corpus) }

    func anchor(_ text: String, document: String = "tricky", sentence: Int = 0) throws -> TextAnchor {
        try builder.anchor(document: document, sentence: sentence, segments: [TestCorpus.segment(text, in: document, sentence: sentence)])
    }

    func session() -> Session {
        Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
    }

    @Test("Adding speaker, mention, cue and claim; offsets are Unicode scalars")
    func addAll() throws {
        var s = session()
        try s.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "t")
        let mention = try anchor("NATO-Generalsekretär Mark Rutte")
        #expect(mention.start == 3 && mention.end == 34)
        try s.perform(.add(.mention(Mention(id: "M1", anchor: mention, speaker: "S1", role: "NATO-Generalsekretär"))), time: "t")
        try s.perform(.add(.cue(Cue(id: "Q1", anchor: try anchor("sagte")))), time: "t")
        try s.perform(.add(.claim(Claim(id: "C1", anchor: try anchor("Wir müssen handeln."), speaker: "S1", mention: "M1", cue: "Q1", form: "direct"))), time: "t")
        #expect(s.state.claims["C1"]?.anchor.text == "Wir müssen handeln.")
        #expect(s.state.nextID("C") == "C2")
        #expect(s.events.map(\.seq) == [1, 2, 3, 4])
    }

    @Test("Rejected edits say why and change nothing")
    func rejections() throws {
        var s = session()
        /// Runs a rejected edit and checks that neither the state nor the log changed.
        func expectUnchanged(_ attempt: (inout Session) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
            let state = s.state, events = s.events
            _ = try? attempt(&s)
            #expect(s.state == state, sourceLocation: sourceLocation)
            #expect(s.events == events, sourceLocation: sourceLocation)
        }
        #expect(throws: AnnotationError.unknownReference(kind: "speaker", id: "S9", from: "M1")) {
            try s.perform(.add(.mention(Mention(id: "M1", anchor: try anchor("Mark Rutte"), speaker: "S9"))), time: "t")
        }
        expectUnchanged { try $0.perform(.add(.mention(Mention(id: "M1", anchor: try anchor("Mark Rutte"), speaker: "S9"))), time: "t") }
        try s.perform(.add(.speaker(Speaker(id: "S1", name: "Rutte"))), time: "t")
        try s.perform(.add(.target(Target(id: "T1", text: "Nordkoreanische Truppen sind in Russland"))), time: "t")
        #expect(throws: AnnotationError.self) {
            try s.perform(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "maybe"))), time: "t")
        }
        expectUnchanged { try $0.perform(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "maybe"))), time: "t") }
        try s.perform(.delete("S1"), time: "t")
        #expect(throws: AnnotationError.unknownID("S1")) { try s.perform(.delete("S1"), time: "t") }
        expectUnchanged { try $0.perform(.delete("S1"), time: "t") }
        #expect(throws: AnnotationError.nothingToRedo) { try s.perform(.redo, time: "t") }
        expectUnchanged { try $0.perform(.redo, time: "t") }
        #expect(s.events.count == 3)
    }

    @Test("A blank name, text or note is refused exactly when trimming whitespace would leave it empty",
          arguments: ["", " ", "\t", "\u{00A0}", "\u{2003} \t\u{3000}", "\n", "\u{200B}", "a", " Rutte ", "\u{00A0}x"])
    func blankTexts(text: String) throws {
        var s = session()
        let blank = text.trimmingCharacters(in: .whitespaces).isEmpty
        #expect((try? s.perform(.add(.speaker(Speaker(id: "S1", name: text))), time: "t")) == nil ? blank : !blank)
        #expect((try? s.perform(.add(.target(Target(id: "T1", text: text))), time: "t")) == nil ? blank : !blank)
        if blank {
            #expect(throws: AnnotationError.emptyText("a speaker's name")) {
                try s.perform(.add(.speaker(Speaker(id: "S9", name: text))), time: "t")
            }
        }
    }

    @Test("Undo and redo are events and restore exactly, including cascades")
    func undoRedoCascade() throws {
        var s = session()
        try s.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "t")
        try s.perform(.add(.mention(Mention(id: "M1", anchor: try anchor("Mark Rutte"), speaker: "S1"))), time: "t")
        try s.perform(.add(.claim(Claim(id: "C1", anchor: try anchor("Wir müssen handeln."), speaker: "S1", mention: "M1"))), time: "t")
        try s.perform(.add(.target(Target(id: "T1", text: "Handeln ist nötig"))), time: "t")
        try s.perform(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor", evidence: ["C1"]))), time: "t")
        let full = s.state
        try s.perform(.delete("S1"), time: "t")
        #expect(s.state.speakers.isEmpty && s.state.mentions.isEmpty && s.state.stances.isEmpty)
        #expect(s.state.claims["C1"]?.speaker == nil && s.state.claims["C1"]?.mention == nil)
        try s.perform(.undo, time: "t")
        #expect(s.state.hasSameRecords(as: full))
        try s.perform(.redo, time: "t")
        #expect(s.state.speakers.isEmpty)
        try s.perform(.undo, time: "t")
        try s.perform(.undo, time: "t")
        #expect(s.state.stances.isEmpty)
        #expect(s.events.last?.action == .undo)
        let replayed = try AnnotationState.replaying(s.events, schema: .standard)
        #expect(replayed.hasSameRecords(as: s.state))
    }

    @Test("One stance per speaker and target, also across delete, undo and relabelling")
    func oneStancePerPair() throws {
        var s = session()
        try s.perform(.add(.speaker(Speaker(id: "S1", name: "Rutte"))), time: "t")
        try s.perform(.add(.target(Target(id: "T1", text: "Truppen in Russland"))), time: "t")
        try s.perform(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor"))), time: "t")
        #expect(throws: AnnotationError.duplicateStance(speaker: "S1", target: "T1", existing: "P1")) {
            try s.perform(.add(.stance(Stance(id: "P2", speaker: "S1", target: "T1", label: "against"))), time: "t")
        }
        try s.perform(.replace(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "none"))), time: "t")
        try s.perform(.delete("P1"), time: "t")
        try s.perform(.add(.stance(Stance(id: "P2", speaker: "S1", target: "T1", label: "against"))), time: "t")
        try s.perform(.undo, time: "t")
        try s.perform(.undo, time: "t")
        #expect(s.state.stances["P1"]?.label == "none")
        #expect(throws: AnnotationError.self) {
            try s.perform(.add(.stance(Stance(id: "P3", speaker: "S1", target: "T1", label: "favor"))), time: "t")
        }
        let replayed = try AnnotationState.replaying(s.events, schema: .standard)
        #expect(replayed == s.state)
    }
}

@Suite("Id order")
struct IDOrderTests {
    /// The order as it was defined before the fast path: prefix before the digits, then the number, then the text.
    static func reference(_ lhs: String, _ rhs: String) -> Bool {
        let lp = lhs.prefix { !$0.isNumber }, rp = rhs.prefix { !$0.isNumber }
        if lp != rp { return lp < rp }
        let ln = Int(lhs.dropFirst(lp.count)) ?? 0, rn = Int(rhs.dropFirst(rp.count)) ?? 0
        return ln != rn ? ln < rn : lhs < rhs
    }

    @Test("The fast path orders ids as the full definition does")
    func sameOrder() {
        let ids = ["M1", "M2", "M10", "M010", "Q1", "C9", "C10", "S123456789012345678", "M", "m1", "MM1", "Ä1", "1", "", "M1a", "T7", "P3", "N0"]
        for lhs in ids {
            for rhs in ids {
                #expect(AnnotationState.idOrder(lhs, rhs) == Self.reference(lhs, rhs), "\(lhs) < \(rhs)")
            }
        }
    }
}
