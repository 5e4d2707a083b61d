import Annotations
import Foundation
import Testing

/// A temporary working folder with a copy of `seeds/` and an empty `sessions/`, for running
/// `workbench annotate` end to end.
struct REPLWorkspace {
    /// The folder.
    let folder: URL
    /// The fixed clock start used by the tests.
    static let clock = "2026-01-01T09:00:00Z"

    /// Creates the folder and copies the seeds.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: WorkbenchProcess.packageRoot.appendingPathComponent("seeds"), to: folder.appendingPathComponent("seeds"))
    }

    /// Runs `workbench` with commands on standard input, a fake clock and no colour.
    func run(_ arguments: [String], commands: [String], environment: [String: String] = [:]) async throws -> WorkbenchProcess.Result {
        var env = ["WORKBENCH_FAKE_CLOCK": Self.clock, "USER": "tester"]
        for (key, value) in environment { env[key] = value }
        return try await WorkbenchProcess.run(
            arguments, stdin: commands.map { $0 + "\n" }.joined(), directory: folder, environment: env)
    }

    /// Runs `workbench` as ``run(_:commands:environment:)`` does, to make what a test starts from, and
    /// throws ``SetUpFailure`` (with the program's status and output) unless it succeeded: a set-up that
    /// failed (a refused command, a held lock, a child that did not finish) fails the test there, not
    /// later with a screen or file that lacks what it should have made.
    @discardableResult
    func prepare(_ arguments: [String], commands: [String], environment: [String: String] = [:]) async throws
        -> WorkbenchProcess.Result
    {
        let result = try await run(arguments, commands: commands, environment: environment)
        guard result.status == 0 else {
            throw SetUpFailure(
                description: "set-up `workbench \(arguments.joined(separator: " "))` ended with status \(result.status)\n"
                    + "standard error:\n\(result.stderr)\nlast lines of standard output:\n"
                    + result.stdout.split(separator: "\n").suffix(20).joined(separator: "\n"))
        }
        return result
    }

    /// A set-up run that did not succeed.
    struct SetUpFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The saved session as a JSON object.
    func session(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("sessions/\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The events of a session's log (`sessions/NAME.jsonl`), as JSON objects.
    func events(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: folder.appendingPathComponent("sessions/\(name).jsonl"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["event"] as? [String: Any]
        }
    }

    /// The annotations of a saved session, by id.
    func annotations(_ name: String) throws -> [String: [String: Any]] {
        let list = try session(name)["annotations"] as? [[String: Any]] ?? []
        var result: [String: [String: Any]] = [:]
        for item in list { if let id = item["id"] as? String { result[id] = item } }
        return result
    }

    /// Applies one edit to the saved session `sessions/NAME.json` through the library, past the
    /// REPL's checks: for a state an older version, a hand edit or another tool may leave.
    func applyThroughTheLibrary(_ name: String, _ edit: (AnnotationState) throws -> EditAction) throws {
        let path = folder.appendingPathComponent("sessions/\(name).json").path
        let store = try SessionStore(path: path, now: "n") { () throws(SessionError) -> Session in throw .missing(path) }
        do {
            _ = try store.perform(try edit(store.session.state), time: "2026-01-01T09:00:00.000Z")
        } catch {
            try? store.close()
            throw error
        }
        try store.close()
    }

    /// Makes `sessions/NAME.json` with C1 by S1, S2 ("Vereinigten Staaten", "Südkorea") citing M1,
    /// then moves M1 to S3 ("Nordkorea") through the library: a claim citing a mention of a speaker
    /// it does not list, which the REPL never leaves but an older version or a hand edit may.
    func makeClaimCitingAnotherSpeakersMention(_ name: String) async throws {
        let made = try await run(["annotate", "--session", name], commands: [
            "g 1:1", "sp Vereinigten Staaten", "sp Südkorea", "sp Nordkorea", "cl seine Truppen nach Russland abzuziehen by M1,M2", "quit",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        try applyThroughTheLibrary(name) { state in
            var mention = try #require(state.mentions["M1"])
            mention.speaker = "S3"
            return .replace(.mention(mention))
        }
    }

    /// The stances of a saved session, by id.
    func stances(_ name: String) throws -> [String: [String: Any]] {
        let list = try session(name)["stances"] as? [[String: Any]] ?? []
        return Dictionary(list.compactMap { item in (item["id"] as? String).map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The text of a seed document, normalised the way the loader does (the seeds are NFC with LF already).
    func documentText(_ id: String) throws -> [Unicode.Scalar] {
        Array(try String(contentsOf: folder.appendingPathComponent("seeds/\(id).txt"), encoding: .utf8).unicodeScalars)
    }

    /// Removes the folder.
    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The REPL as `anna` in a real terminal (tmux) in this workspace; `[exit N]` is printed when it ends.
    /// Runs `body` with a fresh workspace and the REPL started in a terminal of `width`×`height`
    /// (``terminalREPL(environment:width:height:)``); the terminal and the folder are removed after it.
    static func withTerminalREPL(
        environment: [String: String] = [:], width: Int, height: Int,
        _ body: (REPLWorkspace, TmuxSession) async throws -> Void
    ) async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let session = try await workspace.terminalREPL(environment: environment, width: width, height: height)
        defer { session.kill() }
        try await body(workspace, session)
    }

    func terminalREPL(environment: [String: String] = [:], width: Int, height: Int) async throws -> TmuxSession {
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        var env = ["USER": "anna"]
        for (key, value) in environment { env[key] = value }
        return try await TmuxSession(
            command: "\(binary) annotate --annotator anna; echo \"[exit $?]\"", environment: env, width: width, height: height, directory: folder)
    }
}
