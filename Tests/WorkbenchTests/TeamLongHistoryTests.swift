@testable import Annotations
import Foundation
import Testing
import TestSupport
@testable import WorkbenchTeam

/// A long history in team mode: read in batches under the statement deadline, pulled with one
/// check, pushed in multi-row statements, and lines named both by their line in the log and their
/// `sequence` in the table.
@Suite("Team mode: long histories", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamLongHistoryTests {
    /// A local session of `member` (a full name) with `events` status events (and nothing else),
    /// written to `path` through the ordinary writer: the log a REPL would write.
    static func localSession(of member: String, team: TeamFixture, events: Int, at path: String) throws -> Data {
        let (segmented, schema) = try team.corpus()
        var session = Session(annotator: member, corpus: CorpusReference(segmented), schema: schema, created: "2026-01-01T09:00:00Z")
        session.id = Session.derivedID(name: member, created: session.created, annotator: member)
        let keys = segmented.documents.flatMap { document in document.sentences.indices.map { SentenceKey(document: document.document.id, sentence: $0) } }
        for index in 0..<events {
            try session.perform(.setStatus(keys[index % keys.count], index % 2 == 0 ? .done : .flagged), time: "2026-01-01T09:00:00Z")
        }
        let target = try LockedSessionFile(path: SessionPaths(path).snapshot, now: "2026-01-01T09:00:00Z")
        defer { target.release() }
        try target.write(session.file)
        return try #require(FileManager.default.contents(atPath: SessionPaths(path).log))
    }

    /// Makes every line a role reads from `workbench.events` cost about a millisecond of the
    /// server's time (a function in the read policy): a read of thousands of lines in one
    /// statement then outlasts a short statement deadline, as millions would the usual one.
    static func slowDownEveryReadLine(_ team: TeamFixture) throws {
        try team.asOwner(
            "CREATE FUNCTION workbench.test_slow_line() RETURNS boolean LANGUAGE sql VOLATILE AS $$ SELECT true FROM pg_catalog.pg_sleep(0.001) $$",
            "ALTER POLICY events_read ON workbench.events USING ((session = current_user OR workbench.reads_all()) AND workbench.test_slow_line())")
    }

    /// `team pull` read a session's lines in one statement: past the statement deadline (here
    /// made 1.5 s, with 3 000 lines of 1 ms each) the pull failed, whatever the history. Read in
    /// batches, each well within the deadline, it is pulled whole, byte for byte, with the progress
    /// told after each batch.
    @Test func aPullOfMoreLinesThanOneStatementCanReadInTimeWorksInBatches() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let bytes = try Self.localSession(of: anna, team: team, events: 3_000, at: team.folder + "/local.json")
        let project = TeamProject(connection: try team.connect(as: "anna"))
        #expect(try TeamTransfer(project: project).push(team.folder + "/local.json") == 3_000)
        project.connection.close()
        try Self.slowDownEveryReadLine(team)

        let reader = TeamProject(connection: try PostgresConnection(url: try DatabaseURL(team.serverURL), timeoutSeconds: 2, user: anna, passwordFile: team.pgpass))
        defer { reader.connection.close() }
        var told: [(task: String, done: Int, total: Int?)] = []
        let pulled = try TeamTransfer(project: reader).pull(anna, to: team.folder + "/pulled.json", batchLines: 100) { told.append(($0, $1, $2)) }
        #expect(pulled.events == 3_000)
        #expect(FileManager.default.contents(atPath: team.folder + "/pulled.jsonl") == bytes)
        let reading = told.filter { $0.task.hasPrefix("reading") && $0.total != nil }
        #expect(reading.count >= 30, "\(reading)")
        #expect(reading.last?.done == 3_000 && reading.last?.total == 3_000, "\(reading)")
        // The pulled session opens as a local one, from its snapshot, and holds every event.
        #expect(try SessionStore.load(path: team.folder + "/pulled.json").eventCount == 3_000)
    }

    /// The batches are read in one snapshot of the database: a line committed while a pull reads
    /// is not half in it, and the pull is the log as it was when it began.
    @Test func theBatchesOfAPullAreOneSnapshot() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("rev", "reviewer")])
        defer { team.drop() }
        let anna = team.name("anna")
        let bytes = try Self.localSession(of: anna, team: team, events: 250, at: team.folder + "/local.json")
        let writer = TeamProject(connection: try team.connect(as: "anna"))
        defer { writer.connection.close() }
        #expect(try TeamTransfer(project: writer).push(team.folder + "/local.json") == 250)
        // 250 more lines in the local log, pushed while the reviewer's pull is between its batches.
        try FileManager.default.removeItem(atPath: team.folder + "/local.json")
        try FileManager.default.removeItem(atPath: team.folder + "/local.jsonl")
        _ = try Self.localSession(of: anna, team: team, events: 500, at: team.folder + "/local.json")
        let reader = TeamProject(connection: try team.connect(as: "rev"))
        defer { reader.connection.close() }
        var pushed = 0
        let pulled = try TeamTransfer(project: reader).pull(anna, to: team.folder + "/pulled.json", batchLines: 100) { task, done, total in
            if task.hasPrefix("reading"), total != nil, done == 100, pushed == 0 { pushed = (try? TeamTransfer(project: writer).push(team.folder + "/local.json")) ?? -1 }
        }
        #expect(pushed == 250)
        #expect(pulled.events == 250)
        #expect(FileManager.default.contents(atPath: team.folder + "/pulled.jsonl") == bytes)
    }

    /// `team push` of a long history sends its lines in multi-row statements; the database still
    /// checks each row as when they went one by one: here a line anna stored by hand at a sequence
    /// the push reaches (1 500; the text of line 11, so that the stored lines read in order are
    /// the local log's first eleven) makes the whole push fail on the key, and nothing of it is stored.
    @Test func aLongPushGoesUpInBatchesAndTheDatabaseStillChecksEveryRow() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let bytes = try Self.localSession(of: anna, team: team, events: 2_345, at: team.folder + "/local.json")
        let local = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { String($0) + "\n" }
        let project = TeamProject(connection: try team.connect(as: "anna"))
        defer { project.connection.close() }
        // The first ten lines, then one by hand far ahead.
        let first = team.folder + "/first.json"
        try FileManager.default.createDirectory(atPath: team.folder, withIntermediateDirectories: true)
        try Data(local.prefix(11).joined().utf8).write(to: URL(fileURLWithPath: team.folder + "/first.jsonl"))
        #expect(try TeamTransfer(project: project).push(first) == 10)
        try project.connection.query(
            "INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 1500, $2::text)", [anna, local[11]])
        #expect(throws: TeamError.self) { try TeamTransfer(project: project).push(team.folder + "/local.json") }
        #expect(try project.connection.query("SELECT count(*) AS n FROM workbench.events").first("n") == "11")

        // Without the line in the way, the whole history goes up, line for line.
        try team.asOwner("DELETE FROM workbench.events WHERE sequence = 1500")
        #expect(try TeamTransfer(project: project).push(team.folder + "/local.json") == 2_335)
        let stored = try #require(try project.log(of: anna))
        #expect(stored.bytes == bytes)
        #expect(stored.sequences == Array(1...2_345))
    }

    /// A damaged line was named by its line in the log as a file (`session anna:12`), while the
    /// table numbers it by `sequence` (here 57, after a gap anna made by hand): the message names
    /// both, so it is found in the pulled file and in the table.
    @Test func aDamagedLineIsNamedByItsLineInTheLogAndItsSequence() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        _ = try Self.localSession(of: anna, team: team, events: 10, at: team.folder + "/local.json")
        let project = TeamProject(connection: try team.connect(as: "anna"))
        defer { project.connection.close() }
        #expect(try TeamTransfer(project: project).push(team.folder + "/local.json") == 10)
        try project.connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 57, E'{\"garbage\": true}\\n')", [anna])
        #expect {
            _ = try TeamTransfer(project: project).pull(anna, to: team.folder + "/pulled.json")
        } throws: { error in
            "\(error)".contains("session \(anna):12 (sequence 57 in workbench.events): damaged log line")
        }
        #expect(!FileManager.default.fileExists(atPath: team.folder + "/pulled.jsonl"))
    }

    /// A line stored by hand that holds two log lines (or lacks its line break) would shift every
    /// later line against its `sequence` (or join the next one to it): it is refused, named by its
    /// `sequence` and its line in the log.
    @Test func aStoredLineThatIsNotOneLineIsRefusedNamingItsSequence() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let bytes = try Self.localSession(of: anna, team: team, events: 12, at: team.folder + "/local.json")
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { String($0) + "\n" }
        let first = team.folder + "/first.json"
        try Data(lines.prefix(11).joined().utf8).write(to: URL(fileURLWithPath: team.folder + "/first.jsonl"))
        let project = TeamProject(connection: try team.connect(as: "anna"))
        defer { project.connection.close() }
        #expect(try TeamTransfer(project: project).push(first) == 10)
        try project.connection.query(
            "INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 11, $2)", [anna, lines[11].replacingOccurrences(of: ",", with: ",\n")])
        #expect {
            _ = try project.session(named: anna)
        } throws: { error in
            "\(error)".contains("the line at sequence 11 in workbench.events (line 12 of the log) is not one line of a log: it holds more than one line")
        }
    }

    /// `replay --team` named the session by its private copy (`/tmp/workbench-team-PID/anna.json`),
    /// removed when the command ends; it names the team session.
    @Test func replayNamesTheTeamSessionNotItsPrivateCopy() async throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let run = try await team.annotate(anna)
        #expect(run.status == 0, "\(run.stderr)")
        let url = team.serverURL + "?user=\(anna)"
        let verified = try await WorkbenchProcess.run(["replay", "--team", url, anna, "--verify"], environment: team.environment)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("team session \(anna): verified:"), "\(verified.stdout)")
        let transcript = try await WorkbenchProcess.run(["replay", "--team", url, anna], environment: team.environment)
        #expect(transcript.stdout.hasPrefix("replay of team session \(anna):"), "\(transcript.stdout)")
        // A damaged line: the failure names the team session, its line and its sequence.
        let connection = try team.connect(as: "anna")
        try connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 900, E'{\"garbage\": true}\\n')", [anna])
        connection.close()
        let damaged = try await WorkbenchProcess.run(["replay", "--team", url, anna, "--verify"], environment: team.environment)
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("(sequence 900 in workbench.events): damaged log line"), "\(damaged.stderr)")
        for output in [verified.stdout, verified.stderr, transcript.stdout, damaged.stderr] { #expect(!output.contains("workbench-team-"), "\(output)") }
    }

    /// `replay --team` and `replay --verify --team` took the session's name apart again from the
    /// path of its private copy: a session named `anna.json` (a role made by hand, or a row the owner
    /// wrote) was shown as `team session anna`, another session's name. The pull returns the name the
    /// user gave, and every message uses it; `stats --team` labels it so too.
    @Test func replayNamesTheTeamSessionByTheNameThePullReturns() async throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        try team.markFirstSentenceDone()
        let dotted = anna + ".json"
        try team.asOwner(
            "INSERT INTO workbench.sessions (name, kind, header, header_line) SELECT '\(dotted)', kind, header, header_line FROM workbench.sessions WHERE name = '\(anna)'",
            "INSERT INTO workbench.events (session, sequence, line) SELECT '\(dotted)', sequence, line FROM workbench.events WHERE session = '\(anna)'")
        let verified = try await WorkbenchProcess.run(["replay", "--team", team.url, dotted, "--verify"], environment: team.environment)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("team session \(dotted): verified: 1 event"), "\(verified.stdout)")
        let transcript = try await WorkbenchProcess.run(["replay", "--team", team.url, dotted], environment: team.environment)
        #expect(transcript.stdout.hasPrefix("replay of team session \(dotted): 1 event"), "\(transcript.stdout)")
        let missing = try await WorkbenchProcess.run(["replay", "--team", team.url, dotted, "--to", "5"], environment: team.environment)
        #expect(missing.status == 1 && missing.stderr.contains("team session \(dotted): "), "\(missing.stderr)")
        // Both sessions at once: two copies, each under its own name (anna.json met anna's files).
        let stats = try await WorkbenchProcess.run(["stats", "--team", team.url, anna, dotted], environment: team.environment)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.hasPrefix("\(anna)\n") && stats.stdout.contains("\n\(dotted)\n"), "\(stats.stdout)")
        for output in [verified.stdout, transcript.stdout, missing.stderr, stats.stdout] { #expect(!output.contains("workbench-team-"), "\(output)") }
    }

    /// A local log ending in a torn line (an append cut short) was pushed with a line break added:
    /// a line the local session does not hold. The push is refused and says how to mend it.
    @Test func aPushOfALogEndingInATornLineIsRefused() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let bytes = try Self.localSession(of: anna, team: team, events: 3, at: team.folder + "/local.json")
        var torn = bytes
        torn.append(contentsOf: Array("{\"event\":{\"ac".utf8))
        try torn.write(to: URL(fileURLWithPath: team.folder + "/local.jsonl"))
        let project = TeamProject(connection: try team.connect(as: "anna"))
        defer { project.connection.close() }
        #expect {
            _ = try TeamTransfer(project: project).push(team.folder + "/local.json")
        } throws: { error in
            "\(error)".contains("ends in a torn line (13 byte(s) after its last line break") && "\(error)".contains("nothing was uploaded")
        }
        #expect(try project.connection.query("SELECT count(*) AS n FROM workbench.sessions").first("n") == "0")
        try bytes.write(to: URL(fileURLWithPath: team.folder + "/local.jsonl"))
        #expect(try TeamTransfer(project: project).push(team.folder + "/local.json") == 3)
    }
}
