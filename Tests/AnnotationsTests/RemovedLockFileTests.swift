import Foundation
import Testing
import TestSupport
@testable import Annotations

/// The session's lock file (`NAME.json.lock`) removed while its writer runs (taken for a stale
/// file): a second writer is still refused, by the lock on the log itself, instead of appending to
/// the same log and leaving events that no longer replay.
@Suite("A session's lock file removed while it is open")
struct RemovedLockFileTests: SpeakerWritingStore {
    @Test("a second writer after the lock file was removed is refused; the first goes on; the log replays")
    func secondWriterRefused() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let first = try openStore(path)
        try first.perform(speaker(1), time: "t1")
        #expect(unlink(path + ".lock") == 0)
        #expect {
            _ = try openStore(path)
        } throws: { error in
            "\(error)".contains("a.jsonl: in use by another workbench that has this log open for writing")
        }
        try first.perform(speaker(2), time: "t2")
        try first.close()
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S2"])
        try reopened.close()
    }

    @Test("a session closed by its writer opens again in the same process")
    func reopenAfterClose() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        for number in 1...3 {
            let store = try openStore(path)
            try store.perform(speaker(number), time: "t\(number)")
            try store.close()
        }
        let store = try openStore(path)
        #expect(store.session.state.speakers.count == 3)
        try store.close()
    }
}
