@testable import Annotations
import Foundation
import Testing
import TestSupport
@testable import WorkbenchTeam

/// A clock a test sets: it reads `now`, moved by the test, plus `step` more at every reading.
final class SettableTeamClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: UInt64 = 1_000_000_000_000
    private var step: UInt64 = 0

    /// Moves the clock forward by `seconds` now, and by `perReading` seconds at each later reading.
    func advance(by seconds: UInt64, perReading: UInt64 = 0) {
        lock.lock()
        defer { lock.unlock() }
        now += seconds * 1_000_000_000
        step = perReading * 1_000_000_000
    }

    var clock: TeamClock {
        TeamClock { [self] in
            lock.lock()
            defer { lock.unlock() }
            now += step
            return now
        }
    }
}

/// Deadlines on a clock nobody sets, read rights an older `team init` cannot widen, and lines stored
/// before layout 3 that are not their session's work, found when the tables are brought up to date.
@Suite("Team mode: deadlines, read rights, lines stored before layout 3", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamLayoutUpgradeTests {
    /// Every wait for an answer and a transaction's deadline are measured on the connection's clock
    /// (the system's monotonic one unless a test gives its own), never on the wall clock, which the
    /// user or NTP may set: a jump forward ended a healthy push, a jump back let a stuck one run on.
    /// Here the test's clock jumps an hour: the answer and the transaction end by it.
    @Test func deadlinesAreMeasuredOnTheConnectionsClock() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let settable = SettableTeamClock()
        let connection = try PostgresConnection(
            url: try DatabaseURL(team.serverURL), timeoutSeconds: 5, user: team.name("anna"), passwordFile: team.pgpass, clock: settable.clock)
        defer { connection.close() }
        #expect(try connection.query("SELECT 1 AS one").first("one") == "1")
        // The clock running an hour per reading: the answer's time is over before it can come.
        settable.advance(by: 0, perReading: 3600)
        #expect { try connection.query("SELECT pg_sleep(0.2)") } throws: { error in
            guard case .timedOut(_, let seconds) = error as? TeamError else { return false }
            return seconds == 5
        }
        settable.advance(by: 0, perReading: 0)
        try connection.reconnect()
        // A transaction of 4 s whose clock jumps an hour between two statements ends rolled back.
        #expect {
            try connection.transaction(deadline: 4) { () throws(TeamError) in
                try connection.query("SELECT 1")
                settable.advance(by: 3600)
                try connection.query("SELECT 2")
            }
        } throws: { error in
            guard case .transactionTimedOut(_, let seconds) = error as? TeamError else { return false }
            return seconds == 4
        }
        // The default clock is the standard library's SuspendingClock: what it reads between two of
        // its readings lies within them.
        #expect(try team.connect(as: "anna").clock.nanoseconds() > 0)
        let before = SuspendingClock.now
        let first = TeamClock.monotonic.nanoseconds()
        Thread.sleep(forTimeInterval: 0.02)
        let second = TeamClock.monotonic.nanoseconds()
        let after = SuspendingClock.now
        #expect(second > first && Duration.nanoseconds(Int64(second - first)) <= before.duration(to: after))
    }

    /// An older owner's `team init` puts back its permissive read policies and a
    /// `workbench.reads_all()` naming `pg_has_role` without its schema: a member who may create a
    /// function in a schema of hers answers it with her own and read every session. The restrictive
    /// read policies (`sessions_own_read`, `events_own_read`) keep her to her own session whatever
    /// the older init put back.
    @Test func anOlderInitsReadPoliciesDoNotWidenWhatAMemberReads() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let bob = team.name("bob"), anna = team.name("anna")
        try team.markFirstSentenceDone(as: "bob")
        // The first version's statements for reading, replayed as its team init runs them.
        try team.asOwner(
            """
            CREATE OR REPLACE FUNCTION workbench.reads_all() RETURNS boolean LANGUAGE sql STABLE AS $$
              SELECT pg_has_role(current_user, 'workbench_reviewer', 'MEMBER') OR pg_has_role(current_user, 'workbench_adjudicator', 'MEMBER')
            $$
            """,
            "DROP POLICY IF EXISTS sessions_read ON workbench.sessions",
            "CREATE POLICY sessions_read ON workbench.sessions FOR SELECT USING (name = current_user OR workbench.reads_all())",
            "DROP POLICY IF EXISTS events_read ON workbench.events",
            "CREATE POLICY events_read ON workbench.events FOR SELECT USING (session = current_user OR workbench.reads_all())",
            // A schema anna may create functions in (as public was before PostgreSQL 15).
            "CREATE SCHEMA annas",
            "GRANT USAGE, CREATE ON SCHEMA annas TO \(anna)")
        let connection = try team.connect(as: "anna")
        defer { connection.close() }
        try connection.query("CREATE FUNCTION annas.pg_has_role(name, text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true'")
        try connection.query("SET search_path = annas, pg_catalog")
        #expect(try connection.query("SELECT workbench.reads_all() AS all").first("all") == "t")
        #expect(try connection.query("SELECT count(*)::text AS n FROM workbench.events WHERE session = $1", [bob]).first("n") == "0")
        #expect(try connection.query("SELECT count(*)::text AS n FROM workbench.sessions WHERE name = $1", [bob]).first("n") == "0")
        // Bob still reads his own.
        let bobs = try team.connect(as: "bob")
        defer { bobs.close() }
        #expect(try bobs.query("SELECT count(*)::text AS n FROM workbench.events WHERE session = $1", [bob]).first("n") == "1")
    }

    /// Both read policies asked `pg_has_role` for every row a reviewer or adjudicator read: a
    /// reviewer's pull of 100 000 lines spent most of the server's time per batch there. Whether the
    /// role reads all is now asked once per statement (an InitPlan), and the answer is the same:
    /// the reviewer reads every session, an annotator only her own.
    @Test func whetherARoleReadsEverySessionIsAskedOncePerStatement() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator"), ("rita", "reviewer")])
        defer { team.drop() }
        let anna = try team.markFirstSentenceDone(as: "anna")
        try team.markFirstSentenceDone(as: "bob")
        let rita = try team.connect(as: "rita")
        defer { rita.close() }
        for table in ["events WHERE session = $1 AND sequence > 0 ORDER BY sequence", "sessions WHERE name = $1"] {
            let plan = try rita.query("EXPLAIN (VERBOSE) SELECT * FROM workbench.\(table)", [anna]).values("QUERY PLAN").compactMap { $0 }
            let filters = plan.filter { $0.contains("Filter:") }
            #expect(!filters.isEmpty && filters.allSatisfy { !$0.contains("pg_has_role") && !$0.contains("reads_all") }, "\(plan.joined(separator: "\n"))")
            #expect(plan.contains { $0.contains("InitPlan") }, "\(plan.joined(separator: "\n"))")
        }
        #expect(try rita.query("SELECT count(*)::text AS n FROM workbench.events").first("n") == "2")
        #expect(try rita.query("SELECT count(*)::text AS n FROM workbench.sessions").first("n") == "2")
        let annas = try team.connect(as: "anna")
        defer { annas.close() }
        #expect(try annas.query("SELECT count(*)::text AS n FROM workbench.events").first("n") == "1")
        #expect(try annas.query("SELECT string_agg(name, ',') AS n FROM workbench.sessions").first("n") == anna)
    }

    /// Lines a member stored before layout 3 that name another person as their author (and a header
    /// naming another annotator) are found when `team init` brings the tables up to date: named by
    /// session and sequence, kept as stored, listed in `workbench.unowned_lines`, and shown again
    /// by `team status` (to the member only her own).
    @Test func linesStoredBeforeLayoutThreeThatAreNotTheirSessionsWorkAreFound() async throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna"), bob = team.name("bob")
        try team.markFirstSentenceDone()
        // Back to layout 2, and what a member could store then: bob's event in anna's session, a
        // header naming anna in bob's.
        try team.downgradeToLayoutTwo()
        let forged = TeamOwnWorkTests.statusLine(bob, seq: 2)
        try team.asOwner(
            "INSERT INTO workbench.events (session, sequence, line, entry) VALUES ('\(anna)', 2, '\(forged)', '\(forged)'::jsonb)",
            #"INSERT INTO workbench.sessions (name, header, header_line) VALUES ('\#(bob)', '{}', '{"annotator":"\#(anna)","corpus":{}}')"#)
        let seeds = WorkbenchProcess.packageRoot.appendingPathComponent("seeds").path
        let upgrade = try await WorkbenchProcess.run(["team", "init", team.url, "--corpus", seeds], environment: team.environment)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        #expect(upgrade.stderr.contains("bringing the events table up to layout \(TeamSchema.layout)"), "\(upgrade.stderr)")
        #expect(upgrade.stderr.contains("2 line(s) stored before"), "\(upgrade.stderr)")
        #expect(upgrade.stderr.contains("session '\(anna)' sequence 2: its event names '\(bob)' as the annotator who made it"), "\(upgrade.stderr)")
        #expect(upgrade.stderr.contains("session '\(bob)' header: its header names '\(anna)' as the annotator"), "\(upgrade.stderr)")
        let owner = try team.owner()
        defer { owner.close() }
        // Kept as stored.
        #expect(try owner.query("SELECT line FROM workbench.events WHERE session = $1 AND sequence = 2", [anna]).first("line") == forged)
        #expect(try owner.query("SELECT layout::text AS l FROM workbench.project").first("l") == String(TeamSchema.layout))
        // Each member sees her own in team status; a second init finds nothing new and says the same.
        let annasView = try TeamProject(connection: try team.connect(as: "anna")).unownedLines()
        #expect(annasView.map(\.session) == [anna] && annasView.map(\.sequence) == [2])
        let status = try await WorkbenchProcess.run(["team", "status", "--team", team.serverURL], environment: team.environment.merging(["PGUSER": anna]) { $1 })
        #expect(status.stderr.contains("1 line(s) stored before") && status.stderr.contains("sequence 2"), "\(status.stdout) \(status.stderr)")
        let again = try await WorkbenchProcess.run(["team", "init", team.url, "--corpus", seeds], environment: team.environment)
        #expect(again.status == 0 && again.stderr.contains("2 line(s) stored before") && !again.stderr.contains("bringing"), "\(again.stderr)")
    }

    /// `team init` and `team status` named the lines stored before layout 3 that are not their
    /// session's work, but `stats --team`, `agree --team` and `export --team` counted them as the
    /// session's work without a word. Each now says so on standard error, in one line with the
    /// count, the sessions and what to do (the wording of status); only of the sessions it read.
    @Test func commandsThatReadTeamSessionsNameTheirUnownedLines() async throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let anna = try team.markFirstSentenceDone(as: "anna"), bob = try team.markFirstSentenceDone(as: "bob")
        try team.downgradeToLayoutTwo()
        let forged = TeamOwnWorkTests.statusLine(bob, seq: 2)
        try team.asOwner("INSERT INTO workbench.events (session, sequence, line, entry) VALUES ('\(anna)', 2, '\(forged)', '\(forged)'::jsonb)")
        try team.setUp()
        let headline = "warning: 1 line(s) stored before this workbench checked whose work a line is are not the work of their session's role "
            + "(kept as stored, listed in workbench.unowned_lines: SELECT * FROM workbench.unowned_lines; "
            + "leave such a session out by naming the others, or have its member redo the work in a fresh session)"
        let notice = headline + ": in session(s) '\(anna)' (1); team status lists each line"
        let out = team.folder + "/export"
        for arguments in [["stats"], ["agree"], ["export", "--format", "jsonl", "--out", out]] {
            let run = try await WorkbenchProcess.run(arguments + ["--team", team.url], environment: team.environment)
            #expect(run.status == 0, "\(arguments[0]): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").contains { $0 == notice }, "\(arguments[0]): \(run.stderr)")
        }
        // Only the sessions read: bob's alone has none.
        let bobs = try await WorkbenchProcess.run(["stats", "--team", team.url, bob], environment: team.environment)
        #expect(bobs.status == 0 && !bobs.stderr.contains("stored before"), "\(bobs.stderr)")
        // team status says the same, with each line.
        let status = try await WorkbenchProcess.run(["team", "status", "--team", team.url], environment: team.environment)
        #expect(status.stderr.contains(headline + ":\n  session '\(anna)' sequence 2: its event names '\(bob)'"), "\(status.stderr)")
    }

    /// The `team init` of a workbench of layout 1 creates its per-line notification trigger again on
    /// tables of this layout (it does not know their layout and leaves it): every stored line's
    /// session and number went to every listener, and every writer's commit waited behind the
    /// others'. Every connection that writes now finds it: a member's session and push are refused,
    /// naming the version and what the owner runs; the table's owner has it removed; init removes it.
    @Test func anOlderInitsPerLineTriggerIsFoundAtEveryConnectionThatWrites() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = try team.markFirstSentenceDone()
        try team.putBackTheOlderNotificationTrigger()
        func refused(_ error: any Error) -> Bool { refusal("\(error)") }
        func refusal(_ text: String) -> Bool {
            return text.contains("carry the per-line notification trigger (events_notify on workbench.events)")
                && text.contains("a workbench of layout 1") && text.contains("nothing was stored")
                && text.contains("runs workbench team init") && text.contains("with this workbench (layout \(TeamSchema.layout))")
        }
        #expect { _ = try team.openStore() } throws: { refused($0) }
        let project = TeamProject(connection: try team.connect(as: "anna"))
        defer { project.connection.close() }
        let other = team.folder + "/other.json"
        _ = try TeamTransfer(project: project).pull(anna, to: other)
        #expect { _ = try TeamTransfer(project: project).push(other) } throws: { refused($0) }
        // A session open before the older init ran: its next edit reconnects after a lost connection
        // and is refused there too.
        try team.asOwner("DROP TRIGGER events_notify ON workbench.events")
        let (store, key) = try team.openStore()
        try team.putBackTheOlderNotificationTrigger()
        try team.asOwner("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(anna)' AND pid <> pg_backend_pid()")
        // The first edit may find the connection lost; the next reconnects and is refused.
        var failures: [String] = []
        for _ in 0..<2 {
            do { try store.perform(.setStatus(key, .flagged), time: "2026-01-01T09:00:02Z", annotator: anna, group: nil) } catch { failures.append("\(error)") }
        }
        #expect(failures.contains { refusal($0) }, "\(failures)")
        try? store.close()
        // team init removes it; the table's owner, connecting to write, has it removed and is told.
        try team.setUp()
        let triggers = "SELECT count(*)::text AS n FROM pg_trigger WHERE tgrelid = 'workbench.events'::regclass AND NOT tgisinternal"
        let check = try team.owner()
        defer { check.close() }
        #expect(try check.query(triggers).first("n") == "0")
        #expect(try check.query("SELECT to_regprocedure('workbench.notify_event()') IS NULL AS gone").first("gone") == "t")
        try team.putBackTheOlderNotificationTrigger()
        #expect(try TeamSchema.replaceOrRefuseOlderTrigger(on: check, url: try DatabaseURL(team.url))?.contains("removed the per-line notification trigger") == true)
        #expect(try check.query(triggers).first("n") == "0")
        #expect(try TeamSchema.replaceOrRefuseOlderTrigger(on: check, url: try DatabaseURL(team.url)) == nil)
        let (again, _) = try team.openStore()
        #expect(again.session.eventCount == 1)
        try again.close()
    }

    /// `team push` checks the local log as every reader reads it, but it decoded all its events at
    /// once to do so (a million lines: 1.8 GB beside the log's 447 MB) and then sent only lines.
    /// Read in parts, whose events are dropped once read, the check says the same: the same torn
    /// bytes, and a damaged line named by its line in the whole log.
    @Test func aLongLogIsCheckedInPartsAsAWholeReadingChecksIt() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let path = team.folder + "/local.json"
        let data = try TeamLongHistoryTests.localSession(of: team.name("anna"), team: team, events: 300, at: path)
        let log = SessionPaths(path).log
        func check(_ bytes: Data, parts: Int) -> Result<Int, TeamError> {
            Result { () throws(TeamError) in try TeamTransfer.checkLog(bytes, ends: TeamTransfer.lineEnds(bytes), path: log, partBytes: parts) }
        }
        let whole = bytes(check(data, parts: 1 << 30))
        for parts in [1, 300, 2_000, 10_000] { #expect(bytes(check(data, parts: parts)) == whole) }
        #expect(whole == "0")
        let torn = data + Data(#"{"event":{"act"#.utf8)
        for parts in [1, 300, 2_000, 1 << 30] { #expect(bytes(check(torn, parts: parts)) == "14") }
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
        lines[149] = Data(#"{"event":{"action":"status"}}"#.utf8)
        let damaged = lines.reduce(Data()) { $0.isEmpty ? $1 : $0 + Data([0x0A]) + $1 }
        let expected = bytes(check(damaged, parts: 1 << 30))
        #expect(expected.contains(":150: damaged log line"), "\(expected)")
        for parts in [1, 300, 2_000, 10_000] { #expect(bytes(check(damaged, parts: parts)) == expected) }
    }

    private func bytes(_ result: Result<Int, TeamError>) -> String {
        switch result {
        case .success(let torn): String(torn)
        case .failure(let error): error.description
        }
    }
}
