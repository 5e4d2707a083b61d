import Foundation
import Testing
import TestSupport

@testable import Workbench

/// Usage errors (exit status 2, the command's own usage on standard error, nothing on standard
/// output) and rejected input in piped runs (exit status 1, a line on standard error).
@Suite("Usage errors and rejected input")
struct UsageErrorTests {
    /// `team status --watch --updates 0` watched on (0 and -1 were taken as counts); refused
    /// before connecting, as `replay --to 0` is (``ReplayCommandTests/toOutOfRange()``).
    @Test("a count no run can use (--updates 0 or -1) is a usage error, before connecting")
    func countBelowOne() async throws {
        for value in ["0", "-1"] {
            let result = try await WorkbenchProcess.run(
                ["team", "status", "--watch", "--updates=\(value)", "--team", "postgresql://anna@127.0.0.1:1/none?connect_timeout=2"])
            #expect(result.status == 2, "\(value): \(result.stderr)")
            #expect(result.stderr.contains("--updates counts the updates to show before stopping: give 1 or more, not \(value)"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("a missing session argument is a usage error that shows the command's own usage")
    func missingSessionShowsTheCommandsUsage() async throws {
        for (arguments, usage) in [
            (["stats"], "Usage: workbench stats"),
            (["diff", "sessions/example.json"], "Usage: workbench diff"),
            (["review"], "Usage: workbench review"),
            (["replay"], "Usage: workbench replay"),
            (["export", "--format", "csv", "--out", TestScratch.path("export-none-")], "Usage: workbench export"),
        ] {
            let result = try await WorkbenchProcess.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains(usage), "\(arguments): \(result.stderr)")
        }
    }

    /// The parser suggested the closest of the command's own options only, never `--help`, `--version`
    /// or `--generate-completion-script`, which it adds itself: `workbench --versio` got "Did you mean
    /// '--session'?". A mistyped command word named every command within two edits, in the commands'
    /// order (`iport`: "did you mean 'export' or 'import'?"); now the nearest, as for options.
    @Test("a mistyped option or command word is answered with the nearest real one")
    func nearestSuggestion() async throws {
        for (arguments, expected) in [
            (["--versio"], "Did you mean '--version'?"),
            (["--verison"], "Did you mean '--version'?"),
            (["stats", "sessions/example.json", "--versio"], "Did you mean '--version'?"),
            (["--hepl"], "Did you mean '--help'?"),
            (["--generate-completion-scrpit", "bash"], "Did you mean '--generate-completion-script'?"),
            (["--sesion", "anna"], "Did you mean '--session'?"),
            (["stats", "sessions/example.json", "--jsn"], "Did you mean '--json'?"),
            (["iport"], "(did you mean 'import'?)"),
            (["stat"], "(did you mean 'stats'?)"),
            (["help", "stat"], "has no command 'stat' (did you mean 'stats'?)"),
            (["help", "import", "bart"], "has no command 'bart' (did you mean 'brat'?)"),
            // `help` is a command word too; a group's mistyped command was "Unexpected argument 'statu'".
            (["hepl"], "unknown command 'hepl' (did you mean 'help'?)"),
            (["team", "statu"], "'workbench team' has no command 'statu' (did you mean 'status'?); its commands are init,"),
            (["import", "brt", "x"], "'workbench import' has no command 'brt' (did you mean 'brat'?)"),
        ] {
            let result = try await WorkbenchProcess.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
    }

    @Test("a mistyped command is a usage error naming the closest command, not a missing corpus")
    func unknownCommand() async throws {
        let result = try await WorkbenchProcess.run(["stat", "sessions/example.json"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown command 'stat' (did you mean 'stats'?)"), "\(result.stderr)")
        // A path, or a word naming an existing file or folder, is still the default command's corpus.
        #expect(UnknownCommand.error(in: ["seeds"], fileExists: { $0 == "seeds" }) == nil)
        #expect(UnknownCommand.error(in: ["corpus/a.txt"], fileExists: { _ in false }) == nil)
        #expect(UnknownCommand.error(in: ["stats", "x.json"], fileExists: { _ in false }) == nil)
        #expect(UnknownCommand.error(in: ["--session", "anna"], fileExists: { _ in false }) == nil)
        #expect(UnknownCommand.error(in: ["exprot"], fileExists: { _ in false }) != nil)
        // help names a command, or it is a usage error too (it showed the top-level help, status 0).
        let help = try await WorkbenchProcess.run(["help", "nope"])
        #expect(help.status == 2, "\(help.stdout)")
        #expect(help.stdout.isEmpty)
        #expect(help.stderr.contains("help: 'workbench' has no command 'nope'"), "\(help.stderr)")
        #expect(UnknownCommand.error(in: ["help", "import", "brat"], fileExists: { _ in false }) == nil)
        #expect(UnknownCommand.error(in: ["help", "import", "csv"], fileExists: { _ in false }) != nil)
        #expect(UnknownCommand.error(in: ["help"], fileExists: { _ in false }) == nil)
        // A command group without what to do: a usage error (it showed the group's help, status 0).
        for group in ["import", "team"] {
            let bare = try await WorkbenchProcess.run([group])
            #expect(bare.status == 2, "\(group): \(bare.stdout)")
            #expect(bare.stdout.isEmpty, "\(group)")
            #expect(bare.stderr.contains("'workbench \(group)' needs one of"), "\(bare.stderr)")
            let help = try await WorkbenchProcess.run([group, "--help"])
            #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS"), "\(group)")
        }
        #expect(UnknownCommand.error(in: ["import", "--bogus"], fileExists: { _ in false }) != nil)
        #expect(UnknownCommand.error(in: ["import", "brat", "x"], fileExists: { _ in false }) == nil)
        #expect(UnknownCommand.error(in: ["stats"], fileExists: { _ in false }) == nil)
    }

    @Test("replay: --verify with --to or --out, and --force without --out, are usage errors")
    func replayOptionsThatDoNotGoTogether() async throws {
        for arguments in [
            ["replay", "sessions/example.json", "--verify", "--to", "3"],
            ["replay", "sessions/example.json", "--verify", "--out", "cut"],
            ["replay", "sessions/example.json", "--to", "3", "--force"],
        ] {
            let result = try await WorkbenchProcess.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains("Usage: workbench replay"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("team add-annotator: an unknown --role is a usage error before anything connects")
    func unknownRole() async throws {
        let result = try await WorkbenchProcess.run(
            ["team", "add-annotator", "anna", "--role", "king", "--team", "postgresql://owner@127.0.0.1:1/none"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("'annotator', 'adjudicator' or 'reviewer'"), "\(result.stderr)")
    }

    @Test("bad values found without a server or a file: an empty --out, team assign's names and overlap")
    func badValuesBeforeAnythingIsRead() async throws {
        let url = "postgresql://owner@127.0.0.1:1/none"
        for (arguments, message) in [
            (["segment", "--out", ""], "--out is empty"),
            (["export", "sessions/example.json", "--format", "csv", "--out", ""], "--out is empty"),
            (["team", "assign", "--annotators", "", "--team", url], "give the annotators once each"),
            (["team", "assign", "--annotators", "anna,anna", "--team", url], "give the annotators once each"),
            (["team", "assign", "--annotators", "anna,bob", "--overlap", "3", "--team", url], "--overlap 3 does not fit 2 annotator(s)"),
        ] {
            let result = try await WorkbenchProcess.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        // An empty name given on the command line is named as such (it blamed an unset $USER).
        let folder = TestScratch.path("empty-annotator-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let empty = try await WorkbenchProcess.run(
            ["annotate", "--annotator", "", "--session", folder + "/s"], stdin: "quit\n")
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("the annotator name is empty; pass --annotator NAME"), "\(empty.stderr)")
    }

    @Test("validate with a corpus that cannot be loaded fails without calling the session valid")
    func validateWithoutCorpusIsNotValid() async throws {
        let result = try await WorkbenchProcess.run(["validate", "sessions/example.json", "--corpus", "no/such/corpus"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("sessions/example.json: cannot check offsets: corpus not loadable"), "\(result.stderr)")
    }

    @Test("piped review and adjudicate: a rejected command or answer fails the run with a line on standard error")
    func rejectedInputInPipedRuns() async throws {
        let fixture = try ReplayFixture()
        let review = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita"], stdin: "bogus\nquit\n")
        #expect(review.status == 1)
        #expect(review.stderr.contains("1 command(s) were rejected"), "\(review.stderr)")

        let (_, anna, ben) = try AgreeCommandTests.sessions()
        let out = TestScratch.path("adjudicated-") + ".json"
        let refused = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", out, "--adjudicator", "carla"], stdin: "7\nq\n")
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("1 answer(s) were refused"), "\(refused.stderr)")
        let stopped = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", out, "--adjudicator", "carla"], stdin: "q\n")
        #expect(stopped.status == 0, "\(stopped.stderr)")
    }

    @Test("the README's exit status table lists every status the commands use, as the help does")
    func exitStatusTable() throws {
        let readme = try String(contentsOf: WorkbenchProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").compactMap { line -> Int32? in
            let cells = line.trimmingCharacters(in: .whitespaces).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard line.trimmingCharacters(in: .whitespaces).hasPrefix("| "), cells.count == 2 else { return nil }
            return Int32(cells[0])
        }
        #expect(rows == ExitStatus.allCases.map(\.rawValue).sorted())
        for status in ExitStatus.allCases {
            #expect(ExitStatus.summary.contains("\(status.rawValue) "), "\(status)")
        }
    }
}
