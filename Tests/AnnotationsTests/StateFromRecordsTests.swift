import Foundation
import Testing
@testable import Annotations

/// A state built from stored records (what opening from a snapshot does) must be the state that
/// replaying the log gives, records, last event and next ids alike, and must go on the same way.
@Suite("A state built from records")
struct StateFromRecordsTests {
    @Test("Records, last event and next ids equal the replayed state's, on random sessions; later edits agree")
    func equalsReplay() throws {
        for seed in 1...30 {
            let codes = (0..<(seed * 7 % 90 + 5)).map { ($0 + 1) * (7_919 * seed) % 100_000 }
            let session = RandomSessions.session(codes)
            let replayed = session.state
            var built = AnnotationState(
                schema: replayed.schema, records: replayed.allRecords, lastSeq: replayed.lastSeq, nextNumbers: replayed.nextNumbers)
            #expect(built.hasSameRecords(as: replayed), "seed \(seed)")
            #expect(built.lastSeq == replayed.lastSeq)
            for letter in "SMQCTPNR" { #expect(built.nextID(letter) == replayed.nextID(letter), "seed \(seed), \(letter)") }
            // The same edits apply to both the same way (undo aside: the built state has no history).
            var kept = replayed
            for (step, code) in codes.prefix(20).enumerated() {
                let action = EventLogPropertyTests.action(for: code &+ 17, in: kept)
                if case .undo = action { continue }
                if case .redo = action { continue }
                let event = Event(seq: kept.lastSeq + 1, time: "t\(step)", annotator: "prop", action: action)
                let inKept = Result { () throws(AnnotationError) in try kept.apply(event) }
                let inBuilt = Result { () throws(AnnotationError) in try built.apply(event) }
                #expect((try? inKept.get()) != nil ? (try? inBuilt.get()) != nil : (try? inBuilt.get()) == nil, "seed \(seed) step \(step)")
            }
            #expect(built.hasSameRecords(as: kept), "seed \(seed)")
        }
    }

    @Test("A deleted speaker's number is not given again: the next ids come from the counters, not the records")
    func deletedIDsStayUsed() throws {
        var state = AnnotationState()
        try state.apply(Event(seq: 1, time: "t", annotator: "a", action: .add(.speaker(Speaker(id: "S1", name: "Jürgen Müller")))))
        try state.apply(Event(seq: 2, time: "t", annotator: "a", action: .add(.speaker(Speaker(id: "S7", name: "Zoë „Ö“ 😀")))))
        try state.apply(Event(seq: 3, time: "t", annotator: "a", action: .delete("S7")))
        let fromRecords = AnnotationState(schema: state.schema, records: state.allRecords, lastSeq: 3, nextNumbers: [:])
        #expect(fromRecords.nextID("S") == "S2")
        let withCounters = AnnotationState(schema: state.schema, records: state.allRecords, lastSeq: 3, nextNumbers: state.nextNumbers)
        #expect(withCounters.nextID("S") == "S8")
        #expect(state.nextNumbers == ["S": 8])
    }
}
