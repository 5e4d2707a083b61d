import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Undo and redo after reopening a session must take back and re-do exactly what they would have
/// in the session that never closed: whole commands (by `group`), also commands whose events lie
/// before the snapshot. Random sessions (some commands of several events), saved part-way so the
/// log has a tail after the snapshot, reopened through ``SessionStore``, then the same random run
/// of whole-command undos and redos in both.
///
/// Each run prints its seed; `WORKBENCH_PROPERTY_SEED=N swift test --filter ReopenUndoPropertyTests`
/// replays exactly that run.
@Suite("Reopen, then undo and redo")
struct ReopenUndoPropertyTests {
    static let corpus = TestCorpus.corpus
    static let builder = AnchorBuilder(corpus: corpus)
    static let cases = 40

    /// The seed of this run: `WORKBENCH_PROPERTY_SEED` when set, otherwise a fresh one.
    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["WORKBENCH_PROPERTY_SEED"], let value = UInt64(text) { return value }
        return UInt64.random(in: 0...UInt64.max)
    }()

    /// Takes back (or re-does) the last whole command the way the REPL does: one `undo` (`redo`)
    /// event per change of the command, all in the group of the first. False when there is none.
    static func stepBack(_ undo: Bool, in session: inout Session, time: String) -> Bool {
        let size = undo ? session.state.undoableCommandSize : session.state.redoableCommandSize
        guard size > 0 else { return false }
        var group: Int?
        for _ in 0..<size {
            guard let event = try? session.perform(undo ? .undo : .redo, time: time, group: group) else { return false }
            group = group ?? event.seq
        }
        return true
    }

    /// The same through a store (each event logged).
    static func stepBack(_ undo: Bool, in store: SessionStore, time: String) -> Bool {
        let size = undo ? store.session.state.undoableCommandSize : store.session.state.redoableCommandSize
        guard size > 0 else { return false }
        var group: Int?
        for _ in 0..<size {
            guard let event = try? store.perform(undo ? .undo : .redo, time: time, group: group) else { return false }
            group = group ?? event.seq
        }
        return true
    }

    static func expectSame(_ reopened: AnnotationState, _ kept: AnnotationState, _ what: String) {
        #expect(reopened.hasSameRecords(as: kept), "records differ \(what)")
        #expect(reopened.undoStack == kept.undoStack, "undo history differs \(what)")
        #expect(reopened.redoStack == kept.redoStack, "redo history differs \(what)")
        #expect(reopened.lastSeq == kept.lastSeq, "last event differs \(what)")
    }

    @Test("Reopen → undo → redo gives what the session that never closed gives")
    func reopenUndoRedo() throws {
        print("reopen undo properties: seed \(Self.seed) (replay: WORKBENCH_PROPERTY_SEED=\(Self.seed) swift test --filter ReopenUndoPropertyTests)")
        var generator = PropertySeedGenerator(seed: Self.seed)
        let folder = TestCorpus.temporaryFolder()
        for number in 0..<Self.cases {
            var random = PropertySeedGenerator(seed: generator.next())
            let replay = "(seed \(Self.seed), case \(number))"
            let path = folder + "/case\(number).json"
            var kept = Session(annotator: "prop", corpus: CorpusReference(Self.corpus), created: "2026-11-21T10:00:00.000Z")
            let store = try SessionStore(path: path, now: "n") { kept }
            store.autosaveEvery = 1_000_000
            let steps = random.below(50) + 1
            let saveAt = random.below(steps + 1)
            var group: Int?
            for step in 0..<steps {
                if step == saveAt { try store.save() }
                let time = Timestamp.string(from: Date(timeIntervalSince1970: 1_790_000_000 + Double(step)))
                let action = SessionScript.action(&random, in: kept.state, builder: Self.builder, corpus: Self.corpus)
                // About one edit in three continues the command before it (a command of several events).
                let joins = group != nil && random.below(3) == 0 && !(action.isUndoOrRedo)
                guard let event = try? kept.perform(action, time: time, group: joins ? group : nil) else { continue }
                try store.perform(action, time: time, group: joins ? group : nil)
                group = event.group ?? event.seq
            }
            try store.close()
            let reopened = try SessionStore(path: path, now: "n") { kept }
            Self.expectSame(reopened.session.state, kept.state, "after reopening \(replay)")
            for round in 0..<random.below(12) {
                let undo = random.below(3) != 0
                let time = "2026-11-21T12:00:\(round).000Z"
                let inKept = Self.stepBack(undo, in: &kept, time: time)
                let inReopened = Self.stepBack(undo, in: reopened, time: time)
                #expect(inKept == inReopened, "\(undo ? "undo" : "redo") possible in one and not the other \(replay)")
                Self.expectSame(reopened.session.state, kept.state, "after \(undo ? "undo" : "redo") \(round) \(replay)")
            }
            // Ids are never reused, also after reopening: the next new record gets the same id in both.
            let next = EditAction.add(.speaker(Speaker(id: kept.state.nextID("S"), name: "Jürgen Müller-Lüdenscheidt")))
            #expect(reopened.session.state.nextID("S") == kept.state.nextID("S"), "the next speaker id differs \(replay)")
            if (try? kept.perform(next, time: "2026-11-21T13:00:00.000Z")) != nil {
                try reopened.perform(next, time: "2026-11-21T13:00:00.000Z")
            }
            try reopened.close()
            // And the log of the undos and redos replays to the same state once more.
            let again = try SessionStore(path: path, now: "n") { kept }
            Self.expectSame(again.session.state, kept.state, "after reopening again \(replay)")
            try again.close()
        }
    }
}

extension EditAction {
    /// Whether this is an `undo` or `redo` (they take their group from the command they belong to).
    fileprivate var isUndoOrRedo: Bool {
        switch self {
        case .undo, .redo: return true
        default: return false
        }
    }
}
