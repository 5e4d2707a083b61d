@testable import Annotations
import Foundation
import Testing

@testable import WorkbenchShell

@Suite("The command registry is the one list of shell commands")
struct CommandRegistryTests {
    @Test("every registered command has a usage, a summary and examples, and 'help NAME' explains it")
    func everyCommandHasHelp() throws {
        let workspace = try ShellWorkspace()
        defer { workspace.remove() }
        var shell = try workspace.shell()
        for spec in CommandCatalog.all {
            #expect(!spec.usage.isEmpty && !spec.summary.isEmpty && !spec.examples.isEmpty, "\(spec.name)")
            // 'help /' reads '/' as the start of a regular expression, so the search's help is checked directly.
            guard spec.name != "/" else {
                #expect(CommandCatalog.help(for: spec).first?.hasPrefix(spec.usage) == true)
                continue
            }
            let answer = shell.handle("help \(spec.name)")
            #expect(!answer.rejected, "help \(spec.name): \(answer.lines.map(\.plain))")
            #expect(answer.lines.first?.plain.hasPrefix(spec.usage) == true, "help \(spec.name)")
        }
    }

    @Test("the help overview lists exactly the registered commands, in registry order")
    func helpListsTheRegistry() throws {
        let workspace = try ShellWorkspace()
        defer { workspace.remove() }
        var shell = try workspace.shell()
        let overview = shell.handle("help").lines.map(\.plain).prefix { !$0.hasPrefix("Spans") }
        let lines = overview.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
        let listed = lines.compactMap { $0.split(separator: " ").first.map(String.init) }
        let grouped = CommandSpec.Group.allCases.flatMap { group in CommandCatalog.all.filter { $0.group == group }.map(\.name) }
        #expect(listed == grouped)
        #expect(Set(listed) == Set(CommandCatalog.all.map(\.name)))
    }

    @Test("TAB at the start of a line offers exactly the registered commands (the search '/' is typed, not completed)")
    func completionListsTheRegistry() {
        let offered = CompletionProvider().candidates(line: "", cursor: 0)
        #expect(offered == CommandCatalog.all.map(\.name).filter { $0 != "/" })
        #expect(CompletionProvider().candidates(line: "help ", cursor: 5) == CommandCatalog.all.map(\.name) + ["spans"])
    }

    @Test("every name and alias reaches its command, and the review dialogue's correcting commands are the registry's")
    func wordsReachTheirCommand() {
        for spec in CommandCatalog.all {
            for word in spec.words { #expect(CommandCatalog.spec(for: word)?.name == spec.name, "\(word)") }
        }
        #expect(CommandCatalog.spec(for: "exit")?.name == "quit" && CommandCatalog.spec(for: "?")?.name == "help")
        #expect(
            CommandCatalog.reviewCorrectionWords == [
                "speaker", "sp", "cue", "cu", "claim", "cl", "stance", "st", "target", "ta", "edit", "e", "show", "s", "tokens", "t",
            ])
    }
}

@Suite("Every registered command runs in-process")
struct CommandExamplesTests {
    @Test("each example of each command, typed on a fresh session, is answered: done, or refused with a message")
    func everyExampleIsAnswered() throws {
        let workspace = try ShellWorkspace()
        defer { workspace.remove() }
        for spec in CommandCatalog.all {
            for (number, example) in spec.examples.enumerated() {
                var shell = try workspace.shell(session: "example-\(spec.words.count)-\(spec.name == "/" ? "search" : spec.name)-\(number)")
                let answer = shell.handle(example)
                if answer.rejected {
                    let text = answer.lines.map(\.plain).joined(separator: "\n")
                    #expect(text.hasPrefix("error: ") && text.count > 10, "\(example): \(text)")
                } else {
                    #expect(answer.quit == (spec.name == "quit"), "\(example)")
                }
                try shell.store.close()
            }
        }
    }

    @Test("a command that takes no arguments refuses them ('undo 3', 'done foo', 'quit now') and changes nothing")
    func argumentsToACommandWithoutAny() throws {
        let workspace = try ShellWorkspace()
        defer { workspace.remove() }
        var shell = try workspace.shell()
        #expect(!shell.handle("note eins").rejected)
        #expect(!shell.handle("note zwei").rejected)
        let events = shell.store.session.eventCount
        let undo = shell.handle("undo 2")
        #expect(undo.rejected)
        #expect(undo.lines.map(\.plain) == ["error: 'undo' takes no arguments (got '2'); type it alone: undo (it acts on one command; type it again for the next); nothing changed"])
        #expect(shell.store.session.eventCount == events)
        for spec in CommandCatalog.all where spec.usage == spec.name {
            let answer = shell.handle("\(spec.words.last ?? spec.name) foo")
            #expect(answer.rejected && !answer.quit, "\(spec.name): \(answer.lines.map(\.plain))")
            #expect(answer.lines.first?.plain.contains("takes no arguments (got 'foo')") == true, "\(spec.name): \(answer.lines.map(\.plain))")
            #expect(shell.store.session.eventCount == events, "\(spec.name) changed the session")
        }
        #expect(!shell.handle("undo").rejected)
        #expect(shell.store.session.eventCount == events + 1)
    }

    @Test("an unknown command is refused with the closest registered names")
    func unknownCommand() throws {
        let workspace = try ShellWorkspace()
        defer { workspace.remove() }
        var shell = try workspace.shell()
        let answer = shell.handle("claimm 4-7")
        #expect(answer.rejected)
        #expect(answer.lines.map(\.plain).joined().contains("did you mean: claim"), "\(answer.lines.map(\.plain))")
    }
}
