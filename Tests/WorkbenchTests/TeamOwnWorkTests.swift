@testable import Annotations
import Foundation
import Testing
import TestSupport
@testable import WorkbenchTeam

/// A member's session holds her own work: the database refuses a line that names another person as
/// the one who made it (an event's annotator, a review's reviewer, a record's annotator without an
/// origin that says where it came from), written by hand or pushed; older workbenches, which send
/// `entry` beside the line, cannot append at all; and a push as a whole has a deadline.
@Suite("Team mode: own work, older workbenches, push deadline", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamOwnWorkTests {
    static let document = "000_f8d7a53538fa2d5e"

    /// A status event line of `annotator` (as the REPL writes it, keys in order).
    static func statusLine(_ annotator: String, seq: Int) -> String {
        #"{"event":{"action":"status","annotator":"\#(annotator)","document":"\#(document)","seq":\#(seq),"sentence":0,"status":"done","time":"2026-01-01T09:00:01.000Z"}}"# + "\n"
    }

    /// A note added by `writer` in an event of `annotator`.
    static func noteLine(_ annotator: String, writer: String, seq: Int, origin: String = "") -> String {
        #"{"event":{"action":"add","annotator":"\#(annotator)","record":{"annotator":"\#(writer)","id":"N\#(seq)",\#(origin)"subject":{"document":"\#(document)","sentence":0},"text":"x","type":"note"},"seq":\#(seq),"time":"2026-01-01T09:00:01.000Z"}}"# + "\n"
    }

    /// anna, with plain SQL (what psql sends), may store her own lines but none that names bob as
    /// the one who made an event or a review, nor a record of bob's that says no origin; one that
    /// repeats a key (the workbench's reader takes the first, the database the last) or spells it
    /// with an escape is refused too. Each refusal names the sequence and why.
    @Test func aMemberCannotStoreALineThatNamesAnotherPersonAsItsAuthor() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna"), bob = team.name("bob")
        let (opened, _) = try team.openStore()
        try opened.close()
        let connection = try team.connect(as: "anna")
        defer { connection.close() }
        func put(_ line: String, at sequence: Int) throws {
            try connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, $2, $3)", [anna, String(sequence), line])
        }
        try put(Self.statusLine(anna, seq: 1), at: 1)
        try put(#"{"cursor":{"document":"\#(Self.document)","sentence":1}}"# + "\n", at: 2)
        let forged: [(line: String, says: String)] = [
            (Self.statusLine(bob, seq: 2), "its event names '\(bob)' as the annotator who made it"),
            (Self.noteLine(anna, writer: bob, seq: 2), "its note record names '\(bob)' as its annotator and no origin"),
            (Self.noteLine(anna, writer: bob, seq: 2, origin: #""origin":{"kind":"typed"},"#), "its note record names '\(bob)'"),
            (#"{"event":{"action":"review","annotator":"\#(anna)","review":{"annotation":"C1","reviewer":"\#(bob)","verdict":"accepted"},"seq":2,"time":"t"}}"# + "\n",
             "its review names '\(bob)' as the reviewer"),
            (Self.statusLine(bob, seq: 2).replacingOccurrences(of: #""annotator":"\#(bob)""#, with: #""annotator":"\#(bob)","annotator":"\#(anna)""#),
             "it names one key twice in an object"),
            (Self.statusLine(bob, seq: 2).replacingOccurrences(of: #""annotator":"\#(bob)""#, with: #""annotator":"\#(bob)","annot\u0061tor":"\#(anna)""#),
             "it names one key twice in an object"),
            (#"{"event":{"annotator":"\#(bob)"},"event":"#
                + Self.statusLine(anna, seq: 2).dropFirst(#"{"event":"#.count), "it names one key twice in an object"),
        ]
        for (line, says) in forged {
            #expect {
                try put(line, at: 3)
            } throws: { error in
                let text = "\(error)"
                return text.contains("the line at sequence 3 of session '\(anna)' is not the work of \(anna): \(says)")
                    && text.contains("a team session holds only the work of the role that writes it") && (error as? TeamError)?.sqlState == "WB001"
            }
        }
        // A record taken from elsewhere says so, and keeps its annotator.
        try put(Self.noteLine(anna, writer: bob, seq: 2, origin: #""origin":{"kind":"imported"},"#), at: 3)
        // entry is the database's reading of the line: it cannot be sent beside it (an older
        // workbench sends it, and is refused), so it never says something else than the line.
        #expect { try connection.query(
            "INSERT INTO workbench.events (session, sequence, entry, line) VALUES ($1, 4, $2::jsonb, $3)", [anna, Self.statusLine(anna, seq: 3), Self.statusLine(bob, seq: 3)])
        } throws: { "\($0)".contains("cannot insert a non-DEFAULT value into column \"entry\"") }
        #expect(try connection.query("SELECT count(*) AS n FROM workbench.events").first("n") == "3")
        #expect(try connection.query("SELECT entry ->> 'cursor' IS NOT NULL AS c FROM workbench.events WHERE sequence = 2").first("c") == "t")
    }

    /// A header that names the annotator twice (the database reads the last, the workbench the
    /// first) is refused: the session would be shown as bob's.
    @Test func aHeaderThatNamesTheAnnotatorTwiceIsRefused() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna"), bob = team.name("bob")
        let connection = try team.connect(as: "anna")
        defer { connection.close() }
        let header = #"{"annotator":"\#(bob)","format":"workbench-session-log","annotator":"\#(anna)"}"# + "\n"
        #expect(throws: TeamError.self) {
            try connection.query("INSERT INTO workbench.sessions (name, header, header_line) VALUES ($1, '{}', $2)", [anna, header])
        }
        #expect(try connection.query("SELECT count(*) AS n FROM workbench.sessions").first("n") == "0")
    }

    /// An adjudication carries each annotator's notes with their writer: an adjudicator's session
    /// may hold anna's note, an annotator's may not.
    @Test func anAdjudicatorsSessionMayCarryAnotherAnnotatorsNote() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("ada", "adjudicator")])
        defer { team.drop() }
        let anna = team.name("anna"), ada = team.name("ada")
        let (store, _) = try team.openStore(as: "ada")
        try store.close()
        let connection = try team.connect(as: "ada")
        defer { connection.close() }
        try connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 1, $2)", [ada, Self.noteLine(ada, writer: anna, seq: 1)])
        #expect(throws: TeamError.self) {
            try connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 2, $2)", [ada, Self.statusLine(anna, seq: 2)])
        }
    }

    /// `team push` of a local log in which one event names bob: refused by the database, naming the
    /// line of the local log, and nothing of the push is stored.
    @Test func aPushOfALogWithAnotherAnnotatorsEventIsRefusedNamingItsLine() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna"), bob = team.name("bob")
        let path = team.folder + "/local.json"
        let bytes = try TeamLongHistoryTests.localSession(of: anna, team: team, events: 6, at: path)
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[5] = lines[5].replacingOccurrences(of: #""annotator":"\#(anna)""#, with: #""annotator":"\#(bob)""#)
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: SessionPaths(path).log))
        let project = TeamProject(connection: try team.connect(as: "anna"))
        defer { project.connection.close() }
        #expect {
            _ = try TeamTransfer(project: project).push(path, batchLines: 2)
        } throws: { error in
            let text = "\(error)"
            return text.contains("push refused: line 6 of \(SessionPaths(path).log): ") && text.contains("names '\(bob)' as the annotator who made it")
                && text.hasSuffix("nothing was uploaded")
        }
        #expect(try project.connection.query("SELECT count(*) AS n FROM workbench.events").first("n") == "0")
        #expect(try project.connection.query("SELECT count(*) AS n FROM workbench.sessions").first("n") == "0")
    }

    /// An older workbench's `team init` puts its own permissive policies back (the first version's
    /// append policy checked only the session's name): the check of whose work a line is stays,
    /// being a restrictive policy of a name no older version knows.
    @Test func anOlderInitsPoliciesDoNotLiftTheCheck() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna"), bob = team.name("bob")
        let (store, _) = try team.openStore()
        try store.close()
        try team.asOwner(
            "DROP POLICY IF EXISTS events_append ON workbench.events",
            "CREATE POLICY events_append ON workbench.events FOR INSERT WITH CHECK (session = current_user)")
        let connection = try team.connect(as: "anna")
        defer { connection.close() }
        #expect { try connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 1, $2)", [anna, Self.statusLine(bob, seq: 1)])
        } throws: { ($0 as? TeamError)?.sqlState == "WB001" }
    }

    /// Tables of layout 2 (before `entry` was the database's): every command but `team init` asks
    /// the owner to run `team init` once more, which brings them up to date, keeping the lines.
    @Test func tablesOfTheLayoutBeforeAreBroughtUpToDateByInit() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        try team.markFirstSentenceDone()
        try team.downgradeToLayoutTwo()
        #expect {
            _ = try team.openStore()
        } throws: { "\($0)".contains("were set up by an older workbench (layout 2; this workbench needs \(TeamSchema.oldestLayout))") && "\($0)".contains("team init") }
        try team.setUp()
        let (reopened, _) = try team.openStore()
        #expect(reopened.session.eventCount == 1)
        try reopened.close()
        let owner = try team.owner()
        defer { owner.close() }
        #expect(try owner.query("SELECT attgenerated::text AS g FROM pg_attribute WHERE attrelid = 'workbench.events'::regclass AND attname = 'entry'").first("g") == "s")
        #expect(try owner.query("SELECT entry ->> 'event' IS NOT NULL AS e FROM workbench.events").first("e") == "t")
    }

    /// A server that answers each statement of a push slowly (here: 0.6 s per statement, within the
    /// 1.5 s a statement may take) held the push's transaction, its claim and its locks, for as long
    /// as the statements added up to. The push as a whole now has a deadline: it ends with a
    /// message, rolled back, nothing stored, and the session is free again.
    @Test func aPushThatOutlastsItsDeadlineEndsRolledBack() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let path = team.folder + "/local.json"
        _ = try TeamLongHistoryTests.localSession(of: anna, team: team, events: 30, at: path)
        try team.asOwner(
            "CREATE FUNCTION workbench.test_slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_catalog.pg_sleep(0.6); RETURN NULL; END $$",
            "CREATE TRIGGER test_slow BEFORE INSERT ON workbench.events FOR EACH STATEMENT EXECUTE FUNCTION workbench.test_slow()")
        let connection = try PostgresConnection(url: try DatabaseURL(team.serverURL), timeoutSeconds: 2, user: anna, passwordFile: team.pgpass)
        let project = TeamProject(connection: connection)
        let deadline = TeamTransfer.pushDeadline(bytes: try #require(FileManager.default.contents(atPath: SessionPaths(path).log)).count, timeoutSeconds: 2)
        #expect(deadline == 6)
        let started = Date()
        #expect {
            _ = try TeamTransfer(project: project).push(path, batchLines: 1)
        } throws: { error in
            (error as? TeamError) == .transactionTimedOut(url: connection.url.redacted, seconds: 6)
                && "\(error)".contains("did not finish the transaction within 6 s") && "\(error)".contains("nothing of it was stored")
        }
        #expect(Date().timeIntervalSince(started) < 9)
        // The server lets go once it notices (at the latest when the statement's time runs out).
        let again = try team.connect(as: "anna")
        defer { again.close() }
        let others = "SELECT count(*) AS n FROM pg_stat_activity WHERE usename = current_user AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
        var open = "1"
        for _ in 0..<50 where open != "0" {
            Thread.sleep(forTimeInterval: 0.1)
            open = try again.query(others).first("n") ?? "?"
        }
        #expect(open == "0")
        let owner = try team.owner()
        defer { owner.close() }
        #expect(try owner.query("SELECT count(*) AS n FROM workbench.events").first("n") == "0")
    }

    /// A push whose client stops between two statements (suspended, or stuck) held its transaction
    /// and locks open for as long: the server now ends it after the time per answer, and the push
    /// says the connection was lost; nothing is stored.
    @Test func aPushWhoseClientStopsIsEndedByTheServer() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let path = team.folder + "/local.json"
        _ = try TeamLongHistoryTests.localSession(of: anna, team: team, events: 10, at: path)
        let connection = try PostgresConnection(url: try DatabaseURL(team.serverURL), timeoutSeconds: 2, user: anna, passwordFile: team.pgpass)
        let project = TeamProject(connection: connection)
        let owner = try team.owner()
        defer { owner.close() }
        let again = try team.connect(as: "anna")
        defer { again.close() }
        var idle: String?
        #expect {
            _ = try TeamTransfer(project: project).push(path, batchLines: 5) { sent, _ in
                guard sent == 5 else { return }
                Thread.sleep(forTimeInterval: 3)
                idle = try? again.query("SELECT count(*) AS n FROM pg_stat_activity WHERE usename = current_user AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'").first("n")
            }
        } throws: { error in (error as? TeamError)?.isConnectionFailure == true }
        #expect(idle == "0")
        #expect(try owner.query("SELECT count(*) AS n FROM workbench.events").first("n") == "0")
    }

    /// The parameters of a statement, from strings and from bytes, reach the server as sent.
    @Test func parametersFromBytesArriveAsSent() throws {
        let team = try TeamFixture(members: [])
        defer { team.drop() }
        let owner = try team.owner()
        defer { owner.close() }
        var parameters = PostgresParameters(["a", nil])
        parameters.append(bytes: Data("line ä\n".utf8)[2...])
        parameters.append("")
        let rows = try owner.query("SELECT $1::text AS a, ($2::text IS NULL)::text AS b, $3::text AS c, length($4::text)::text AS d", parameters)
        #expect(rows.first("a") == "a")
        #expect(rows.first("b") == "true")
        #expect(rows.first("c") == "ne ä\n")
        #expect(rows.first("d") == "0")
    }
}
