@testable import Annotations
import Foundation
import Testing

/// Every command that writes a session takes the one session lock (``LockedSessionFile``): while a
/// REPL holds a session, annotate, review, adjudicate, replay --out and import --session refuse,
/// naming the holder, and leave the file as it was; a symbolic link to a held session is held too.
@Suite("Writers of a session take its lock")
struct SessionWriterLockTests {
    /// A workspace with sessions a1, a2 (inputs) and held (the one a REPL holds), and a JSONL export of a1.
    static func workspace() async throws -> REPLWorkspace {
        let workspace = try REPLWorkspace()
        for name in ["a1", "a2", "held"] {
            let result = try await workspace.run(
                ["annotate", "--session", name, "--annotator", name], commands: ["goto 1:10", "speaker \"Sergiy Kyslytsya\"", "done", "quit"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let export = try await workspace.run(["export", "sessions/a1.json", "--format", "jsonl", "--out", "exported"], commands: [])
        #expect(export.status == 0, "\(export.stderr)")
        return workspace
    }

    /// The writing commands, each aimed at the session `name` (a name inside sessions/).
    static func writers(to name: String) -> [(label: String, arguments: [String], input: [String])] {
        [
            ("annotate", ["annotate", "--session", name, "--annotator", "x"], ["speaker \"Lloyd Austin\"", "quit"]),
            ("review --out", ["review", "sessions/a1.json", "--out", name, "--reviewer", "r"], ["accept", "quit"]),
            ("adjudicate --out", ["adjudicate", "sessions/a1.json", "sessions/a2.json", "--out", "sessions/\(name).json", "--adjudicator", "c"], ["1"]),
            ("replay --out --force", ["replay", "sessions/a1.json", "--to", "1", "--out", name, "--force"], []),
            ("import --session", ["import", "jsonl", "exported/annotations.jsonl", "exported/entities.jsonl", "--corpus", "seeds", "--session", name], []),
        ]
    }

    @Test("While a REPL holds a session, every writing command refuses, names the holder and leaves the file untouched")
    func heldSessionRefusesEveryWriter() async throws {
        let workspace = try await Self.workspace()
        defer { workspace.remove() }
        let path = workspace.folder.appendingPathComponent("sessions/held.json").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let held = try LockedSessionFile(path: path, now: "2026-01-01T08:00:00Z")
        defer { held.release() }
        for writer in Self.writers(to: "held") {
            let result = try await workspace.run(writer.arguments, commands: writer.input)
            #expect(result.status != 0, "\(writer.label): \(result.stdout)")
            #expect(result.stderr.contains("in use by pid \(getpid())"), "\(writer.label): \(result.stderr)")
            #expect(result.stderr.contains("since 2026-01-01T08:00:00Z"), "\(writer.label): \(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(writer.label) changed the held session")
        }
    }

    @Test("A session name that is a symbolic link to a held session is refused too; the link stays a link")
    func symbolicLinkToHeldSession() async throws {
        let workspace = try await Self.workspace()
        defer { workspace.remove() }
        let sessions = workspace.folder.appendingPathComponent("sessions").path
        try FileManager.default.createSymbolicLink(atPath: sessions + "/alias.json", withDestinationPath: "held.json")
        let before = try Data(contentsOf: URL(fileURLWithPath: sessions + "/held.json"))
        let held = try LockedSessionFile(path: sessions + "/held.json", now: "2026-01-01T08:00:00Z")
        defer { held.release() }
        for writer in Self.writers(to: "alias") {
            let result = try await workspace.run(writer.arguments, commands: writer.input)
            #expect(result.status != 0, "\(writer.label): \(result.stdout)")
            #expect(result.stderr.contains("in use by pid \(getpid())"), "\(writer.label): \(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: sessions + "/held.json")) == before, "\(writer.label) changed the held session")
            let link = try FileManager.default.destinationOfSymbolicLink(atPath: sessions + "/alias.json")
            #expect(link == "held.json", "\(writer.label) replaced the link")
        }
    }

    @Test("Writing through a link writes the session it leads to, and the link stays")
    func writesFollowTheLink() async throws {
        let workspace = try await Self.workspace()
        defer { workspace.remove() }
        let sessions = workspace.folder.appendingPathComponent("sessions").path
        try FileManager.default.createSymbolicLink(atPath: sessions + "/alias.json", withDestinationPath: "held.json")
        let result = try await workspace.run(["annotate", "--session", "alias"], commands: ["speaker \"Lloyd Austin\"", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: sessions + "/alias.json") == "held.json")
        let session = try SessionStore.load(path: sessions + "/held.json")
        #expect(session.state.speakers.values.contains { $0.name == "Lloyd Austin" })
        #expect(!FileManager.default.fileExists(atPath: sessions + "/alias.jsonl"))
    }

    @Test("A writer whose output is one of its inputs, named by its log, its snapshot, a link or ./, is refused; the input is unchanged")
    func outputNamingAnInput() async throws {
        let workspace = try await Self.workspace()
        defer { workspace.remove() }
        let sessions = workspace.folder.appendingPathComponent("sessions").path
        try FileManager.default.createSymbolicLink(atPath: sessions + "/alias.json", withDestinationPath: "a1.json")
        let files = [sessions + "/a1.json", sessions + "/a1.jsonl"]
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let writers: [(label: String, arguments: [String], input: [String])] = [
            ("review of the log", ["review", "sessions/a1.jsonl", "--out", "sessions/a1", "--reviewer", "r"], ["reject wrong", "quit"]),
            ("adjudicate of the log", ["adjudicate", "sessions/a1.jsonl", "sessions/a2.json", "--out", "./sessions/a1", "--adjudicator", "c"], ["1"]),
            ("replay --out itself", ["replay", "sessions/a1.json", "--to", "1", "--out", "a1", "--force"], []),
            ("replay of the log --out itself", ["replay", "sessions/a1.jsonl", "--to", "1", "--out", "./sessions/a1.json", "--force"], []),
            ("replay --out a link to itself", ["replay", "sessions/a1.json", "--to", "1", "--out", "alias", "--force"], []),
        ]
        for writer in writers {
            let result = try await workspace.run(writer.arguments, commands: writer.input)
            #expect(result.status == 1, "\(writer.label): \(result.stdout)")
            #expect(result.stderr.contains("never modified"), "\(writer.label): \(result.stderr)")
            #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before, "\(writer.label) changed its input")
        }
    }
}

/// The lock itself: one writer per real file, whatever name leads to it.
@Suite("Locked session files")
struct LockedSessionFileTests {
    @Test("A link, a link to a link and a dangling link to a session to be created all lock the real file")
    func linksLockTheRealFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-lock-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/sessions/real.json"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/sessions/one.json", withDestinationPath: "real.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/sessions/two.json", withDestinationPath: folder + "/sessions/one.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/sessions/later.json", withDestinationPath: "new.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: "sessions")

        let real = try LockedSessionFile(path: folder + "/sessions/real.json", now: "t0")
        #expect(real.realPath == folder + "/sessions/real.json")
        for name in ["sessions/one.json", "sessions/two.json", "linked/real.json", "sessions/./one.json"] {
            #expect(try LockedSessionFile.realPath(of: folder + "/" + name) == real.realPath, "\(name)")
            #expect {
                _ = try LockedSessionFile(path: folder + "/" + name, now: "t1")
            } throws: { error in
                guard case .locked(let path, let holder)? = error as? SessionError else { return false }
                return holder.contains("pid \(getpid())") && holder.contains("since t0") && path.contains(name)
            }
        }
        real.release()
        let later = try LockedSessionFile(path: folder + "/sessions/later.json", now: "t2")
        #expect(later.realPath == folder + "/sessions/new.json")
        #expect(throws: SessionError.self) { _ = try LockedSessionFile(path: folder + "/sessions/new.json", now: "t3") }
        later.release()

        try FileManager.default.createSymbolicLink(atPath: folder + "/sessions/loop.json", withDestinationPath: "loop.json")
        #expect(throws: SessionError.self) { _ = try LockedSessionFile(path: folder + "/sessions/loop.json", now: "t4") }
    }

    @Test("A path without links is kept as given")
    func plainPathKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-lock-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try LockedSessionFile.realPath(of: folder + "/x.json") == folder + "/x.json")
        #expect(try LockedSessionFile.realPath(of: "sessions/x.json") == "sessions/x.json")
    }
}

