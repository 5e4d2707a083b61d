import Foundation
import Testing
@testable import Annotations

@Suite("Session files, journal and lock")
struct SessionStoreTests {
    let corpus = TestCorpus.corpus

    func newSession() -> Session {
        Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
    }

    @Test("Save, reopen, and the log restores unsaved events")
    func roundTrip() throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/anna.json"
        do {
            let store = try SessionStore(path: path, now: "n") { newSession() }
            store.autosaveEvery = 1000
            try store.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "2026-11-21T10:00:01.000Z")
            try store.perform(.add(.target(Target(id: "T1", text: "Truppen in Russland"))), time: "2026-11-21T10:00:02.000Z")
            store.moveCursor(to: SentenceKey(document: "plain", sentence: 1))
            // no save, no close: the log holds the events and the cursor
            let log = try SessionLogContents(SessionCodec.contents(ofFile: SessionPaths(path).log), path: path)
            #expect(log.events.count == 2)
            #expect(log.cursor == SentenceKey(document: "plain", sentence: 1))
        }
        let reopened = try SessionStore(path: path, now: "n") { newSession() }
        #expect(reopened.session.state.speakers["S1"]?.name == "Mark Rutte")
        #expect(reopened.session.cursor == SentenceKey(document: "plain", sentence: 1))
        try reopened.close()
        let loaded = try SessionStore.load(path: path)
        #expect(loaded.events.count == 2)
    }

    @Test("A second writer is refused with the holder named")
    func lockRefusesSecondWriter() throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/anna.json"
        let first = try SessionStore(path: path, now: "2026-11-21T10:00:00.000Z") { newSession() }
        #expect {
            _ = try SessionStore(path: path, now: "n") { newSession() }
        } throws: { error in
            guard let error = error as? SessionError, case .locked(_, let holder) = error else { return false }
            return holder.contains("pid \(getpid())") && holder.contains("since 2026-11-21T10:00:00.000Z")
        }
        try first.close()
        let second = try SessionStore(path: path, now: "n") { newSession() }
        try second.close()
    }

    @Test("Corrupt, empty, foreign and newer files are reported and never overwritten", arguments: [
        ("", "empty"),
        ("{\"format\": \"workbench-session\", \"version\": 1, ", "not valid JSON"),
        ("[1,2]", "not a Workbench session"),
        ("{\"format\": \"brat\"}", "its format is \"brat\""),
        ("{\"format\": \"workbench-session\", \"version\": 99}", "newer Workbench"),
        ("{\"format\": \"workbench-session\", \"version\": 1, \"annotator\": 5}", "$.annotator"),
    ])
    func badFiles(content: String, expected: String) throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/bad.json"
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SessionStore(path: path, now: "n") { newSession() }
        } throws: { error in
            "\(error)".contains(expected) && "\(error)".contains(path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test(
        "Session names that escape through '..', hold control characters, start with a dot or name a folder are refused",
        arguments: ["../x", "a/../../x", "/tmp/../x", "~/../x", ".hidden", "", "sessions/../x", "a\u{7}b", "/tmp/a\nb", "x/.hidden", "/tmp/", "~"])
    func refusedNames(name: String) {
        #expect(throws: SessionError.self) { try SessionPaths.path(for: name, in: "sessions") }
    }

    @Test("Session names with a text-direction or invisible character are refused naming it; emoji with their joiners and umlauts are names")
    func hiddenCharacters() throws {
        // Before: "x\u{202E}nosj.exe" was written as sessions/x‮nosj.exe.json, shown reversed by listings.
        for (name, code) in [("x\u{202E}nosj.exe", "U+202E"), ("an\u{200B}na", "U+200B"), ("\u{2066}anna\u{2069}", "U+2066"), ("an\u{AD}na", "U+00AD"), ("a\u{FEFF}", "U+FEFF")] {
            #expect(throws: SessionError.nameRefused(name: name, reason: "it contains an invisible or text-direction character (\(code)); it would hide the file's real name in listings")) {
                try SessionPaths.path(for: name)
            }
        }
        #expect(try SessionPaths.path(for: "Zoë 👩\u{200D}👩\u{200D}👧") == "sessions/Zoë 👩\u{200D}👩\u{200D}👧.json")
    }

    @Test("Plain names map into the sessions folder")
    func acceptedNames() throws {
        #expect(try SessionPaths.path(for: "anna") == "sessions/anna.json")
        #expect(try SessionPaths.path(for: "anna.json") == "sessions/anna.json")
        #expect(try SessionPaths.path(for: "sessions/bob.json") == "sessions/bob.json")
    }

    @Test("A session named by its log is the session whose log that is, for writers as for readers")
    func namesByTheLog() throws {
        #expect(try SessionPaths.path(for: "anna.jsonl") == "sessions/anna.json")
        #expect(try SessionPaths.path(for: "/tmp/nk/Zoë 👍🏽.jsonl") == "/tmp/nk/Zoë 👍🏽.json")
        #expect(try SessionPaths(SessionPaths.path(for: "sub/anna.jsonl")) == SessionPaths("sub/anna.jsonl"))
        #expect(throws: SessionError.self) { try SessionPaths.path(for: ".jsonl") }
    }

    @Test("Paths anywhere on disk are sessions there; ~ is the home folder")
    func pathsAnywhere() throws {
        #expect(try SessionPaths.path(for: "/tmp/x") == "/tmp/x.json")
        #expect(try SessionPaths.path(for: "projects/nk/anna.json") == "projects/nk/anna.json")
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        #expect(try SessionPaths.path(for: "~/projects/nk/anna.json") == home + "/projects/nk/anna.json")
        #expect(try SessionPaths.path(for: "~/Zoë 👍🏽") == home + "/Zoë 👍🏽.json")
        let folder = TestCorpus.temporaryFolder() + "/x.json"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(throws: SessionError.self) { try SessionPaths.path(for: folder) }
    }
}

@Suite("The folder of a session path")
struct SessionPathsFolderTests {
    @Test("SessionPaths.folder(of:) gives NSString's folder for every path, and the working folder for '.', './' and './/' (where NSString traps)")
    func agreesWithNSString() {
        for path in ["..", "a/.", "./t", "/", "", "/a", "a//b", "a/b/", "x/./", "../.", "a/./.", "../../base", "sessions/anna.json", "/a//x/", "ä/ö.json"] {
            #expect(SessionPaths.folder(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
        for path in [".", "./", ".//"] { #expect(SessionPaths.folder(of: path) == "", "\(path)") }
    }
}
