import Foundation
import Testing
import TestSupport
@testable import Annotations

/// The log replaced or removed by another program while a session is open (a sync tool, `git
/// checkout`, a restored backup): the next edit is refused naming what happened, instead of being
/// appended to the old file that nothing can find any more and lost on the next opening.
@Suite("A log replaced or removed while its session is open")
struct ReplacedLogTests: SpeakerWritingStore {
    @Test("an edit after the log was replaced is refused; the edits before survive through the snapshot")
    func replacedLog() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let log = SessionPaths(path).log
        do {
            let store = try openStore(path)
            try store.perform(speaker(1), time: "t1")
            // Another program puts an older copy in place (written beside, renamed over).
            let copy = try #require(FileManager.default.contents(atPath: log))
            try store.perform(speaker(2), time: "t2")
            try copy.write(to: URL(fileURLWithPath: log + ".new"))
            #expect(rename(log + ".new", log) == 0)
            #expect {
                try store.perform(speaker(3), time: "t3")
            } throws: { error in
                "\(error)".contains("the log was replaced by another program while this session was open")
                    && "\(error)".contains("the edit was not recorded")
            }
            #expect(store.session.state.speakers["S3"] == nil)
            #expect(FileManager.default.contents(atPath: log) == copy, "the replacement is left as it is")
            try store.save()
            try store.close()
        }
        // The snapshot holds S1 and S2; the opening keeps it beside the log that lacks S2.
        let reopened = try openStore(path)
        #expect(reopened.openingWarnings.contains { $0.contains("the log lost events the snapshot holds") })
        let kept = try String(contentsOfFile: path + ".damaged", encoding: .utf8)
        #expect(kept.contains("Sprecher 2"))
    }

    @Test("an edit after the log was removed is refused naming it")
    func removedLog() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let store = try openStore(path)
        try store.perform(speaker(1), time: "t1")
        #expect(unlink(SessionPaths(path).log) == 0)
        #expect {
            try store.perform(speaker(2), time: "t2")
        } throws: { error in
            "\(error)".contains("the log was removed or moved away by another program")
        }
        try store.close()
    }

    @Test("an edit after the session's folder was moved away is refused naming the folder, not a snapshot that cannot be written")
    func movedFolder() throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/sessions/a.json"
        #expect(mkdir(folder + "/sessions", 0o755) == 0)
        let store = try openStore(path)
        try store.perform(speaker(1), time: "t1")
        #expect(rename(folder + "/sessions", folder + "/moved") == 0)
        #expect {
            try store.perform(speaker(2), time: "t2")
        } throws: { error in
            "\(error)".contains("the session's folder was removed or moved away by another program")
                && "\(error)".contains("the edits acknowledged so far are in the log, wherever the folder went")
                && !"\(error)".contains("the snapshot written then keeps")
        }
        try? store.close()
        let moved = try String(contentsOfFile: folder + "/moved/a.jsonl", encoding: .utf8)
        #expect(moved.contains("Sprecher 1"), "the acknowledged edit is in the moved log")
    }

    @Test("edits on a log left in place go on as before")
    func logInPlace() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let store = try openStore(path)
        for number in 1...3 { try store.perform(speaker(number), time: "t\(number)") }
        #expect(store.session.state.speakers.count == 3)
        try store.close()
    }
}