@Suite("Sessions anywhere on disk")
struct SessionsAnywhereTests {
    @Test("--session takes a path anywhere: the REPL, import and review write there, and the lock follows the real path")
    func pathsAnywhere() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-anywhere-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let anna = elsewhere + "/projects/nk/anna"
        var result = try await workspace.run(
            ["annotate", "--session", anna, "--annotator", "anna"], commands: ["goto 1:10", "speaker \"Sergiy Kyslytsya\"", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: anna + ".json"))
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("sessions/anna.json").path))
        result = try await workspace.run(["annotate", "--session", "nk/ben.json", "--annotator", "ben"], commands: ["quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("nk/ben.json").path))

        result = try await workspace.run(["review", anna + ".json", "--out", elsewhere + "/reviewed", "--reviewer", "r"], commands: ["accept", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/reviewed.json"))

        // A link to the folder leads to the same file: held by one writer, refused to the other.
        try FileManager.default.createSymbolicLink(atPath: elsewhere + "/link", withDestinationPath: elsewhere + "/projects/nk")
        let held = try LockedSessionFile(path: anna + ".json", now: "2026-01-01T08:00:00Z")
        defer { held.release() }
        let before = try Data(contentsOf: URL(fileURLWithPath: anna + ".json"))
        result = try await workspace.run(["annotate", "--session", elsewhere + "/link/anna.json", "--annotator", "x"], commands: ["quit"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("in use by pid \(getpid())"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: anna + ".json")) == before)
    }
}
