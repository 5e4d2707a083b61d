/// Every command of the annotation shell, each declared once with its help texts, completion and
/// handler. The single source for dispatch, `help`, "did you mean" suggestions, TAB completion and
/// the review dialogue's correcting commands.
public enum CommandCatalog {
    /// How spans are written, shown in `help` and `help spans`.
    static let spanHelp = """
        Spans (token numbers are 1-based; type 'tokens' to see them):
          4           token 4                 4-7       tokens 4 to 7
          4-7,9       tokens 4-7 and 9 (discontinuous; no spaces needed around commas)
          4-          token 4 to the end of the sentence
          4-+1:5      token 4 to token 5 of the NEXT sentence (claims only)
          4-+2        token 4 to the end of sentence +2 (claims only)
          "Vassili Nebenzia"   exact text („…“ and »…« quotes work too)
          sagte       a bare word is its text (sagte#2: the 2nd); fügte,hinzu  two words, one span
          "sagte"#2   the 2nd occurrence     /Nebens[jz]a/   first regex match (/…/#2: the 2nd)
          all         the whole sentence     SPAN..+1   extend any span to the end of the next sentence
        """

    /// All commands in help order.
    static let all: [CommandSpec] = [
        CommandSpec(name: "next", aliases: ["n"], group: .moving, usage: "next [COUNT]", summary: "go to the next sentence",
            details: "Crosses into the next document at the end of one.", examples: ["next", "n 3"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.move(by: try shell.count(call))) }),
        CommandSpec(name: "prev", aliases: ["p"], group: .moving, usage: "prev [COUNT]", summary: "go to the previous sentence",
            examples: ["prev", "p 2"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.move(by: -(try shell.count(call)))) }),
        CommandSpec(name: "goto", aliases: ["g"], group: .moving, usage: "goto DOC:SENTENCE | goto SENTENCE | goto DOCUMENT-ID",
            summary: "jump to a sentence", details: "Numbers are 1-based: 'goto 3:14' is document 3, sentence 14; 'goto 14' is sentence 14 of this document.",
            examples: ["goto 3:14", "goto 14", "goto 002_fb418dfe53a9ab0a"],
            completion: .documents,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.goto(call.arguments)) }),
        CommandSpec(name: "nu", aliases: [], group: .moving, usage: "nu", summary: "go to the next open sentence without annotations",
            examples: ["nu"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.nextUnannotated()) }),
        CommandSpec(name: "/", aliases: [], group: .moving, usage: "/REGEX | /", summary: "search forward for a regular expression; '/' alone repeats",
            details: "Searches the sentences after the current one, across documents, wrapping around.", examples: ["/Nebens[jz]a", "/"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.search(String(call.line.dropFirst()))) }),
        CommandSpec(name: "docs", aliases: ["ds"], group: .moving, usage: "docs", summary: "list documents with progress", examples: ["docs"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: shell.documentsTable()) }),
        CommandSpec(name: "speaker", aliases: ["sp"], group: .tagging, usage: "speaker SPAN [= NAME|Sid] [role TEXT] [kind KIND] | speaker merge FROM INTO",
            summary: "tag a mention of a speaker (creating or linking the speaker); merge two speakers",
            details: """
                The span is read as a German noun phrase: articles go, the name is kept apart from the role \
                ('der Chef des Verwaltungsrats Ulrich Müller': Ulrich Müller, role Chef des Verwaltungsrats), adjectives \
                and offices are put in the nominative ('das isländische Fischereiministerium': isländisches \
                Fischereiministerium), a party in brackets becomes a note on the speaker, and the kind is guessed and shown. \
                Without '= …' the name is resolved against known speakers and aliases: one match is linked (and named), \
                several or near matches ('das Ministerium', a misspelling) are offered, none creates a new speaker. \
                Pronouns ('er') need '= Sid'. '= NAME' links a speaker of that name or alias, or creates one; '= S3' links S3. \
                Several bare words are one span: speaker das isländische Fischereiministerium. \
                'speaker merge S4 S1' moves S4's mentions, claims, stances and notes to S1 and removes S4 (one undo).
                """,
            examples: ["speaker \"Vassili Nebenzia\"", "sp der Chef des Verwaltungsrats Ulrich Müller", "sp 12-14 = S1",
                "sp „Herr Rutte“ = Mark Rutte role NATO-Generalsekretär", "sp 3 kind organisation", "sp merge S4 S1"],
            takesSpans: true,
            completion: .speaker,
            correctsInReview: true,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.tagSpeaker(call.arguments)) }),
        CommandSpec(name: "cue", aliases: ["cu"], group: .tagging, usage: "cue SPAN", summary: "tag a reporting cue (sagte, fügte … hinzu)",
            details: "Bare words are one span when they stand together (cue nach Angaben), else its parts (cue fügte hinzu).",
            examples: ["cue sagte", "cue \"fügte\",\"hinzu\"", "cu fügte hinzu", "cu 5,9"],
            takesSpans: true,
            completion: .cue,
            correctsInReview: true,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.tagCue(call.arguments)) }),
        CommandSpec(name: "claim", aliases: ["cl"], group: .tagging,
            usage: "claim SPAN [by SPEAKER[,SPEAKER…]] [to Mid[,Mid…]] [cue SPAN|Qid] [form FORM] [negated] [hedged]", summary: "tag claimed content",
            details: """
                SPEAKER is a speaker id (S1), a mention id (M2) or a name/alias; several speakers of one claim ("Die USA \
                und Südkorea forderten") are separated by commas, the main speaker first: by M1,M2. 'to' names the \
                mentions the claim is addressed to ("warf Washington vor": to M4). Without 'by', a sentence with exactly \
                one mention links it; without 'cue', a sentence with exactly one cue links it (the shell says so). A claim \
                may run on into following sentences (4-+1:5, SPAN..+1).
                """,
            examples: [
                "claim 8-20 by S1 form indirect", "cl \"Wir müssen handeln\" by Rutte cue \"sagte\" form direct", "cl 4-+1:6 hedged",
                "claim 9-20 by M1,M2 to M4",
            ],
            takesSpans: true,
            completion: .claim,
            correctsInReview: true,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.tagClaim(call.arguments)) }),
        CommandSpec(name: "target", aliases: ["ta"], group: .tagging, usage: "target TEXT | target add TEXT", summary: "define a stance target (a proposition)",
            examples: ["ta Nordkoreanische Truppen sind in Russland", "target add \"Nordkoreanische Truppen sind in Russland\""],
            completion: .target,
            correctsInReview: true,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.addTarget(call.arguments, rest: call.rest)) }),
        CommandSpec(name: "stance", aliases: ["st"], group: .tagging, usage: "stance SPEAKER TARGET LABEL [evidence C1 C2 …]",
            summary: "set a speaker's stance toward a target (edits the existing one for the pair)",
            examples: ["stance S1 T1 against evidence C1", "st Nebenzia T1 favor"],
            completion: .stance,
            correctsInReview: true,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.setStance(call.arguments)) }),
        CommandSpec(name: "note", aliases: ["no"], group: .tagging, usage: "note TEXT | note ID TEXT", summary: "attach a note to this sentence or an annotation",
            examples: ["note Zitat unklar", "note C2 Quelle prüfen"],
            completion: .annotationID,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.addNote(call.arguments, rest: call.rest)) }),
        CommandSpec(name: "done", aliases: ["d"], group: .tagging, usage: "done", summary: "mark the sentence done and go to the next", examples: ["done"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.setStatus(.done, advance: true)) }),
        CommandSpec(name: "skip", aliases: ["sk"], group: .tagging, usage: "skip", summary: "mark the sentence skipped (boilerplate) and go to the next", examples: ["skip"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.setStatus(.skipped, advance: true)) }),
        CommandSpec(name: "flag", aliases: ["f"], group: .tagging, usage: "flag", summary: "flag the sentence for a second look", examples: ["flag"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.setStatus(.flagged, advance: false)) }),
        CommandSpec(name: "reopen", aliases: [], group: .tagging, usage: "reopen", summary: "set the sentence back to open", examples: ["reopen"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.setStatus(.open, advance: false)) }),
        CommandSpec(name: "delete", aliases: ["del"], group: .tagging, usage: "delete ID", summary: "delete an annotation (and what depends on it)",
            examples: ["delete C2", "del S1"],
            completion: .annotationID,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.delete(call.arguments)) }),
        CommandSpec(name: "edit", aliases: ["e"], group: .tagging, usage: "edit ID FIELD VALUE…", summary: "change a field of an annotation",
            details: """
                speaker: name TEXT | kind KIND | alias add TEXT | alias remove TEXT
                mention: speaker Sid | role TEXT|none | span SPAN
                claim:   form FORM|none | by SPEAKER[,SPEAKER…]|none | by add SPEAKER | by remove SPEAKER
                         to Mid[,Mid…]|none | to add Mid | to remove Mid | cue Qid|none | negated yes|no | hedged yes|no | span SPAN
                cue:     span SPAN
                (span: a span of the current sentence; the annotation keeps its id and what depends on it)
                target:  text TEXT
                stance:  label LABEL | evidence C1 C2 … (none: empty)
                """,
            examples: ["edit S1 alias add Nebensja", "edit C1 form direct", "edit C1 by add S2", "edit C1 to M4", "edit C1 negated yes", "edit P1 label favor", "edit C12 span 10-32"],
            completion: .edit,
            correctsInReview: true,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.edit(call.arguments, line: call.line)) }),
        CommandSpec(name: "accept", aliases: ["y"], group: .suggesting,
            usage: "accept [LETTER|all] [TOKENS] [by SPEAKER[,SPEAKER…]] [to ADDRESSEE[,ADDRESSEE…]|none] [form FORM] [claim SPAN]",
            summary: "accept a proposal (default: the first) as speaker, mention, cue and claim, in one undo",
            details: """
                Proposals are listed under the sentence, lettered a), b), … z), then aa), ab), … and dimmed; they are not annotations until \
                accepted. Accepting links the proposed speaker to a known one when its name or alias resolves (as the \
                'speaker' command does), else creates it, and adds the mention, the cue and the claim with the proposal's \
                form, all recording the rule that proposed them. 'by', 'to', 'form' and 'claim' adjust before accepting. A proposal \
                with several speakers ("A und B forderten") gives one claim by all of them, and a proposed addressee \
                ("warf Washington vor") becomes the claim's addressee mention. 'by' names the speakers as a claim's 'by' \
                does and, where no known speaker matches, takes words of the sentence (by Washingtons, by 3-4), made a \
                mention of the speaker they name (or of a new one). 'to' names the addressees in its place, \
                separated by commas as after a claim's 'to': a mention (to M4), or a span of the sentence (to 12, \
                to Washington, to "die Vereinigten Staaten"), which becomes a mention of the speaker its words resolve \
                to (or of a new one) as a proposed addressee does; 'to none' accepts without one. Token numbers right after the \
                letter (or in its place) are the claim's span: 'y b 6-12' is 'y b claim 6-12'. Letters are only ever arguments: \
                'b' alone is not a command.
                """,
            examples: ["y", "y b", "accept b by S3", "y b to Washington", "y to M4", "y to none", "accept b form indirect", "accept b claim 4-19", "y b 4-19", "accept all"],
            completion: .accept,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.accept(call.arguments)) }),
        CommandSpec(name: "yd", aliases: [], group: .suggesting,
            usage: "yd [LETTER] [TOKENS] [by SPEAKER[,SPEAKER…]] [to ADDRESSEE[,ADDRESSEE…]|none] [form FORM] [claim SPAN]",
            summary: "accept a proposal and mark the sentence done (then the next sentence), in one undo",
            details: """
                'accept' then 'done' as one command, for the sentence whose one proposal is right: 'yd' is three keys \
                where 'y', Enter, 'd' was four, and one 'undo' takes back both (the accept and the done) and goes \
                back to the sentence. It takes what 'accept' takes. It marks the sentence done only when nothing \
                would be left pending there: when another proposal would stay pending (its claim does not \
                overlap the accepted one's) it is refused and nothing changes (accept or reject that one \
                first, or use 'y' and then 'd').
                """,
            examples: ["yd", "yd b", "yd 6-12", "yd by S3", "yd to 14", "yd form indirect"],
            completion: .acceptOne,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.acceptAndFinish(call.arguments)) }),
        CommandSpec(name: "yx", aliases: [], group: .suggesting,
            usage: "yx [LETTER] [TOKENS] [by SPEAKER[,SPEAKER…]] [to ADDRESSEE[,ADDRESSEE…]|none] [form FORM] [claim SPAN]",
            summary: "accept a proposal, reject the sentence's other proposals and mark it done (then the next sentence), in one undo",
            details: """
                For the sentence with one right proposal beside wrong ones: 'yx b' accepts b, rejects every other \
                proposal of the sentence still pending after it (so they are not proposed again), marks the sentence \
                done and goes to the next, where 'x a' then 'yd b' were two commands. It takes what 'accept' takes; \
                one 'undo' takes back all of it and goes back to the sentence. It says what it rejected.
                """,
            examples: ["yx b", "yx", "yx b by S3", "yx b to M4", "yx b form indirect"],
            completion: .acceptOne,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.acceptRejectOthersAndFinish(call.arguments)) }),
        CommandSpec(name: "aa", aliases: [], group: .suggesting, usage: "aa", summary: "accept all proposals of the sentence (same as 'accept all')",
            examples: ["aa"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.accept(call.arguments, all: true)) }),
        CommandSpec(name: "aad", aliases: [], group: .suggesting, usage: "aad",
            summary: "accept all proposals of the sentence and mark it done (then the next sentence), in one undo",
            details: """
                'aa' then 'done' as one command, for the sentence whose proposals are all right: 4 keys where 'aa', \
                Enter, 'd', Enter were 5, and one 'undo' takes back all of it and goes back to the sentence. A proposal \
                that cannot be made stays pending, and then nothing changes. On a sentence without proposals it is 'done'.
                """,
            examples: ["aad"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.acceptAllAndFinish(call.arguments)) }),
        CommandSpec(name: "reject", aliases: ["x"], group: .suggesting, usage: "reject [LETTER|all]",
            summary: "reject a proposal (default: the first) so it is not proposed again",
            details: "A rejection is recorded in the session (undo takes it back) and keeps the proposal away after reopening too.",
            examples: ["x", "x b", "reject b", "reject all"],
            completion: .firstArgument(["all"]),
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.reject(call.arguments)) }),
        CommandSpec(name: "xx", aliases: [], group: .suggesting, usage: "xx", summary: "reject all proposals of the sentence (same as 'reject all')",
            examples: ["xx"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.reject(call.arguments, all: true)) }),
        CommandSpec(name: "ns", aliases: [], group: .suggesting, usage: "ns", summary: "go to the next sentence with pending proposals",
            examples: ["ns"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.nextWithProposals()) }),
        CommandSpec(name: "suggest", aliases: [], group: .suggesting, usage: "suggest [off|on]",
            summary: "hide or show proposals for this session (on by default; kept with the session)",
            examples: ["suggest off", "suggest on", "suggest"],
            completion: .firstArgument(["on", "off"]),
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.setSuggest(call.arguments)) }),
        CommandSpec(name: "show", aliases: ["s"], group: .looking, usage: "show [-t]", summary: "show the current sentence (-t: with token numbers)",
            examples: ["show", "show -t"],
            correctsInReview: true,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.show(call.arguments)) }),
        CommandSpec(name: "tokens", aliases: ["t"], group: .looking, usage: "tokens", summary: "show the sentence's tokens with numbers", examples: ["tokens"],
            correctsInReview: true,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: shell.tokenView()) }),
        CommandSpec(name: "list", aliases: ["ls"], group: .looking, usage: "list [doc|all]", summary: "list annotations of this sentence, document or corpus",
            examples: ["list", "list doc", "list all"],
            completion: .choices(["doc", "all"]),
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.list(call.arguments)) }),
        CommandSpec(name: "speakers", aliases: ["who"], group: .looking, usage: "speakers", summary: "list speakers with aliases and mention counts", examples: ["speakers"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: shell.speakersTable()) }),
        CommandSpec(name: "targets", aliases: ["tg"], group: .looking, usage: "targets", summary: "list stance targets", examples: ["targets"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: shell.targetsTable()) }),
        CommandSpec(name: "stances", aliases: ["sts"], group: .looking, usage: "stances", summary: "show the speaker × target stance matrix", examples: ["stances"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: shell.stanceMatrix()) }),
        CommandSpec(name: "status", aliases: ["stat"], group: .looking, usage: "status", summary: "session summary: where you are, counts, progress", examples: ["status"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: shell.statusSummary()) }),
        CommandSpec(name: "undo", aliases: ["u"], group: .session, usage: "undo", summary: "take back the last command's edits", examples: ["undo"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.undo()) }),
        CommandSpec(name: "redo", aliases: ["r"], group: .session, usage: "redo", summary: "re-do what undo took back", examples: ["redo"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.redo()) }),
        CommandSpec(name: "save", aliases: ["w"], group: .session, usage: "save",
            summary: "write the snapshot now (every edit is already in the log when acknowledged)", examples: ["save"],
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.save()) }),
        CommandSpec(name: "help", aliases: ["h", "?"], group: .session, usage: "help [COMMAND|spans]", summary: "explain commands", examples: ["help", "help claim", "help spans"],
            completion: .commandNames,
            handler: { shell, call throws(CommandError) in ShellResponse(lines: try shell.help(call.arguments)) }),
        CommandSpec(name: "quit", aliases: ["q", "exit"], group: .session, usage: "quit", summary: "save and leave (Ctrl-D works too)", examples: ["quit"],
            handler: { shell, call throws(CommandError) in ShellResponse(quit: true) }),
    ]

    /// The command named or aliased `word`.
    static func spec(for word: String) -> CommandSpec? {
        let lowered = word.lowercased()
        return all.first { $0.name == lowered || $0.aliases.contains(lowered) }
    }

    /// Every name and alias.
    static var allWords: [String] { all.flatMap(\.words) }

    /// The names and aliases of the commands a reviewer may use to correct an annotation in place.
    public static var reviewCorrectionWords: Set<String> { Set(all.filter(\.correctsInReview).flatMap(\.words)) }

    /// The help text for one command.
    static func help(for spec: CommandSpec) -> [String] {
        var lines = ["\(spec.usage)" + (spec.alias.map { "   (alias: \($0))" } ?? ""), "  \(spec.summary)"]
        if !spec.details.isEmpty { lines += spec.details.split(separator: "\n").map { "  " + $0 } }
        if spec.takesSpans { lines += spanHelp.split(separator: "\n").map { "  " + $0 } }
        if !spec.examples.isEmpty { lines.append("  examples:") }
        lines += spec.examples.map { "    " + $0 }
        return lines
    }
}
