import Foundation
@testable import Annotations
import TestSupport

/// Sessions made of random edits, for property tests of the format.
enum RandomSessions {
    /// A session made of `codes` (see `EventLogPropertyTests.action(for:in:)`).
    static func session(_ codes: [Int]) -> Session {
        var session = Session(annotator: "prop", corpus: CorpusReference(EventLogPropertyTests.corpus), created: "2026-11-21T10:00:00.000Z")
        for (step, code) in codes.enumerated() {
            let action = EventLogPropertyTests.action(for: code, in: session.state)
            _ = try? session.perform(action, time: Timestamp.string(from: Date(timeIntervalSince1970: 1_790_000_000 + Double(step))))
        }
        return session
    }

    /// A format-1 document with every kind of record and event.
    static let written: [UInt8] = {
        var made = session((1...400).map { $0 * 7919 % 100_000 })
        let time = "2026-11-21T11:00:00.000Z"
        _ = try? made.perform(.add(.mention(Mention(
            id: made.state.nextID("M"), anchor: made.state.mentions.values.first!.anchor, speaker: made.state.speakers.keys.first!,
            role: "Sprecher \u{201E}Nord\u{201C} \\ \"zitiert\" \u{1F600} e\u{301}"))), time: time)
        return [UInt8]((try? SessionCodec.encode(made.formatOneFile)) ?? Data())
    }()
}
