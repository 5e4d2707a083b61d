
import Foundation
import TestSupport
import Testing
@testable import Workbench
@testable import WorkbenchShell
@testable import WorkbenchTerminal

/// Unit tests of the terminal layer: safe text, widths, wrapping, styles, completion, prompt escapes.
@Suite("Terminal")
struct TerminalTests {
    // MARK: sanitize

    @Test("ESC, CSI colour and OSC title become visible text")
    func sanitizeEscapes() {
        #expect(TerminalText.sanitize("a\u{1B}b") == "a␛b")
        #expect(TerminalText.sanitize("\u{1B}[31mrot\u{1B}[0m") == "␛[31mrot␛[0m")
        #expect(TerminalText.sanitize("\u{1B}]0;pwned\u{07}x") == "␛]0;pwned␇x")
        #expect(!TerminalText.sanitize("\u{1B}]0;t\u{1B}\\").unicodeScalars.contains("\u{1B}"))
    }

    @Test("NUL, DEL, CR, LF and tab")
    func sanitizeControls() {
        #expect(TerminalText.sanitize("a\u{0}b") == "a␀b")
        #expect(TerminalText.sanitize("a\u{7F}b") == "a␡b")
        #expect(TerminalText.sanitize("a\r\nb") == "a␍␊b")
        #expect(TerminalText.sanitize("a\nb", keepNewlines: true) == "a\nb")
        #expect(TerminalText.sanitize("a\tb") == "a b")
    }

