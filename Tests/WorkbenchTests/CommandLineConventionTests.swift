import TestSupport
import Foundation
import Testing

@testable import Workbench

/// `--version`, exit statuses, completion scripts and the generated reference.
@Suite("Command-line conventions")
struct CommandLineConventionTests {
    @Test("--version prints the release and the session format version; help lists it")
    func version() async throws {
        let result = try await WorkbenchProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == WorkbenchVersion.line + "\n")
        #expect(result.stdout.contains("session format workbench-session 2"))
        #expect(result.stderr.isEmpty)
        let help = try await WorkbenchProcess.run(["help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--version"))
        #expect(help.stdout.contains("Exit status: 0 success, 1"))
    }

    @Test("usage errors exit with 2 in every command, with the message on standard error")
    func usageStatus() async throws {
        for arguments in [
            ["--bogus"], ["segment", "--bogus"], ["validate"], ["export", "x.json"], ["agree", "--nope", "a"],
            ["import", "brat"], ["replay", "s.json", "--to", "abc"], ["stats", "--format"],
        ] {
            let result = try await WorkbenchProcess.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"), "\(arguments)")
        }
    }

    @Test("a failed check exits with 1, the message on standard error and nothing on standard output")
    func failureStatus() async throws {
        let result = try await WorkbenchProcess.run(["validate", "no/such/session.json"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no/such/session.json"))
    }

    @Test("completion scripts for bash, zsh and fish complete session files, session names and formats")
    func completionScripts() async throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try await WorkbenchProcess.run(["--generate-completion-script", shell])
            #expect(result.status == 0, "\(shell)")
            #expect(result.stdout.contains("workbench"), "\(shell)")
            #expect(result.stdout.contains("json"), "\(shell): session files")
            #expect(result.stdout.contains("webanno"), "\(shell): export formats")
            #expect(result.stdout.contains("---completion annotate -- --session"), "\(shell): session names")
            // Every option that takes a session name completes one, as the README says.
            for option in ["adjudicate -- --out", "suggest -- --session", "team pull -- --out", "team push -- positional@0"] {
                #expect(result.stdout.contains("---completion \(option)"), "\(shell): \(option)")
            }
            #expect(result.stdout.contains("adjudicator"), "\(shell): team roles")
        }
    }

    @Test("session names complete from sessions/, without journals and hidden files")
    func sessionNameCompletion() async throws {
        let folder = TestScratch.path("completion-")
        try FileManager.default.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
        for file in ["anna.json", "anna.json.journal", "ben.json", ".history", ".anna.json.lock", "notes.txt"] {
            _ = FileManager.default.createFile(atPath: folder + "/sessions/" + file, contents: Data())
        }
        let result = try await WorkbenchProcess.run(
            ["---completion", "annotate", "--", "--session", "2", "0", "workbench", "annotate", "--session", ""],
            directory: URL(fileURLWithPath: folder), environment: ["SHELL": "/bin/bash"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n") == ["anna", "ben"])
        #expect(CompletionKinds.sessionNames(in: folder + "/sessions", prefix: "b") == ["ben"])
    }

    @Test("a session file whose name the terminal cannot show as it is (line break, escape, bidi control) is not offered")
    func hostileSessionNamesNotCompleted() async throws {
        let folder = TestScratch.path("completion-hostile-")
        try FileManager.default.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
        for file in ["anna.json", "ev\u{1B}]0;x\u{07}il.json", "two\nlines.json", "bi\u{202E}di.json"] {
            _ = FileManager.default.createFile(atPath: folder + "/sessions/" + file, contents: Data())
        }
        let result = try await WorkbenchProcess.run(
            ["---completion", "annotate", "--", "--session", "2", "0", "workbench", "annotate", "--session", ""],
            directory: URL(fileURLWithPath: folder), environment: ["SHELL": "/bin/bash"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n") == ["anna"], "\(result.stdout)")
    }

    @Test("docs/commands.md is the reference generated from the command definitions")
    func referenceInSync() async throws {
        let file = WorkbenchProcess.packageRoot.appendingPathComponent("docs/commands.md")
        let stored = try String(contentsOf: file, encoding: .utf8)
        let result = try await WorkbenchProcess.run(["reference"])
        #expect(result.status == 0)
        #expect(
            stored == result.stdout,
            "docs/commands.md is out of date: run `swift run workbench reference > docs/commands.md`")
        for command in ["annotate", "segment", "validate", "agree", "diff", "adjudicate", "replay", "stats", "review",
            "export", "import brat", "import jsonl"]
        {
            #expect(stored.contains("## `workbench \(command)`"))
        }
    }

    @Test("every command that colours takes --no-color")
    func noColorEverywhere() async throws {
        for command in ["annotate", "replay", "review"] {
            let result = try await WorkbenchProcess.run([command, "--help"])
            #expect(result.stdout.contains("--no-color"), "\(command)")
        }
    }
}

extension CommandLineConventionTests {
    @Test("validate names the session format version of a valid file")
    func validateFormatVersion() async throws {
        let result = try await WorkbenchProcess.run(["validate", "sessions/example.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("valid: "))
        #expect(result.stdout.contains("; format workbench-session 2\n"))
    }
}

extension CommandLineConventionTests {
    @Test("the README's command table names every command the program has")
    func readmeNamesEveryCommand() throws {
        let readme = try String(contentsOf: WorkbenchProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.split(separator: "\n").filter { $0.hasPrefix("| `workbench ") }.joined(separator: "\n")
        var paths: [String] = []
        for command in WorkbenchCommand.configuration.subcommands where command.configuration.shouldDisplay {
            let name = command.configuration.commandName ?? ""
            let children = command.configuration.subcommands.compactMap { $0.configuration.commandName }
            paths += children.isEmpty ? [name] : children.map { "\(name) \($0)" }
        }
        #expect(paths.count > 20)
        for path in paths {
            #expect(table.contains("`workbench \(path)") || table.contains("`workbench [\(path)]"), "README's command table lacks `workbench \(path)`")
        }
    }
}
