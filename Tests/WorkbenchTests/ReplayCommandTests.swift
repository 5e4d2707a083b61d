@testable import Annotations
import Foundation
import Testing
@testable import Workbench

@Suite("replay command")
struct ReplayCommandTests {
    @Test("Piped replay prints a deterministic transcript with brackets, undo/redo and pauses")
    func transcript() async throws {
        let fixture = try ReplayFixture()
        let first = try await fixture.run(["replay", fixture.sessionPath], stdin: "")
        let second = try await fixture.run(["replay", fixture.sessionPath], stdin: "")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let out = first.stdout
        #expect(out.contains("#4  2026-11-21T10:00:09.000Z  anna  +4.0s  add claim C1 by S1 via Q1 [indirect] \"Russland habe „keine Truppen“ geschickt\""))
        #expect(out.contains("undo (takes back #5: add cue Q2 \"widersprach\")"))
        #expect(out.contains("redo (re-does #5: add cue Q2 \"widersprach\")"))
        #expect(out.contains("[S1 Vassili Nebenzia] <Q1 versicherte>, {C1 Russland habe „keine Truppen“ geschickt}."))
        #expect(out.contains("+10m00s"))
        #expect(!out.contains("\u{1B}"))
    }

    @Test("Without the corpus the stored anchor text is shown")
    func missingCorpus() async throws {
        let fixture = try ReplayFixture()
        try FileManager.default.removeItem(atPath: fixture.path("corpus"))
        let result = try await fixture.run(["replay", fixture.sessionPath])
        #expect(result.status == 0)
        #expect(result.stdout.contains("corpus text not available"))
        #expect(result.stdout.contains("<Q1 versicherte>"))
        #expect(result.stderr.contains("warning: corpus not loaded"))
    }

    @Test("--verify passes on a good session")
    func verifyGood() async throws {
        let fixture = try ReplayFixture()
        let result = try await fixture.run(["replay", fixture.sessionPath, "--verify"])
        #expect(result.status == 0, "\(result.stderr)")
        // Before: "1 documents".
        #expect(result.stdout.contains("verified: 16 events, 14 annotations, 1 document"), "\(result.stdout)")
        #expect(!result.stdout.contains("1 documents"), "\(result.stdout)")
    }

    @Test("replay counts say one thing in the singular: 1 event, 1 annotation, 1 document")
    func countedNouns() {
        #expect(Counted(1, "document").description == "1 document")
        #expect(Counted(0, "annotation").description == "0 annotations")
        #expect("\(Counted(16, "event"))" == "16 events")
    }