    @Test("C1 controls, bidi overrides and format characters become <U+XXXX>")
    func sanitizeC1AndBidi() {
        #expect(TerminalText.sanitize("a\u{9B}31m") == "a<U+009B>31m")
        #expect(TerminalText.sanitize("\u{85}") == "<U+0085>")
        #expect(TerminalText.sanitize("abc\u{202E}fed") == "abc<U+202E>fed")
        for value: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            let scalar = Unicode.Scalar(value) ?? "?"
            #expect(TerminalText.sanitize(String(scalar)) == TerminalText.placeholder(for: scalar))
        }
        #expect(TerminalText.sanitize("x\u{200B}y\u{FEFF}") == "x<U+200B>y<U+FEFF>")
        #expect(TerminalText.sanitize("\u{2028}") == "<U+2028>")
    }

    @Test("ordinary text, umlauts, quotes, CJK and emoji pass unchanged")
    func sanitizeKeepsText() {
        for text in ["Grüße „x“ – ‚y‘ «z»", "東京", "👩‍👩‍👧 🇩🇪 ❤️", "e\u{301}", "ﬁ"] {
            #expect(TerminalText.sanitize(text) == text)
        }
    }

    @Test("sanitized text never contains a control or bidi scalar")
    func sanitizeProperty() {
        let seed: UInt64 = 0x7E57_0001
        var generator = SplitMix64(seed: seed)
        let pool: [UInt32] = Array(0...0x20) + [0x7F, 0x80, 0x9B, 0x9F, 0x202E, 0x2066, 0x41, 0xFC, 0x201E]
        for _ in 0..<200 {
            let scalars = (0..<20).compactMap { _ in Unicode.Scalar(pool.randomElement(using: &generator) ?? 0x41) }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let clean = TerminalText.sanitize(String(view))
            #expect(clean.unicodeScalars.allSatisfy { TerminalText.isSafe($0) }, "seed \(seed): \(String(view).debugDescription)")
        }
    }

    // MARK: width and wrap

    @Test("display width: ASCII 1, CJK and emoji 2, combining 0, escapes 0")
    func displayWidth() {
        #expect(TerminalText.displayWidth("Grüße") == 5)
        #expect(TerminalText.displayWidth("東京") == 4)
        #expect(TerminalText.displayWidth("e\u{301}") == 1)
        #expect(TerminalText.displayWidth("\u{301}") == 0)
        #expect(TerminalText.displayWidth("👍") == 2)
        #expect(TerminalText.displayWidth("❤️") == 2)
        #expect(TerminalText.displayWidth("👩‍👩‍👧") == 2)
        #expect(TerminalText.displayWidth("🇩🇪") == 2)
        #expect(TerminalText.displayWidth("\u{1B}[1;31mab\u{1B}[0m") == 2)
        #expect(TerminalText.displayWidth("ｱ") == 1)
        #expect(TerminalText.displayWidth("ＡＢ") == 4)
    }

    @Test("wrap respects width, keeps words and paragraphs")
    func wrapWords() {
        let text = "Die Ministerin sagte, die Reform komme „noch in diesem Jahr“."
        let lines = TerminalText.wrap(text, width: 20)
        #expect(lines == ["Die Ministerin", "sagte, die Reform", "komme „noch in", "diesem Jahr“."])
        #expect(lines.allSatisfy { TerminalText.displayWidth($0) <= 20 })
        #expect(TerminalText.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(TerminalText.wrap("", width: 10) == [""])
        #expect(TerminalText.wrap("  a   b  ", width: 10) == ["a b"])
    }

    @Test("wrap breaks long words between grapheme clusters and counts wide characters")
    func wrapClusters() {
        #expect(TerminalText.wrap("東京東京東", width: 4) == ["東京", "東京", "東"])
        #expect(TerminalText.wrap("e\u{301}e\u{301}e\u{301}", width: 2) == ["e\u{301}e\u{301}", "e\u{301}"])
        #expect(TerminalText.wrap("👩‍👩‍👧👩‍👩‍👧", width: 3) == ["👩‍👩‍👧", "👩‍👩‍👧"])
        #expect(TerminalText.wrap("東", width: 1) == ["東"])
        for width in 1...12 {
            for line in TerminalText.wrap("Grüße 東京 👩‍👩‍👧 aus Köln-Ehrenfeld", width: width) {
                #expect(TerminalText.displayWidth(line) <= max(width, 2))
            }
        }
    }

    @Test("styled lines are wrapped as they are written: a placeholder counts its full width")
    func wrapMeasuresPlaceholders() {
        let name = "Evil" + String(repeating: "\u{202E}", count: 20) + "\u{1B}]0;title\u{7}Name"
        let line = StyledLine("   edit speaker S1 \"\(name)\" (person) (aliases: [] → [Lage])")
        let plain = TerminalStyle(enabled: false)
        let lines = line.wrapped(width: 40)
        #expect(lines.count > 2, "\(lines.map(\.plain))")
        for wrapped in lines {
            let shown = StandardOutput.render(wrapped, style: plain)
            #expect(TerminalText.displayWidth(shown) <= 40, "\(shown)")
            #expect(shown.unicodeScalars.allSatisfy { TerminalText.isSafe($0) })
        }
    }

    // MARK: style

    @Test("colour is off with NO_COLOR, TERM=dumb, no terminal or --no-color")
    func styleSwitches() {
        let terminal = ["TERM": "xterm-256color"]
        #expect(TerminalStyle(noColor: false, environment: terminal, outputIsTerminal: true).isEnabled)
        #expect(!TerminalStyle(noColor: false, environment: ["NO_COLOR": "1"], outputIsTerminal: true).isEnabled)
        #expect(TerminalStyle(noColor: false, environment: ["NO_COLOR": ""], outputIsTerminal: true).isEnabled)
        #expect(!TerminalStyle(noColor: false, environment: ["TERM": "dumb"], outputIsTerminal: true).isEnabled)
        #expect(!TerminalStyle(noColor: false, environment: terminal, outputIsTerminal: false).isEnabled)
        #expect(!TerminalStyle(noColor: true, environment: terminal, outputIsTerminal: true).isEnabled)
        let off = TerminalStyle(enabled: false)
        for kind in TerminalStyle.Kind.allCases { #expect(off.apply(kind, "Merz") == "Merz") }
        let on = TerminalStyle(enabled: true)
        #expect(on.apply(.speaker, "Merz") == "\u{1B}[1;36mMerz\u{1B}[0m")
        #expect(TerminalText.displayWidth(on.apply(.claim, "Grüße")) == 5)
    }

    // MARK: completion

    @Test("completion: unique candidate, common prefix, replacement, nothing")
    func completionPlans() {
        let words = ["speaker", "speakers", "stance", "stances", "claim", "cue"]
        func plan(_ line: String, _ cursor: Int? = nil) -> Completion.Plan {
            let cursor = cursor ?? line.count
            return Completion.plan(
                line: line, cursor: cursor, candidates: Completion.matching(words, line: line, cursor: cursor))
        }
        #expect(plan("cl") == Completion.Plan(replace: "", insert: "aim ", list: []))
        #expect(plan("add sp") == Completion.Plan(replace: "", insert: "eaker", list: ["speaker", "speakers"]))
        #expect(plan("s").insert == "")
        #expect(plan("s").list == ["speaker", "speakers", "stance", "stances"])
        #expect(plan("x").isEmpty)
        #expect(plan("cl x", 2) == Completion.Plan(replace: "", insert: "aim", list: []))
        #expect(Completion.word(in: "Grüße „cl", cursor: 9) == "„cl")
        #expect(
            Completion.plan(line: "Mer", cursor: 3, candidates: ["merz"]) == Completion.Plan(
                replace: "Mer", insert: "merz ", list: []))
        #expect(Completion.commonPrefix(["Grüße", "Grün", "Grund"]) == "Gr")
        #expect(Completion.commonPrefix(["e\u{301}a", "e\u{301}b"]) == "e\u{301}")
        #expect(Completion.columns(["a", "bb", "ccc"], width: 80) == ["a    bb   ccc"])
    }

    @Test("prompt escapes: merged, bracketed, trailing reset moved before the last character")
    func promptEscapes() {
        let style = TerminalStyle(enabled: true)
        let prompt = style.apply(.prompt, "demo") + style.apply(.dim, "›") + " "
        let marked = EditLineEditor.markingEscapes(in: prompt)
        #expect(marked == "\u{1}\u{1B}[1;34m\u{1}demo\u{1}\u{1B}[0m\u{1B}[2m\u{1}›\u{1}\u{1B}[0m\u{1} ")
        #expect(EditLineEditor.markingEscapes(in: "a> ") == "a> ")
        #expect(EditLineEditor.markingEscapes(in: "\u{1B}[1m>\u{1B}[0m") == "\u{1}\u{1B}[1m\u{1B}[0m\u{1}>")
    }

    @Test("piped input: no prompt, no escapes, every line echoed")
    func pipedInput() async throws {
        let result = try await WorkbenchProcess.run(
            ["editor-demo"], stdin: "a\nGrüße „x“\n\u{1B}[31m\n", executable: WorkbenchProcess.testTools)
        #expect(result.status == 0)
        #expect(result.stdout == "got: a\ngot: Grüße „x“\ngot: ␛[31m\n")
        #expect(!result.stdout.contains("demo"))
        #expect(result.stderr.isEmpty)
    }

    @Test("the test-only commands live in the test tools, not in workbench")
    func testOnlyCommandsOutOfWorkbench() async throws {
        for command in ["editor-demo", "stress-writer"] {
            let result = try await WorkbenchProcess.run([command], stdin: "")
            #expect(result.status != 0, "\(command)")
            #expect(!result.stdout.contains("got:"), "\(command)")
        }
    }
}

