import Foundation
import Testing

/// libpq is loaded when a team server is first named, never at start: one-person use does not map
/// it (nor the libraries it brings), and without it team mode says what to install.
@Suite("PostgresClientLibrary")
struct PostgresClientLibraryTests {
    #if os(Linux)
        /// The C library's loader lists every library it maps with `LD_DEBUG=libs`.
        @Test func theOnePersonREPLDoesNotLoadLibpq() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-libpq-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let session = folder.appendingPathComponent("anna.json").path
            let corpus = WorkbenchProcess.packageRoot.appendingPathComponent("seeds").path
            let repl = try await WorkbenchProcess.run(
                ["annotate", corpus, "--session", session], stdin: "quit\n", environment: ["LD_DEBUG": "libs"])
            #expect(repl.status == 0, "\(repl.stderr.suffix(2000))")
            #expect(repl.stderr.contains("calling init:"), "the loader's list is there to read")
            #expect(!repl.stderr.contains("libpq"), "\(repl.stderr.split(separator: "\n").filter { $0.contains("libpq") }.prefix(3))")

            let team = try await WorkbenchProcess.run(
                ["team", "status", "--team", "postgresql://anna@127.0.0.1:1/none?connect_timeout=2"], environment: ["LD_DEBUG": "libs"])
            #expect(team.stderr.contains("libpq"), "naming a team server loads libpq")
        }
    #endif

    @Test func withoutLibpqTeamModeSaysWhatToInstall() async throws {
        let result = try await WorkbenchProcess.run(
            ["team", "status", "--team", "postgresql://anna@/project"], environment: ["WORKBENCH_LIBPQ": "/nonexistent/libpq.so.5"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("team mode cannot start: WORKBENCH_LIBPQ names a library that does not load"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)

        let fromEnvironment = try await WorkbenchProcess.run(
            ["team", "status"], environment: ["WORKBENCH_LIBPQ": "/nonexistent/libpq.so.5", "WORKBENCH_TEAM": "postgresql://anna@/project"])
        #expect(fromEnvironment.status == 1, "\(fromEnvironment.stderr)")
        #expect(fromEnvironment.stderr.contains("team mode cannot start"), "\(fromEnvironment.stderr)")
    }

    #if os(Linux)
        @Test func aLibraryWithoutLibpqsFunctionsIsRefusedByName() async throws {
            let result = try await WorkbenchProcess.run(
                ["annotate", "--team", "postgresql://anna@/project"], environment: ["WORKBENCH_LIBPQ": "libc.so.6"])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("too old (it has no PQbackendPID; version 14 or newer is needed)"), "\(result.stderr)")
        }
    #endif
}