    @Test("--verify fails on a changed offset in the stored annotations and names the annotation")
    func verifyChangedOffset() async throws {
        let fixture = try ReplayFixture()
        try fixture.writeDamaged("sessions/offset.json") { object in
            var annotations = try #require(object["annotations"] as? [[String: Any]])
            let index = try #require(annotations.firstIndex { $0["id"] as? String == "C1" })
            var anchor = try #require(annotations[index]["anchor"] as? [String: Any])
            var segments = try #require(anchor["segments"] as? [[String: Any]])
            segments[0]["start"] = (segments[0]["start"] as? Int ?? 0) + 1
            anchor["segments"] = segments
            annotations[index]["anchor"] = anchor
            object["annotations"] = annotations
        }
        let result = try await fixture.run(["replay", "sessions/offset.json", "--verify"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("C1 (claim) differs"))
    }

    @Test("--verify reports a removed event as a gap")
    func verifyRemovedEvent() async throws {
        let fixture = try ReplayFixture()
        try fixture.writeDamaged("sessions/gap.json") { object in
            var events = try #require(object["events"] as? [Any])
            events.remove(at: 7)
            object["events"] = events
        }
        let result = try await fixture.run(["replay", "sessions/gap.json", "--verify"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("event 8 is missing"))
    }

    @Test("--verify reports reordered events")
    func verifyReordered() async throws {
        let fixture = try ReplayFixture()
        try fixture.writeDamaged("sessions/reordered.json") { object in
            var events = try #require(object["events"] as? [Any])
            events.swapAt(2, 3)
            object["events"] = events
        }
        let result = try await fixture.run(["replay", "sessions/reordered.json", "--verify"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("out of order"))
    }

    @Test("--verify reports an event that cannot apply")
    func verifyBadEvent() async throws {
        let fixture = try ReplayFixture()
        try fixture.writeDamaged("sessions/bad.json") { object in
            var events = try #require(object["events"] as? [[String: Any]])
            var record = try #require(events[1]["record"] as? [String: Any])
            record["speaker"] = "S9"
            events[1]["record"] = record
            object["events"] = events
        }
        let result = try await fixture.run(["replay", "sessions/bad.json", "--verify"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("event 2 cannot be applied"))
        #expect(result.stderr.contains("S9"))
    }

    @Test("--to/--out writes a cut session that verifies and refuses to overwrite without --force")
    func cut() async throws {
        let fixture = try ReplayFixture()
        let result = try await fixture.run(["replay", fixture.sessionPath, "--to", "6", "--out", "cut"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try SessionStore.read(path: fixture.path("sessions/cut.json")).file
        #expect(file.events.count == 6)
        #expect(file.derivedFrom == [fixture.sessionPath])
        #expect(!file.annotations.contains { $0.key == .cue("Q2") })  // the undone cue is not in the state
        let verify = try await fixture.run(["replay", "sessions/cut.json", "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let again = try await fixture.run(["replay", fixture.sessionPath, "--to", "3", "--out", "cut"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("--force"))
        let forced = try await fixture.run(["replay", fixture.sessionPath, "--to", "3", "--out", "cut", "--force"])
        #expect(forced.status == 0)
        let transcript = try await fixture.run(["replay", fixture.sessionPath, "--to", "3"])
        #expect(transcript.stdout.contains("end after event 3"))
        #expect(!transcript.stdout.contains("#4 "))
    }

    @Test("--out onto a session whose snapshot was lost (only NAME.jsonl) is refused without --force (the log was replaced, its events lost)")
    func outOntoALogWithoutSnapshot() async throws {
        let fixture = try ReplayFixture()
        let made = try await fixture.run(["replay", fixture.sessionPath, "--to", "3", "--out", "kept"])
        #expect(made.status == 0, "\(made.stderr)")
        try FileManager.default.removeItem(atPath: fixture.path("sessions/kept.json"))
        let log = try fixture.data("sessions/kept.jsonl")
        let again = try await fixture.run(["replay", fixture.sessionPath, "--to", "6", "--out", "kept"])
        #expect(again.status == 1, "\(again.stdout)")
        #expect(again.stderr.contains("its log sessions/kept.jsonl exists; choose another name or add --force"), "\(again.stderr)")
        #expect(try fixture.data("sessions/kept.jsonl") == log)
        #expect(!FileManager.default.fileExists(atPath: fixture.path("sessions/kept.json")))
        let forced = try await fixture.run(["replay", fixture.sessionPath, "--to", "6", "--out", "kept", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try SessionStore.read(path: fixture.path("sessions/kept.json")).file.events.count == 6)
    }

    @Test("--to 0, -1 and a number past Int are usage errors named as values (-1 was 'Missing value for --to', 0 and -1 were status 1); a number past the log's end is status 1; nothing is written")
    func toOutOfRange() async throws {
        let fixture = try ReplayFixture()
        for arguments in [["--to", "0"], ["--to", "-1"], ["--to", "-1", "--out", "cut", "--force"], ["--to=-5"], ["--to", "0", "--out", "cut"]] {
            let result = try await fixture.run(["replay", fixture.sessionPath] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("--to takes an event's sequence number, 1 or more (a log's events are numbered from 1), not -")
                || result.stderr.contains("--to takes an event's sequence number, 1 or more (a log's events are numbered from 1), not 0"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Missing value"))
            #expect(result.stdout.isEmpty)
        }
        for arguments in [["--to", "999"], ["--to", "999", "--out", "cut"]] {
            let past = try await fixture.run(["replay", fixture.sessionPath] + arguments)
            #expect(past.status == 1, "\(arguments): \(past.stderr)")
            #expect(past.stderr.contains("there is no event 999; the log has events 1–"), "\(arguments): \(past.stderr)")
        }
        let huge = try await fixture.run(["replay", fixture.sessionPath, "--to", "99999999999999999999"])
        #expect(huge.status == 2)
        #expect(huge.stderr.contains("The value '99999999999999999999' is invalid for '--to <to>'"), "\(huge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("sessions/cut.json")))
    }

    @Test("Text from the session is sanitised: escape sequences show as placeholders")
    func sanitised() async throws {
        let fixture = try ReplayFixture()
        try fixture.writeDamaged("sessions/evil.json") { object in
            var events = try #require(object["events"] as? [[String: Any]])
            var record = try #require(events[0]["record"] as? [String: Any])
            record["name"] = "Evil\u{1B}[31mName\u{9B}"
            events[0]["record"] = record
            object["events"] = events
        }
        let result = try await fixture.run(["replay", "sessions/evil.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Evil␛[31mName<U+009B>"))
        #expect(!result.stdout.contains("\u{1B}"))
        let stats = try await fixture.run(["stats", "sessions/evil.json"])
        #expect(!stats.stdout.contains("\u{1B}"))
    }
}