extension TerminalTests {
    /// The line editor in a real terminal (a private tmux server), through the test tools' `editor-demo`.
    @Suite(
        "Terminal in tmux",
        .needsTmux,
        .timeLimit(.minutes(1))
    )
    struct InTmux {
        static let prompt = "demo›"  // capture-pane trims the trailing space

        /// A temporary folder for history files.
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("terminal-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        /// Starts the demo; after it exits the pane shows `[exit N]` and the terminal settings.
        func start(history: String = "history", environment: [String: String] = [:]) async throws -> TmuxSession {
            let binary = TmuxSession.quote(WorkbenchProcess.testTools.path)
            let file = TmuxSession.quote(folder.appendingPathComponent(history).path)
            let command = "\(binary) editor-demo --history \(file); echo \"[exit $?]\"; stty -a"
            let session = try await TmuxSession(command: command, environment: environment)
            try await session.waitFor(text: Self.prompt)
            return session
        }

        @Test("UTF-8 umlauts and German quotes pass through libedit unchanged")
        func utf8() async throws {
            let session = try await start()
            defer { session.kill() }
            try await session.send(keys: "Grüße „x“", .enter)
            try await session.waitFor(text: "got: Grüße „x“")
        }

        @Test("UTF-8 works even when the locale says C")
        func utf8WithCLocale() async throws {
            let session = try await start(environment: ["LANG": "C", "LC_ALL": ""])
            defer { session.kill() }
            try await session.send(keys: "Grüße „x“", .enter)
            try await session.waitFor(text: "got: Grüße „x“")
        }

        @Test("Tab completes a unique word and lists several")
        func completion() async throws {
            let session = try await start()
            defer { session.kill() }
            try await session.send(keys: "cl", .tab, .enter)
            try await session.waitFor(text: "got: claim")
            try await session.send(keys: "sta", .tab)
            let screen = try await session.waitFor(text: "stances")
            #expect(screen.split(separator: "\n").contains { $0.split(separator: " ") == ["stance", "stances"] })
            try await session.send(keys: .enter)
            try await session.waitFor(text: "got: stance")
        }

        @Test("Ctrl-C cancels the line and the program keeps reading")
        func interrupt() async throws {
            let session = try await start()
            defer { session.kill() }
            // Wait for the echo: Ctrl-C flushes keys the program has not read yet (on a busy machine the
            // text would vanish unseen).
            try await session.send(keys: "abandoned")
            try await session.waitFor(text: "abandoned")
            try await session.send(keys: .ctrlC)
            try await session.waitUntil(what: "a fresh prompt") { $0.components(separatedBy: Self.prompt).count >= 3 }
            try await session.send(keys: "after", .enter)
            let screen = try await session.waitFor(text: "got: after")
            #expect(!screen.contains("got: abandoned"))
            await #expect(try !session.hasExited())
        }

        @Test("Up recalls history, also from the file of an earlier run")
        func history() async throws {
            let first = try await start(history: "shared")
            try await first.send(keys: "erste Zeile", .enter)
            try await first.waitFor(text: "got: erste Zeile")
            try await first.send(keys: "zweite", .enter)
            try await first.waitFor(text: "got: zweite")
            try await first.send(keys: .up, .up, .enter)
            let screen = try await first.waitUntil(what: "a recalled line") {
                $0.components(separatedBy: "got: erste Zeile").count == 3
            }
            #expect(screen.contains("got: zweite"))
            try await first.send(keys: .ctrlD)
            try await first.waitFor(text: "[exit 0]")
            first.kill()

            let second = try await start(history: "shared")
            defer { second.kill() }
            try await second.send(keys: .up, .enter)
            try await second.waitFor(text: "got: erste Zeile")
        }

        @Test("Ctrl-D exits cleanly and restores the terminal")
        func endOfInput() async throws {
            let session = try await start()
            defer { session.kill() }
            try await session.send(keys: "one", .enter)
            try await session.waitFor(text: "got: one")
            try await session.send(keys: "x", .ctrlC)
            // Ctrl-C flushes typed-ahead input: wait for the fresh prompt before Ctrl-D.
            try await session.waitUntil(what: "a fresh prompt") { $0.components(separatedBy: Self.prompt).count >= 4 }
            try await session.send(keys: .ctrlD)
            let screen = try await session.waitFor(text: "[exit 0]")
            try await session.waitFor(text: "icanon")
            let settings = try await session.capture().split(whereSeparator: \.isWhitespace).map(String.init)
            #expect(settings.contains("icanon"))
            #expect(settings.contains("echo"))
            #expect(!settings.contains("-icanon"))
            #expect(!settings.contains("-echo"))
            // The exit line starts at the left edge: a newline followed libedit's ^D.
            #expect(screen.split(separator: "\n").contains { $0.hasPrefix("[exit 0]") })
        }

        @Test("colour prompt in a terminal, none with NO_COLOR")
        func colour() async throws {
            let coloured = try await start()
            defer { coloured.kill() }
            let screen = try await coloured.capture(escapes: true)
            let line = screen.split(separator: "\n").first { $0.contains("demo") } ?? ""
            #expect(line.contains("\u{1B}["))

            let plain = try await start(environment: ["NO_COLOR": "1"])
            defer { plain.kill() }
            let plainScreen = try await plain.capture(escapes: true)
            let plainLine = plainScreen.split(separator: "\n").first { $0.contains("demo") } ?? ""
            #expect(plainLine == "demo›")
        }
    }
}
