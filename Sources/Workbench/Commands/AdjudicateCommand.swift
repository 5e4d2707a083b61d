import Annotations
import ArgumentParser
import Foundation
import WorkbenchShell
import WorkbenchTerminal
import WorkbenchTeam

/// `workbench adjudicate`: merge annotators' sessions into one, deciding only where they disagree.
struct AdjudicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjudicate",
        abstract: "Merge annotators' sessions, deciding only where they disagree.",
        discussion: """
            Agreed annotations are merged automatically (their annotators in "sources", the annotations they \
            were taken from in "origin"), and so are sentence statuses every annotator gave alike; statuses \
            they differ on stay open. Two annotations on one span with different speakers are two units. For \
            each disagreement the versions are shown side by side with the span in [brackets]; answer a version \
            number, several (1,2), none, e N field=value (form, negated, hedged, role, label) to take version N edited, \
            aa N to take version N here and in every later disagreement of this document whose versions differ only \
            in the fields that differ here, or q to stop. The field that differs is named first; overlapping mentions \
            of one speaker are one unit. The result is a new session (--out) whose events are the adjudicator's decisions; the inputs \
            are never modified. Running again with the same --out continues where it stopped. Reads answers \
            from standard input, so it works piped.
            """
    )

    @OptionGroup var teamSessions: TeamSessionsOption
    /// The team database the sessions are read from, if any.
    var team: DatabaseURL? { teamSessions.team }

    @Argument(help: "Session files, one per annotator (at least two).", completion: CompletionKinds.sessionFile)
    var sessions: [String] = []

    @Option(help: "The result session (created, or continued when it exists): a name such as 'gold' becomes sessions/gold.json, as for review --out and replay --out; a path is taken as it is.", completion: CompletionKinds.sessionName)
    var out: String

    @Option(help: "The adjudicator's name (default: $USER; with --team, the connecting role, the only name taken there).")
    var adjudicator: String?

    @Flag(help: "Adjudicate every document, also those some annotator did not touch (default: only documents every annotator touched, as agree scores them).")
    var allDocuments = false

    func validate() throws {
        if team == nil, sessions.count < 2 { throw ValidationError("give at least two session files, one per annotator") }
        try EmptyPathArgument.refuse(sessions, as: "a session argument", naming: EmptyPathArgument.session)
        if let problem = LoadedSession.repeated(sessions) { throw ValidationError(problem) }
    }

    mutating func run() throws {
        if let team { sessions = try TeamSessions.pull(team, names: sessions).map(\.path) } else { sessions = sessions.map { SessionArgument.path($0) } }
        // The same naming rules as review --out and replay --out: a bare name is sessions/NAME.json,
        // a path (with `/` or `~`) is that file anywhere on disk, `.json` added when missing.
        out = try CLIFailure.from { [out] in try SessionPaths.path(for: out) }
        let loaded = try LoadedSession.load(sessions)
        if loaded.contains(where: { LockedSessionFile.namesSameSession($0.path, out) }) {
            throw CLIFailure("--out \(out) is one of the inputs; inputs are never modified, choose a new file")
        }
        // Before anything is written: a decision taking one annotator's label would not be a label
        // of the result's schema (the first session's), and the run stopped half way.
        for other in loaded.dropFirst() {
            if let difference = loaded[0].session.schema.labelDifference(from: other.session.schema) {
                throw CLIFailure(
                    "\(TerminalText.sanitize(loaded[0].path)) and \(TerminalText.sanitize(other.path)) use different schemas (\(TerminalText.sanitize(difference))); adjudicate only sessions annotated with one schema; nothing was written")
            }
        }
        // In a team database the result is stored as the connecting role's session, whose header must
        // name that role (the database refuses another): the adjudicator is that role.
        let role = try team.map { url throws(CLIFailure) -> String in try TeamSessions.role(url) }
        if let role, let adjudicator, adjudicator != role {
            throw CLIFailure(
                "--adjudicator \(TerminalText.sanitize(adjudicator)) does not go with --team: the adjudicated session is stored as your role's session ('\(role)') "
                    + "and carries its name; leave --adjudicator out (or give \(role)); nothing was written",
                exitCode: ExitStatus.usage.rawValue)
        }
        let given = role ?? adjudicator ?? LoginName.current() ?? "adjudicator"
        guard !given.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIFailure("the adjudicator name is empty; pass --adjudicator NAME") }
        let name = try AnnotateCommand.annotatorName(given, role: "adjudicator", fromLogin: role == nil && adjudicator == nil)
        let file: LockedSessionFile
        file = try CLIFailure.from { try LockedSessionFile(path: out, now: Timestamp.now()) }
        defer { file.release() }
        // The one plain reader, at a terminal as piped: from here on, `kill` and a hang-up end its input
        // as its end does (the annotation REPL's reader), so the run ends as by `q`, every decision
        // written and the lock released, and its status then says it was stopped.
        let answers = PlainLineReader(endingOnStopSignals: true)
        var result: Session
        if file.existingFile != nil {
            result = try CLIFailure.from { try SessionStore.load(path: out) }
            // Going on is for an adjudication (a session made from others); an annotator's own
            // session would get the adjudicator's decisions mixed into its annotations.
            if let difference = result.schema.labelDifference(from: loaded[0].session.schema) {
                throw CLIFailure(
                    "\(TerminalText.sanitize(out)) uses another schema than the sessions (\(TerminalText.sanitize(difference))); it is left as it is: choose another --out")
            }
            guard let sources = result.derivedFrom, !sources.isEmpty else {
                throw CLIFailure(
                    "\(TerminalText.sanitize(out)) is an annotator's session, not an adjudication (it was not made from other sessions); it is left as it is: choose another --out")
            }
            // An adjudication of other sessions: its decisions would mix with this run's. Sessions are
            // matched by the same path or by file name (the adjudication may have been begun from
            // another folder, with other relative paths).
            let inputs = loaded.map(\.path)
            let matches = sources.contains { source in
                inputs.contains { LockedSessionFile.namesSameSession(source, $0) || Self.label(of: source) == Self.label(of: $0) }
            }
            if !matches {
                throw CLIFailure(
                    "\(TerminalText.sanitize(out)) is the adjudication of \(sources.map { TerminalText.sanitize($0) }.joined(separator: ", ")), not of \(inputs.map { TerminalText.sanitize($0) }.joined(separator: ", ")); it is left as it is: choose another --out")
            }
        } else {
            let now = Timestamp.now()
            result = Session(
                annotator: name, corpus: loaded[0].session.corpus, schema: loaded[0].session.schema, created: now,
                derivedFrom: loaded.map(\.path))
        }
        try CLIFailure.from { try AgreementReport.checkSameCorpus(annotators: loaded.map(\.name) + [name], sessions: loaded.map(\.session) + [result]) }
        let labels = try Self.labels(of: loaded.map(\.path), continuing: result.derivedFrom, out: out)
        // Like agree: only documents every annotator touched, unless --all-documents.
        let states = loaded.map(\.session.state)
        var documents: Set<String>?
        if !allDocuments {
            let shared = TouchedDocuments.byEvery(states)
            documents = shared
            for entry in loaded[0].session.corpus.documents where !shared.contains(entry.id) {
                let by = loaded.indices.filter { TouchedDocuments.of(states[$0]).contains(entry.id) }
                guard !by.isEmpty else { continue }
                StandardError.write("note: document \(TerminalText.sanitize(entry.id)) was annotated only by \(by.map { TerminalText.sanitize(loaded[$0].name) }.joined(separator: ", ")); it is left out (--all-documents includes it)")
            }
        }
        let plan = AdjudicationPlan(annotators: loaded.map(\.name), labels: labels, states: states, documents: documents)
        let adjudicatorTool = Adjudicator(plan: plan, adjudicator: name)
        do {
            let statuses = try adjudicatorTool.mergeStatuses(into: &result, time: Timestamp.now())
            let notes = try adjudicatorTool.mergeSentenceNotes(into: &result, time: Timestamp.now())
            if statuses + notes > 0 { try file.write(result.file) }
        } catch {
            throw CLIFailure("cannot record the merged sentence statuses and notes in \(out): \(error)")
        }
        let open = plan.units.filter { !adjudicatorTool.isDecided($0, in: result.state) }
        let disagreements = open.filter { !$0.agreed }.count
        var merged = 0, decided = 0, number = 0
        var output = StandardOutput()
        output.write("adjudicating \(plan.units.count) units: \(plan.units.count - open.count) already decided, \(disagreements) disagreements to go\n")
        output.flush()
        var stopped = false
        var refused = 0
        var alike: AcceptAlike?
        for unit in open {
            var choice = AdjudicationChoice.take([0])
            if !unit.agreed {
                number += 1
                if let rule = alike, rule.covers(unit) {
                    choice = .take([rule.version])
                    output.write("\n[\(number)/\(disagreements)] \(unit.kind) \(unit.sentence.map { "\($0)" } ?? ""): version \(rule.version + 1) taken (aa)\n")
                } else {
                    output.write(StyledLine.forTerminal(Self.render(unit, plan: plan, number: number, of: disagreements)))
                    output.flush()
                    guard let answer = Self.ask(&output, reader: answers, versions: unit.versions.map { $0 != nil }, refused: &refused) else { stopped = true; break }
                    choice = answer
                    if choice == .quit { stopped = true; break }
                    if case .acceptAlike(let version) = answer, let sentence = unit.sentence {
                        alike = AcceptAlike(document: sentence.document, fields: Set(unit.differingFields), version: version)
                    }
                }
                decided += 1
            } else {
                merged += 1
            }
            do {
                try adjudicatorTool.apply(choice, to: unit, session: &result, time: Timestamp.now())
                try file.write(result.file)
            } catch {
                throw CLIFailure("cannot record the decision in \(out): \(error)")
            }
        }
        if open.isEmpty {
            do { try file.write(result.file) } catch { throw CLIFailure("cannot write \(out): \(error.description)") }
        }
        output.write("sentence statuses: \(plan.agreedStatuses.count) agreed, \(plan.differingStatuses.count) left open where the annotators differ\n")
        output.write("merged \(merged) agreed, decided \(decided); \(stopped ? "stopped, run again to continue" : "done") — \(out)\n")
        output.flush()
        if let team {
            // The adjudicated session goes to the team database as the adjudicator's (connecting role's) session.
            let project = try TeamCommand.project(team)
            let out = self.out
            let added = try TeamCommand.run { () throws(TeamError) in try TeamTransfer(project: project).push(out, kind: "adjudication") }
            StandardOutput.line("stored the adjudicated session in the team database as \(project.connection.user) (\(added) new line(s))")
        }
        if let signal = answers.stopSignal {
            // Stopped from outside: every decision taken is written, and the status says so
            // (``ExitStatus/stopped(by:)``), as for the annotation REPL and review.
            let status = ExitStatus.stopped(by: signal)
            let unused = refused > 0 ? " (\(refused) answer(s) were refused, see the lines above)" : ""
            throw CLIFailure(status.stoppedLabel + ": every decision taken was saved in \(TerminalText.sanitize(out))" + unused, exitCode: status.rawValue)
        }
        // As in the annotation REPL: answers from a pipe or a file that could not be used fail the
        // run, so a script notices; at a terminal the adjudicator has answered again.
        if refused > 0, !TerminalCapabilities.detect().isInteractive {
            throw CLIFailure("\(refused) answer(s) were refused (see the lines above); every decision taken was saved in \(out)")
        }
    }

    /// A session's label in the result's origins by its path alone: its file name without `.json`.
    static func label(of path: String) -> String { AdjudicationInputs.label(of: path) }

    /// The labels the result's origins name `inputs` by. A new result: by file name, told apart in
    /// the order given. A result continued: as its first run named them (the inputs it records), so
    /// sessions of one file name in different folders keep their labels in any order; an input it
    /// does not record gets a label of its own. An input whose file name several recorded inputs
    /// share, none of them this file, cannot be told apart and is refused.
    static func labels(of inputs: [String], continuing recorded: [String]?, out: String) throws -> [String] {
        guard let recorded, !recorded.isEmpty else { return AdjudicationInputs(paths: inputs).labels }
        let earlier = AdjudicationInputs(paths: recorded)
        let known = inputs.map { earlier.label(for: $0) }
        var newcomers: [String] = []
        for (path, earlierLabel) in zip(inputs, known) where earlierLabel == nil {
            if recorded.contains(where: { Self.label(of: $0) == Self.label(of: path) }) {
                throw CLIFailure(
                    "cannot tell which of the sessions \(TerminalText.sanitize(out)) was adjudicated from (\(recorded.map { TerminalText.sanitize($0) }.joined(separator: ", "))) \(TerminalText.sanitize(path)) is: they share its file name; run adjudicate from the folder it was begun in, with the same paths")
            }
            newcomers.append(path)
        }
        let fresh = Array(AdjudicationInputs(paths: recorded + newcomers).labels.dropFirst(recorded.count))
        var next = fresh.makeIterator()
        return known.map { $0 ?? next.next() ?? "" }
    }

    /// Reads answers from `reader` until one is usable; `nil` at the end of input (or when a stop signal
    /// ended it). Counts unusable answers in `refused`.
    static func ask(_ output: inout StandardOutput, reader: PlainLineReader, versions: [Bool], refused: inout Int) -> AdjudicationChoice? {
        while true {
            output.write("choice (N, N,M, none, e N field=value, aa N, q)> ")
            output.flush()
            // The one plain reader: a line that is not UTF-8 or far longer than any answer (a file
            // piped in by mistake) is refused by the REPL's words, and never held whole.
            let input = reader.readLine(prompt: StyledLine(), style: TerminalStyle(noColor: true))
            guard case .line(let line) = input else {
                guard let refusal = input.refusal else { output.write("\n"); return nil }
                output.write("error: \(refusal)\n")
                refused += 1
                continue
            }
            switch AdjudicationChoice.parse(line, versions: versions) {
            case .success(let choice): return choice
            case .failure(let error):
                output.write("\(error)\n")
                refused += 1
            }
        }
    }

    /// The versions side by side: one line per annotator, the span in brackets within its context.
    static func render(_ unit: AdjudicationUnit, plan: AdjudicationPlan, number: Int, of total: Int) -> String {
        // Every name, quote and id from the sessions is sanitised on its own: a line break in one is
        // a placeholder (␊), never a line of its own that reads like one of the versions.
        let sanitize = { (value: String) in TerminalText.sanitize(value) }
        var text = "\n[\(number)/\(total)] \(unit.kind) " + sanitize(unit.sentence.map { "\($0)" } ?? String(unit.key.dropFirst("stance ".count))) + "\n"
        let names = plan.annotators.map(sanitize)
        let width = names.map(\.count).max() ?? 0
        let differing = unit.differingFields
        if let first = differing.first {
            // The one differing field first, each annotator's value side by side.
            let values = unit.versions.indices.map { index in
                "\(index + 1) " + sanitize(unit.fields(of: index).first { $0.name == first }?.value ?? "-")
            }
            text += "  differs in \(first): " + values.joined(separator: " | ")
                + (differing.count > 1 ? " (also " + differing.dropFirst().joined(separator: ", ") + ")" : "") + "\n"
        }
        for (index, version) in unit.versions.enumerated() {
            let label = "  \(index + 1) \(names[index]):" + String(repeating: " ", count: width - names[index].count)
            guard let version else { text += "\(label) (none)\n"; continue }
            let summary = sanitize(unit.summaries[index] ?? "")
            if let anchor = version.anchor {
                let context = sanitize(AdjudicationContext(anchor).line)
                text += "\(label) \(context)" + (summary == "-" ? "" : "  \(summary)") + "\n"
            } else {
                text += "\(label) \(summary)\n"
            }
        }
        return text
    }

    /// An `aa N` answer in force: later disagreements of the document whose versions all exist and
    /// differ only in (some of) the fields take version N without asking.
    struct AcceptAlike {
        var document: String
        var fields: Set<String>
        var version: Int

        func covers(_ unit: AdjudicationUnit) -> Bool {
            guard let sentence = unit.sentence, sentence.document == document, unit.versions[version] != nil else { return false }
            let differing = unit.differingFields
            return !differing.isEmpty && Set(differing).isSubset(of: fields)
        }
    }
}
